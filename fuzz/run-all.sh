#!/usr/bin/env bash
# Runs every fuzz target for SECONDS each (default 60) from the committed seeds
# and prints runs, runs/s and corpus size per target. Exits 1 if any target
# found something (a panic, a failed oracle, a timeout or running out of
# memory); the input is then in fuzz/artifacts/TARGET/.
#
#   bash fuzz/run-all.sh 60     # CI: a short run of each target
#   bash fuzz/run-all.sh 1800   # by hand, before resolving a fuzzing issue
#
# Builds with `cargo fuzz build --sanitizer none`, which works on the stable
# toolchain (no ASan: caseline has no `unsafe`; see README.md for an ASan run).
# Needs cargo-fuzz (`cargo install cargo-fuzz@0.13.2 --locked`).
# FUZZ_JOBS=2 runs two targets at a time (one core each); the default is one
# at a time. FUZZ_TIMEOUT (seconds, default 10) is how long one input may run
# before libFuzzer calls it a hang: its clock is the wall clock, so on a machine
# busy with other work raise it (an input that takes 0.2 s alone has "timed
# out" at 10 s behind a compiler on both cores). The corpus each run grows is kept in fuzz/corpus/TARGET/ (git-ignored)
# and read again by the next run; FUZZ_FRESH=1 starts from the seeds only.
set -euo pipefail
cd "$(dirname "$0")"

seconds="${1:-60}"
jobs="${FUZZ_JOBS:-1}"
targets=(parse_check timeline reparse format)

if ! [[ "$seconds" =~ ^[0-9]+$ ]] || [ "$seconds" -lt 1 ]; then
  echo "usage: $0 [SECONDS per target, default 60]" >&2
  exit 2
fi
if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "cargo-fuzz is missing: cargo install cargo-fuzz@0.13.2 --locked" >&2
  exit 2
fi

cargo fuzz build --sanitizer none
host=$(rustc -vV | sed -n 's/^host: //p')
bin_dir="target/$host/release"

# Flags per target: the input size limit, and for the structured timeline
# generator no length control (short inputs would make mostly empty timelines).
flags() {
  case "$1" in
    parse_check) echo "-max_len=8192" ;;
    timeline) echo "-max_len=4096 -len_control=0" ;;
    *) echo "-max_len=4096" ;;
  esac
}

mkdir -p artifacts/logs
run_one() {
  local t="$1"
  local corpus="corpus/$t"
  [ "${FUZZ_FRESH:-0}" = 1 ] && rm -rf "$corpus"
  mkdir -p "$corpus" "artifacts/$t"
  local seeds=(seeds/cases)
  [ -d "seeds/$t" ] && seeds+=("seeds/$t")
  # shellcheck disable=SC2046
  "$bin_dir/$t" "$corpus" "${seeds[@]}" \
    -max_total_time="$seconds" -timeout="${FUZZ_TIMEOUT:-10}" -detect_leaks=0 -print_final_stats=1 \
    -artifact_prefix="artifacts/$t/" $(flags "$t") \
    >"artifacts/logs/$t.log" 2>&1
}

summary() {
  local t="$1" status="$2" log="artifacts/logs/$1.log"
  local runs rate corpus
  # (A log cut short by a crash may lack any of these: "?" then.)
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  # libFuzzer's last status line: "#N DONE cov: C ft: F corp: ENTRIES/SIZE ...".
  corpus=$(sed -n 's/^#[0-9].*corp: \([0-9]*\/[0-9]*[a-zA-Z]*\).*/\1/p' "$log" | tail -1)
  printf '%-12s %-8s %12s %8s %14s\n' "$t" "$status" "${runs:-?}" "${rate:-?}" "${corpus:-?}"
}

declare -A status
pids=()
names=()
for t in "${targets[@]}"; do
  echo "fuzzing $t for ${seconds}s (log: fuzz/artifacts/logs/$t.log)"
  run_one "$t" &
  pids+=($!)
  names+=("$t")
  if [ "${#pids[@]}" -ge "$jobs" ]; then
    if wait "${pids[0]}"; then status[${names[0]}]=ok; else status[${names[0]}]=FINDING; fi
    pids=("${pids[@]:1}")
    names=("${names[@]:1}")
  fi
done
for i in "${!pids[@]}"; do
  if wait "${pids[$i]}"; then status[${names[$i]}]=ok; else status[${names[$i]}]=FINDING; fi
done

echo
printf '%-12s %-8s %12s %8s %14s\n' target result runs runs/s "corpus (libFuzzer)"
failed=0
for t in "${targets[@]}"; do
  summary "$t" "${status[$t]}"
  [ "${status[$t]}" = ok ] || failed=1
done
if [ "$failed" = 1 ]; then
  for t in "${targets[@]}"; do
    [ "${status[$t]}" = ok ] && continue
    echo
    echo "=== $t found something; the end of its log:"
    tail -n 60 "artifacts/logs/$t.log"
    echo "=== inputs saved in fuzz/artifacts/$t/:"
    ls -l "artifacts/$t/"
    echo "reproduce: cd fuzz && target/$host/release/$t artifacts/$t/<file>"
  done
  exit 1
fi
