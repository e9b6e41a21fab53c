#!/usr/bin/env bash
# Builds a libFuzzer target with clang and runs it for a while; fails on any crash.
#   tests/fuzz/run-fuzz.sh idcard|central_api [SECONDS=30] [BUILD_DIR=build/fuzz]
# Compiler: $ONESTOP_FUZZ_CXX (default clang++). New corpus entries stay in the build dir;
# the committed seeds in tests/fuzz/corpus/<target>/ are only read.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
target="${1:?usage: run-fuzz.sh TARGET [SECONDS] [BUILD_DIR]}"
seconds="${2:-30}"
build="${3:-$ROOT/build/fuzz}"
cxx="${ONESTOP_FUZZ_CXX:-clang++}"

generator=()
command -v ninja >/dev/null && generator=(-G Ninja)
if [ ! -f "$build/CMakeCache.txt" ]; then
  cmake -S "$ROOT/tests/fuzz" -B "$build" "${generator[@]}" -DCMAKE_CXX_COMPILER="$cxx" \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi
cmake --build "$build" --target "fuzz-$target" -j 2 >/dev/null

dict=()   # tests/fuzz/<target>.dict, when there is one
[ -f "$ROOT/tests/fuzz/$target.dict" ] && dict=(-dict="$ROOT/tests/fuzz/$target.dict")

work="$build/corpus-$target"
artifacts="$build/artifacts-$target"
mkdir -p "$work" "$artifacts"
echo "fuzzing $target for ${seconds}s (corpus: $work + tests/fuzz/corpus/$target)"
# No leak detection noise from the fuzzer's own bookkeeping; any crash or sanitizer report fails.
exec "$build/fuzz-$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=4096 \
  -print_final_stats=1 -artifact_prefix="$artifacts/" "${dict[@]}" "$work" "$ROOT/tests/fuzz/corpus/$target"
