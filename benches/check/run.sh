#!/usr/bin/env bash
# Benchmark (not a test): `caseline check` over generated caseloads of several
# sizes, against `cat` of the same files (the cost of just reading them).
# For each size it prints the wall time of both (best of RUNS), their ratio,
# and the peak memory (RSS) of `check` in each output format.
#
# Targets (issue 13): peak memory flat in the number of files, at most 64 MB at
# every size; wall time within 3x of `cat`.
#
# Usage: benches/check/run.sh [COUNT...]   (default: 1000 10000 50000)
#        RUNS=5 benches/check/run.sh 10000
# Run it on a quiet machine: other work on the same cores skews the times
# (the memory figures do not depend on it).
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
runs="${RUNS:-3}"
if [ "$#" -eq 0 ]; then
    set -- 1000 10000 50000
fi

echo "building caseline (release)"
(cd "$root" && cargo build --release -p caseline --quiet)
bin="$root/target/release/caseline"
if ! [ -x /usr/bin/time ]; then
    echo "needs GNU time (/usr/bin/time, Debian package 'time') for peak memory" >&2
    exit 2
fi

# Best wall time of $runs runs of a shell command, in seconds.
best() {
    local cmd="$1" best="" t0 t1 dt
    for _ in $(seq "$runs"); do
        t0=$(date +%s.%N)
        bash -c "$cmd" || true
        t1=$(date +%s.%N)
        dt=$(echo "$t1 - $t0" | bc)
        if [ -z "$best" ] || [ "$(echo "$dt < $best" | bc)" = 1 ]; then best=$dt; fi
    done
    echo "$best"
}

# Peak RSS in MB of one run of `check --format $1` over $2.
peak() {
    local kb
    # `check` exits 1 when it finds errors, which the generated cases do.
    kb=$({ /usr/bin/time -f '%M' "$bin" check --format "$1" "$2" > /dev/null; } 2>&1 >/dev/null | tail -1) || true
    echo "$(( ${kb:-0} / 1024 ))"
}

printf '%8s %8s %9s %9s %7s   %s\n' files size "cat s" "check s" ratio "peak MB: json human sarif github"
for count in "$@"; do
    corpus="$(mktemp -d "${TMPDIR:-/tmp}/caseline-bench.XXXXXX")"
    python3 "$root/benches/check/gen_corpus.py" "$corpus" "$count" > /dev/null
    size=$(du -sh "$corpus" | cut -f1)
    cat_cmd="find $corpus -name '*.case' -print0 | xargs -0 cat > /dev/null"
    check_cmd="$bin check --format json $corpus > /dev/null"
    # Warm the page cache so both sides read from memory.
    eval "$cat_cmd"
    t_cat=$(best "$cat_cmd")
    t_check=$(best "$check_cmd")
    ratio=$(echo "scale=1; $t_check / $t_cat" | bc)
    mem=""
    for format in json human sarif github; do
        mem="$mem $(peak "$format" "$corpus")"
    done
    printf '%8s %8s %9.2f %9.2f %6sx  %s\n' "$count" "$size" "$t_cat" "$t_check" "$ratio" "$mem"
    rm -rf "$corpus"
done
echo "(phases of one run: CASELINE_LOG=caseline=debug $bin check --format json DIR)"
