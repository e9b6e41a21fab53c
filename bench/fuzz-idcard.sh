#!/usr/bin/env bash
# A longer libFuzzer run of the ID card frame parser and text decoder.
#   bench/fuzz-idcard.sh [SECONDS=600]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
exec "$ROOT/tests/fuzz/run-fuzz.sh" idcard "${1:-600}" "$ROOT/build/fuzz"
