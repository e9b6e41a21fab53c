#!/usr/bin/env bash
# Makes a development PKI for the central server's mutual TLS with the openssl CLI.
#
#   central/pki/make-dev-pki.sh OUTDIR
#
# Idempotent: creates only what is missing or no longer valid (a leaf that does not verify
# against its CA or expires within 30 days, a CRL that is out of date or about to expire),
# so it is safe and fast to run before every test. Runs holding a lock on OUTDIR/.lock, so
# parallel test processes may share one OUTDIR.
#
# Layout (keys 0600, ECDSA P-256, CA 10 years, leaves 2 years, CRL next update 365 days):
#   ca.crt ca.key                      "OneStop Dev Agency CA"
#   server.crt server.key              SAN DNS:localhost, IP:127.0.0.1
#   kiosks/<id>.crt kiosks/<id>.key    CN=<id>, OU=kiosk: KIOSK-DEMO-01, KIOSK-DEMO-02,
#                                      KIOSK-TEST-01 and KIOSK-REVOKED-01 (revoked)
#   staff/<id>.crt staff/<id>.key      CN=<id>, OU=staff: STAFF-DEMO-01
#   crl.pem                            the agency CA's CRL (lists KIOSK-REVOKED-01)
#   ca/                                `openssl ca` state: config, index, serial numbers
#   other-ca/ca.crt other-ca/ca.key    an unrelated CA ("OneStop Rogue CA")
#   other-ca/kiosks/KIOSK-ROGUE-01.{crt,key}   a kiosk certificate from that CA
#
# For development and tests only: the keys are unencrypted.
set -euo pipefail

