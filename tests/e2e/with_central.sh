#!/bin/bash
# Runs one scenario against the kiosk's embedded demo central server in a fresh directory
# (so every run starts from the same seeded records): with_central.sh KIOSK SCENARIO DIR
set -euo pipefail
kiosk=$1 scenario=$2 dir=$3
rm -rf "$dir"
mkdir -p "$dir"
exec "$kiosk" --demo --central "$dir/central" --headless --scenario "$scenario" --screenshots "$dir/shots" --log-level warn
