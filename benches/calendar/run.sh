#!/usr/bin/env bash
# Benchmark (not a test): caseline-calendar's working-day arithmetic against
# numpy.busday_offset / busday_count with the same England and Wales bank holidays,
# on the same random pairs. Also checks that both give the same answers.
# Target: caseline at least 20x faster than numpy vectorised, per element.
#
# Usage: benches/calendar/run.sh [COUNT]   (default 1,000,000 pairs)
# Needs python3 with venv and pip (numpy goes into a throw-away venv) and cargo;
# builds only caseline-calendar, in release (the bench profile).
set -euo pipefail

count="${1:-1000000}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/caseline-calbench.XXXXXX")"
trap 'rm -rf "$work"' EXIT

echo "setting up numpy in a throw-away venv ($work/venv)"
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet --disable-pip-version-check numpy

echo "numpy: timing $count pairs"
"$work/venv/bin/python" "$root/benches/calendar/numpy_bench.py" \
    "$root/crates/caseline-calendar/data/uk-bank-holidays.json" "$work/pairs.txt" "$count" \
    > "$work/numpy.txt"

echo "caseline-calendar: building and timing the same pairs (release)"
(cd "$root" && CASELINE_BENCH_INPUT="$work/pairs.txt" \
    cargo bench --quiet -p caseline-calendar --bench ops) > "$work/rust.txt"
grep -v '^RESULT' "$work/rust.txt" | sed 's/^/  /'

python3 - "$work/numpy.txt" "$work/rust.txt" "$count" <<'PY'
import sys

def results(path):
    out = {}
    for line in open(path):
        parts = line.split()
        if len(parts) == 3 and parts[0] == "RESULT":
            out[parts[1]] = parts[2]
    return out

np_r, rs = results(sys.argv[1]), results(sys.argv[2])
count = int(sys.argv[3])
agree = np_r["add_sum"] == rs["add_sum"] and np_r["between_sum"] == rs["between_sum"]
print()
print(f"England and Wales, {count:,} random pairs, numpy {np_r['numpy_version']}")
print(f"answers agree with numpy: {'yes' if agree else 'NO'}")
print(f"{'operation':<22}{'caseline':>12}{'numpy vec':>12}{'numpy 1-by-1':>14}{'naive loop':>12}{'vs vec':>9}{'vs 1-by-1':>11}")
for op, naive in (("add", "naive_add"), ("between", "naive_between")):
    c = float(rs[op])
    v = float(np_r[f"numpy_vec_{op}"])
    o = float(np_r[f"numpy_one_{op}"])
    nv = float(rs[naive])
    print(f"{op + ' (ns/op)':<22}{c:>12.2f}{v:>12.2f}{o:>14.0f}{nv:>12.1f}{v / c:>8.1f}x{o / c:>10.0f}x")
ok = all(float(np_r[f"numpy_vec_{op}"]) / float(rs[op]) >= 20 for op in ("add", "between"))
print(f"target (>= 20x numpy vectorised): {'met' if ok else 'NOT met'}")
sys.exit(0 if agree else 1)
PY
