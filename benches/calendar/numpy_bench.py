"""Benchmark (not a test): numpy.busday_offset / busday_count with the England and
Wales bank holidays, on random pairs it also writes out for the Rust benchmark.

Usage: numpy_bench.py HOLIDAYS_JSON PAIRS_OUT COUNT
Writes PAIRS_OUT as lines `a n b` (dates as days since 1970-01-01) and prints
`RESULT name value` lines: ns per element vectorised, ns per call one at a time,
and checksums of the results so the caller can check both sides agree.

Conventions, matched to caseline's (docs/format.md#durations-and-working-days):
- `D + N wd` (the N-th working day strictly after D) is
  busday_offset(D, N, roll="backward"): a non-working D rolls back to the previous
  working day, which has the same working days after it.
- working days in (A, B] is busday_count(A + 1, B + 1) when A <= B (numpy counts
  [begin, end)); when A > B numpy counts minus the days in (end, begin], so there it
  is busday_count(A, B), which is caseline's -(B, A]. The shifted arrays are made
  before timing.
"""

import json
import sys
import time

import numpy as np


def best_of(rounds, fn):
    best = float("inf")
    for _ in range(rounds):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def main():
    holidays_json, pairs_out, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    with open(holidays_json, encoding="utf-8") as f:
        events = json.load(f)["england-and-wales"]["events"]
    cal = np.busdaycalendar(holidays=np.array([e["date"] for e in events], dtype="datetime64[D]"))

    # Same distribution as the Rust benchmark's own pairs: starts 2013 to late 2026,
    # 1–65 working days, ends within 400 days either side, so every date stays inside
    # the data's years (2012–2028): numpy gets only the data, caseline would use its
    # rule-based holidays outside them.
    rng = np.random.default_rng(20241105)
    a = np.datetime64("2012-01-01") + rng.integers(400, 5400, count)
    n = rng.integers(1, 66, count)
    b = a + rng.integers(-400, 400, count)
    one = np.timedelta64(1, "D")
    epoch = np.datetime64("1970-01-01")
    np.savetxt(
        pairs_out,
        np.column_stack([(a - epoch).astype(np.int64), n, (b - epoch).astype(np.int64)]),
        fmt="%d",
    )

    added = np.busday_offset(a, n, roll="backward", busdaycal=cal)
    forward = a <= b
    a1, b1 = np.where(forward, a + one, a), np.where(forward, b + one, b)
    between = np.busday_count(a1, b1, busdaycal=cal)

    vec_add = best_of(5, lambda: np.busday_offset(a, n, roll="backward", busdaycal=cal)) / count
    vec_between = best_of(5, lambda: np.busday_count(a1, b1, busdaycal=cal)) / count

    # One call at a time, as code that handles one deadline at a time would.
    few = min(count, 20_000)
    al, nl, a1l, b1l = list(a[:few]), [int(x) for x in n[:few]], list(a1[:few]), list(b1[:few])

    def scalar_add():
        for d, k in zip(al, nl):
            np.busday_offset(d, k, roll="backward", busdaycal=cal)

    def scalar_between():
        for x, y in zip(a1l, b1l):
            np.busday_count(x, y, busdaycal=cal)

    one_add = best_of(3, scalar_add) / few
    one_between = best_of(3, scalar_between) / few

    print(f"RESULT numpy_vec_add {vec_add * 1e9}")
    print(f"RESULT numpy_vec_between {vec_between * 1e9}")
    print(f"RESULT numpy_one_add {one_add * 1e9}")
    print(f"RESULT numpy_one_between {one_between * 1e9}")
    print(f"RESULT add_sum {int((added - epoch).astype(np.int64).sum())}")
    print(f"RESULT between_sum {int(between.sum())}")
    print(f"RESULT numpy_version {np.__version__}")


if __name__ == "__main__":
    main()
