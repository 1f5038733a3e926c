#!/usr/bin/env bash
# Benchmark (not a test): `caseline check --format json` over 10,000 generated case
# files, against `cat` of the same files (the cost of just reading them).
# Target: within 5x of reading the files.
#
# Usage: benches/check/run.sh [COUNT]   (run from anywhere; builds in release once)
set -euo pipefail

count="${1:-10000}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
corpus="$(mktemp -d "${TMPDIR:-/tmp}/caseline-bench.XXXXXX")"
trap 'rm -rf "$corpus"' EXIT

echo "generating $count case files in $corpus"
python3 "$root/benches/check/gen_corpus.py" "$corpus" "$count"
echo "corpus: $(find "$corpus" -name '*.case' | wc -l) files, $(du -sh "$corpus" | cut -f1)"

echo "building caseline (release)"
(cd "$root" && cargo build --release -p caseline --quiet)
bin="$root/target/release/caseline"

# `check` exits 1 when it finds errors, which the generated cases do: that is
# the expected outcome here, not a failure of the benchmark.
check_cmd="$bin check --format json $corpus > /dev/null || [ \$? -eq 1 ]"
cat_cmd="find $corpus -name '*.case' -print0 | xargs -0 cat > /dev/null"

# Warm the page cache so both sides read from memory.
eval "$cat_cmd"

if command -v hyperfine > /dev/null; then
    hyperfine --warmup 2 --runs 15 --shell bash \
        --export-json "$corpus/hyperfine.json" \
        -n cat "$cat_cmd" -n check "$check_cmd"
    python3 - "$corpus/hyperfine.json" <<'PY'
import json, sys
res = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
# The median: on a shared virtual machine a few runs are slowed by the
# neighbours, which the mean would count against whichever command they hit.
median = {k: v["median"] for k, v in res.items()}
mean = {k: v["mean"] for k, v in res.items()}
# CPU time does not measure the neighbours at all.
cpu = {k: v["user"] + v["system"] for k, v in res.items()}
print(f"wall (median of {len(res['check']['times'])}): cat {median['cat']:.3f}s, check {median['check']:.3f}s, ratio {median['check'] / median['cat']:.1f}x (target: 5x)")
print(f"wall (mean):   cat {mean['cat']:.3f}s, check {mean['check']:.3f}s, ratio {mean['check'] / mean['cat']:.1f}x")
print(f"cpu:           cat {cpu['cat']:.3f}s, check {cpu['check']:.3f}s, ratio {cpu['check'] / cpu['cat']:.1f}x")
print("phases of one run (CASELINE_LOG=caseline=debug):")
PY
    CASELINE_LOG=caseline=debug NO_COLOR=1 "$bin" check --format json "$corpus" 2>&1 >/dev/null \
        | sed -n 's/.*caseline::commands::check: /  /p' || true
    if [ -x /usr/bin/time ]; then
        echo "peak memory of one run: $( { /usr/bin/time -f '%M' "$bin" check --format json "$corpus" > /dev/null; } 2>&1 | tail -1 ) KB"
    fi
else
    runs=5
    best() {
        local cmd="$1" best=""
        for _ in $(seq "$runs"); do
            local t0 t1 dt
            t0=$(date +%s.%N)
            bash -c "$cmd"
            t1=$(date +%s.%N)
            dt=$(echo "$t1 - $t0" | bc)
            if [ -z "$best" ] || [ "$(echo "$dt < $best" | bc)" = 1 ]; then best=$dt; fi
        done
        echo "$best"
    }
    t_cat=$(best "$cat_cmd")
    t_check=$(best "$check_cmd")
    echo "best of $runs: cat ${t_cat}s, check ${t_check}s, ratio $(echo "scale=1; $t_check / $t_cat" | bc)x (target: 5x)"
fi
