#!/bin/bash
# Re-issues the certificate fixtures from the demo central server (fictional demo people
# only, docs/demo-data.md) and saves its public keys, so that tests can verify the seals.
#   tests/data/certificates/refresh.sh [BUILD_DIR]      (default build/ci)
# The seals stay verifiable for their 90 days; tests verify them at their issue time.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
central="$root/${1:-build/ci}/central/app/onestop-central"
[[ -x $central ]] || { echo "build onestop-central first (not found: $central)" >&2; exit 1; }

work=$(mktemp -d)
port=$((20000 + RANDOM % 40000))
"$central" --demo --out "$work" --listen "127.0.0.1:$port" >"$work/central.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$work"' EXIT
pki=$work/pki
api() {
  curl -sS --fail-with-body --cacert "$pki/ca.crt" --cert "$pki/kiosks/KIOSK-DEMO-01.crt" \
    --key "$pki/kiosks/KIOSK-DEMO-01.key" "$@"
}
for _ in $(seq 50); do api "https://127.0.0.1:$port/v1/keys" >/dev/null 2>&1 && break; sleep 0.2; done

pretty() { python3 -m json.tool --no-ensure-ascii --indent 2; }
api "https://127.0.0.1:$port/v1/keys" >"$here/keys.json"

# fixture name, e-SSC demo token (docs/demo-data.md), certificate type
while read -r name token type; do
  session=$(api -X POST -H 'Content-Type: application/json' "https://127.0.0.1:$port/v1/identify" \
    -d "{\"method\":\"essc\",\"token\":\"$token\"}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["sessionToken"])')
  api -X POST -H 'Content-Type: application/json' -H "Authorization: Bearer $session" \
    "https://127.0.0.1:$port/v1/me/certificates" -d "{\"type\":\"$type\"}" | pretty >"$here/$name.json"
  echo "$name.json"
done <<'LIST'
participation-worker ESSC1.3ACF773780EB26D414D5ACE483B32EED participation
participation-arrears ESSC1.50B52D61C46A801CA4688C16CC666335 participation
participation-rare-name ESSC1.BCD7E27B488A4F24AD84B838A40C7D96 participation
participation-foreign-2023 ESSC1.A7F8452847782489261C55E07A09D746 participation
rights-record-worker ESSC1.3ACF773780EB26D414D5ACE483B32EED rights_record
rights-record-retiree ESSC1.EDD3D9E906F6417A9A604D05375AC0BB rights_record
benefit-retiree ESSC1.EDD3D9E906F6417A9A604D05375AC0BB benefit
LIST
