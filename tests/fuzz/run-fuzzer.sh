#!/bin/sh
# run-fuzzer.sh — runs a libFuzzer target for a bounded time, for `meson test`.
#
#   run-fuzzer.sh FUZZER SEEDS DICT SCRATCH SECONDS [LIBFUZZER-OPTIONS…]
#   run-fuzzer.sh --skip REASON
#
# SEEDS is a list of folders separated by ':' whose .json files are the seed corpus: the
# fuzzer's own seeds and the packs the other tests use. They are copied into SCRATCH, which is
# emptied first, so that the inputs libFuzzer keeps never land in the source tree. Exits 0 when nothing was found, 1 on any crash, leak,
# undefined behaviour, timeout or memory blow-up, and 77 (skipped) only with --skip.

set -u

if [ "${1:-}" = --skip ]; then
  echo "SKIP: ${2:-the fuzzer is not available}"
  exit 77
fi

if [ $# -lt 5 ]; then
  echo "usage: $0 FUZZER SEEDS DICT SCRATCH SECONDS [LIBFUZZER-OPTIONS…]" >&2
  exit 1
fi

fuzzer=$1
seeds=$2
dict=$3
scratch=$4
seconds=$5
shift 5

rm -rf "$scratch"
mkdir -p "$scratch/corpus" "$scratch/artifacts" || exit 1
# Named after their folder too: tests/data/bad and tests/data/good may hold the same name.
old_ifs=$IFS
IFS=:
for folder in $seeds; do
  for seed in "$folder"/*.json; do
    cp "$seed" "$scratch/corpus/$(basename "$folder")-$(basename "$seed")" || exit 1
  done
done
IFS=$old_ifs

# Stack traces name functions and lines with llvm-symbolizer, or else with binutils' addr2line.
if ! command -v llvm-symbolizer >/dev/null && command -v addr2line >/dev/null; then
  symbolizer=external_symbolizer_path=$(command -v addr2line)
  ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}$symbolizer
  UBSAN_OPTIONS=${UBSAN_OPTIONS:+$UBSAN_OPTIONS:}$symbolizer
  LSAN_OPTIONS=${LSAN_OPTIONS:+$LSAN_OPTIONS:}$symbolizer
  export ASAN_OPTIONS UBSAN_OPTIONS LSAN_OPTIONS
fi

n_seeds=$(ls "$scratch/corpus" | wc -l)
echo "Fuzzing for $seconds s from $n_seeds seeds; findings go to $scratch/artifacts/"

# -error_exitcode defaults to 77, which would read as "skipped": every finding exits 1.
"$fuzzer" \
  -max_total_time="$seconds" \
  -timeout=10 \
  -rss_limit_mb=2048 \
  -max_len=131072 \
  -dict="$dict" \
  -error_exitcode=1 \
  -timeout_exitcode=1 \
  -artifact_prefix="$scratch/artifacts/" \
  -print_final_stats=1 \
  "$@" \
  "$scratch/corpus"
status=$?

findings=$(ls "$scratch/artifacts")
if [ $status -ne 0 ] || [ -n "$findings" ]; then
  echo "FAIL: the fuzzer exited with status $status; findings:"
  for finding in $findings; do
    echo "  $scratch/artifacts/$finding"
  done
  echo "Reproduce one with: $fuzzer FINDING"
  exit 1
fi

echo "PASS: no crash, leak, undefined behaviour or timeout in $seconds s"
exit 0