if [[ $# -ne 1 || -z "$1" ]]; then
  echo "usage: $0 OUTDIR" >&2
  exit 2
fi
command -v openssl >/dev/null || { echo "$0: openssl not found (apt install openssl)" >&2; exit 1; }

readonly OUT="$1"
readonly CA_DAYS=3650 LEAF_DAYS=730 CRL_DAYS=365
readonly RENEW_SECONDS=$((30 * 24 * 3600))  # renew leaves and the CRL this close to expiry
readonly ORG="OneStop Dev Agency"
readonly KIOSKS=(KIOSK-DEMO-01 KIOSK-DEMO-02 KIOSK-TEST-01 KIOSK-REVOKED-01)
readonly STAFF=(STAFF-DEMO-01)
readonly REVOKED=KIOSK-REVOKED-01

umask 077  # keys are created 0600; certificates are made world-readable below
mkdir -p "$OUT"/{ca,kiosks,staff,other-ca/kiosks}
exec 9>"$OUT/.lock"
flock 9

log() { echo "make-dev-pki: $*" >&2; }

# Runs openssl quietly; prints its output only when it fails.
ossl() {
  local output
  if ! output=$(openssl "$@" 2>&1); then
    echo "$output" >&2
    echo "make-dev-pki: openssl $1 failed" >&2
    return 1
  fi
}

new_key() {  # path
  ossl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:prime256v1 -out "$1"
  chmod 600 "$1"
}

# True when the certificate exists, verifies against the CA and outlives the renewal margin.
leaf_is_good() {  # cert ca_cert
  [[ -s "$1" ]] || return 1
  openssl x509 -in "$1" -noout -checkend "$RENEW_SECONDS" >/dev/null 2>&1 || return 1
  openssl verify -CAfile "$2" "$1" >/dev/null 2>&1
}

# A CA: key and self-signed certificate. A new CA invalidates everything it issued, which
# leaf_is_good then renews.
make_ca() {  # dir common_name
  local dir="$1" cn="$2"
  if [[ -s "$dir/ca.key" && -s "$dir/ca.crt" ]] &&
     openssl x509 -in "$dir/ca.crt" -noout -checkend "$RENEW_SECONDS" >/dev/null 2>&1; then
    return
  fi
  log "creating CA \"$cn\" in $dir"
  new_key "$dir/ca.key"
  ossl req -x509 -new -key "$dir/ca.key" -sha256 -days "$CA_DAYS" \
    -subj "/O=$ORG/CN=$cn" \
    -addext "basicConstraints=critical,CA:TRUE,pathlen:0" \
    -addext "keyUsage=critical,keyCertSign,cRLSign" \
    -addext "subjectKeyIdentifier=hash" \
    -out "$dir/ca.crt"
  chmod 644 "$dir/ca.crt"
}

# `openssl ca` state for the agency CA. The config is rewritten every run (it is derived
# from this script); the index and serial files are kept.
write_ca_config() {
  local state="$OUT/ca"
  [[ -f "$state/index.txt" ]] || : >"$state/index.txt"
  [[ -f "$state/crlnumber" ]] || echo 01 >"$state/crlnumber"
  mkdir -p "$state/issued"
  cat >"$state/ca.cnf" <<EOF
# Written by make-dev-pki.sh; edits are overwritten.
[ ca ]
default_ca = agency

[ agency ]
dir              = $state
database         = \$dir/index.txt
new_certs_dir    = \$dir/issued
crlnumber        = \$dir/crlnumber
certificate      = $OUT/ca.crt
private_key      = $OUT/ca.key
rand_serial      = yes
unique_subject   = no
default_md       = sha256
default_days     = $LEAF_DAYS
default_crl_days = $CRL_DAYS
policy           = any_subject
preserve         = yes
copy_extensions  = none
crl_extensions   = crl_ext

[ any_subject ]
organizationName       = optional
organizationalUnitName = optional
commonName             = supplied

[ server_ext ]
basicConstraints       = critical,CA:FALSE
keyUsage               = critical,digitalSignature
extendedKeyUsage       = serverAuth
subjectAltName         = DNS:localhost,IP:127.0.0.1
subjectKeyIdentifier   = hash
authorityKeyIdentifier = keyid

[ client_ext ]
basicConstraints       = critical,CA:FALSE
keyUsage               = critical,digitalSignature
extendedKeyUsage       = clientAuth
subjectKeyIdentifier   = hash
authorityKeyIdentifier = keyid

[ crl_ext ]
authorityKeyIdentifier = keyid
EOF
}

# A leaf signed by the agency CA through `openssl ca`, so that it is in the index.
issue_agency() {  # base_path subject extensions
  local base="$1" subject="$2" ext="$3"
  leaf_is_good "$base.crt" "$OUT/ca.crt" && return
  log "issuing $subject"
  [[ -s "$base.key" ]] || new_key "$base.key"
  ossl req -new -key "$base.key" -subj "$subject" -out "$base.csr"
  ossl ca -batch -notext -config "$OUT/ca/ca.cnf" -extensions "$ext" \
    -in "$base.csr" -out "$base.crt"
  rm -f "$base.csr"
  chmod 644 "$base.crt"
}

# A client leaf signed by the unrelated CA (no index: it never needs revoking).
issue_other() {  # base_path subject
  local base="$1" subject="$2" ca="$OUT/other-ca" extfile
  leaf_is_good "$base.crt" "$ca/ca.crt" && return
  log "issuing $subject (other CA)"
  [[ -s "$base.key" ]] || new_key "$base.key"
  extfile="$ca/client_ext.cnf"
  printf '%s\n' "basicConstraints=critical,CA:FALSE" "keyUsage=critical,digitalSignature" \
    "extendedKeyUsage=clientAuth" >"$extfile"
  ossl req -new -key "$base.key" -subj "$subject" -out "$base.csr"
  ossl x509 -req -in "$base.csr" -CA "$ca/ca.crt" -CAkey "$ca/ca.key" -sha256 \
    -days "$LEAF_DAYS" -extfile "$extfile" -out "$base.crt"
  rm -f "$base.csr"
  chmod 644 "$base.crt"
}

# Marks the certificate revoked in the index unless it already is.
revoke() {  # cert
  local serial
  serial=$(openssl x509 -in "$1" -noout -serial)
  serial=${serial#serial=}
  if awk -F'\t' -v s="$serial" '$1 == "R" && toupper($4) == toupper(s) { found = 1 }
                                 END { exit !found }' "$OUT/ca/index.txt"; then
    return
  fi
  log "revoking $1"
  ossl ca -config "$OUT/ca/ca.cnf" -revoke "$1" -crl_reason keyCompromise
}

# Regenerates the CRL when missing, older than the index or the CA, or close to expiry.
refresh_crl() {
  local crl="$OUT/crl.pem" next
  if [[ -s "$crl" && ! "$OUT/ca/index.txt" -nt "$crl" && ! "$OUT/ca.crt" -nt "$crl" ]] &&
     openssl crl -in "$crl" -noout -CAfile "$OUT/ca.crt" >/dev/null 2>&1; then
    next=$(openssl crl -in "$crl" -noout -nextupdate)
    next=$(date -d "${next#nextUpdate=}" +%s)
    (( next - $(date +%s) > RENEW_SECONDS )) && return
  fi
  log "writing the CRL"
  ossl ca -config "$OUT/ca/ca.cnf" -gencrl -crldays "$CRL_DAYS" -out "$crl"
  chmod 644 "$crl"
}

make_ca "$OUT" "OneStop Dev Agency CA"
write_ca_config
issue_agency "$OUT/server" "/O=$ORG/OU=server/CN=localhost" server_ext
for id in "${KIOSKS[@]}"; do
  issue_agency "$OUT/kiosks/$id" "/O=$ORG/OU=kiosk/CN=$id" client_ext
done
for id in "${STAFF[@]}"; do
  issue_agency "$OUT/staff/$id" "/O=$ORG/OU=staff/CN=$id" client_ext
done
revoke "$OUT/kiosks/$REVOKED.crt"
refresh_crl

make_ca "$OUT/other-ca" "OneStop Rogue CA"
issue_other "$OUT/other-ca/kiosks/KIOSK-ROGUE-01" "/O=$ORG/OU=kiosk/CN=KIOSK-ROGUE-01"
