#!/bin/bash
# Runs one scenario against the kiosk's embedded demo central server in a fresh directory
# (so every run starts from the same seeded records): with_central.sh KIOSK SCENARIO DIR.
# Lines "# check: COMMAND" in the scenario run afterwards in the demo's central directory
# (receipts/, voice/, kiosk/ …) and must succeed: what the scenario cannot see on screen.
set -euo pipefail
kiosk=$1 scenario=$2 dir=$3
rm -rf "$dir"
mkdir -p "$dir"
"$kiosk" --demo --central "$dir/central" --headless --scenario "$scenario" --screenshots "$dir/shots" \
  --log-level info 2> "$dir/kiosk.log" || { echo "FAILED: $scenario; kiosk log:" >&2; tail -15 "$dir/kiosk.log" >&2; exit 1; }
while IFS= read -r check; do
  (cd "$dir/central" && bash -c "$check") || { echo "FAILED: check '$check' after $scenario" >&2; exit 1; }
done < <(sed -n 's/^# check: //p' "$scenario")
