#!/bin/bash
# Filings at the kiosk end to end (tests/e2e/filings/*.scn), each against its own demo
# central server: the kiosk files, the server accepts (the kiosk log says it was
# delivered), a receipt comes out of the simulated receipt printer — and nothing the
# citizen entered appears in clear in the kiosk log or the outbox.
#   filings.sh KIOSK SCENARIO_DIR SCREENSHOT_DIR
set -euo pipefail
kiosk=$1 scenarios=$2 shots=$3
work=$(mktemp -d /tmp/onestop-e2e-filings.XXXXXX)
trap 'rm -rf "$work"' EXIT
export LSAN_OPTIONS=${LSAN_OPTIONS:-}

fail() { echo "FAILED: $*" >&2; exit 1; }

run() {   # scenario name (without .scn)
  "$kiosk" --demo --central "$work/$1" --headless --scenario "$scenarios/$1.scn" --screenshots "$shots/$1" \
    --log-level info 2> "$work/$1.log" || {
    echo "FAILED: scenario $1.scn; kiosk log:" >&2
    tail -12 "$work/$1.log" >&2
    exit 1
  }
  local filed receipts
  filed=$(grep -c 'central: filing [0-9]* delivered' "$work/$1.log" || true)
  [[ $filed -eq 1 ]] || fail "$1: expected 1 filing delivered to the server, the log shows $filed"
  receipts=$(find "$work/$1/receipts" -name '*.png' -size +1k | wc -l)
  [[ $receipts -eq 1 ]] || fail "$1: expected 1 receipt, found $receipts"
}

# Values typed in the scenarios, which must never be in clear in a log or the outbox.
secret='6222020012345678903|622202001234567890|人民路|renmin'
clean() {   # scenario name
  if grep -qaE "$secret" "$work/$1.log"; then fail "$1: a typed value in the kiosk log"; fi
  if grep -qaE "$secret" "$work/$1/kiosk/"outbox.db*; then fail "$1: a typed value in clear in the outbox"; fi
}

run card_loss
grep -q 'filing [0-9]*: report_card_loss submitted (0 fields)' "$work/card_loss.log" || fail "card_loss: not submitted"

run bank_account          # large text; a mistyped number refused first
clean bank_account

run flexible_offline      # kept while the central system is down, delivered when it is back
grep -q 'kept as outbox item' "$work/flexible_offline.log" || fail "flexible_offline: not kept in the outbox"

for s in "$scenarios"/address*.scn; do
  [[ -e $s ]] || continue
  name=$(basename "$s" .scn)
  run "$name"
  clean "$name"
done
echo "filings: card loss, bank account, flexible employment (offline) and address filed end to end"
