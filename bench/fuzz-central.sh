#!/usr/bin/env bash
# A longer libFuzzer run of the central server's /v1 API (request parsing and handlers,
# tests/fuzz/central_api_fuzz.cpp). Findings land in build/fuzz/artifacts-central_api/.
#   bench/fuzz-central.sh [SECONDS=600]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
exec "$ROOT/tests/fuzz/run-fuzz.sh" central_api "${1:-600}" "$ROOT/build/fuzz"
