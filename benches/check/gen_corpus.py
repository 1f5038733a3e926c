#!/usr/bin/env python3
"""Generate a corpus of realistic, varied .case timelines for benchmarking
`caseline check` (benches/check/run.sh). Not a test: the findings are whatever
the random timelines produce. Deterministic for a given seed.

Usage: gen_corpus.py OUT_DIR [COUNT] [SEED]
"""
import datetime as dt
import os
import random
import sys

BODIES = [
    "Worcestershire County Council", "Kent County Council", "Leeds City Council",
    "Cornwall Council", "London Borough of Camden", "Bristol City Council",
    "Norfolk County Council", "Cumbria County Council",
]
NAMES = ["Miss X", "Mr X", "Mrs Y", "Ms Z", "Mr B", "Mrs C"]
TOPICS = [
    "needs assessment", "respite care", "school transport", "direct payments",
    "care leaver support", "short breaks", "carer's assessment", "placement move",
]
ACTIONS = [
    "Apologise in writing", "Meet the complainant to discuss the assessment",
    "Complete a carer's assessment", "Review the care plan",
    "Pay £150 for time and trouble", "Remind staff of the statutory timescales",
    "Consider a specialist family support worker", "Share the updated report",
]


def fmt(d):
    return d.isoformat()


def vague(d, rng):
    """Mostly exact days, sometimes a month or a short range (as decisions are)."""
    r = rng.random()
    if r < 0.75:
        return fmt(d)
    if r < 0.9:
        return d.strftime("%Y-%m")
    end = d + dt.timedelta(days=rng.randint(2, 12))
    return f"{fmt(d)}..{fmt(end)}"


def case_text(i, rng):
    start = dt.date(2021, 1, 4) + dt.timedelta(days=rng.randint(0, 1200))
    lines = [
        f"# Generated benchmark case {i}.",
        f'case "{rng.randint(10, 25)} {rng.randint(0, 999):03d} {rng.randint(0, 999):03d}"',
        f'  title "{rng.choice(TOPICS).capitalize()} complaint"',
        f'  body "{rng.choice(BODIES)}"',
        f'  complainant "{rng.choice(NAMES)}"',
        "  procedure children-statutory lgsco",
        "AS-OF",
        "",
    ]
    d = start
    rec_ids = []

    def step(lo, hi):
        nonlocal d
        d = d + dt.timedelta(days=rng.randint(lo, hi))
        return d

    lines.append(f'{vague(step(0, 3), rng)} stage1.received "Complaint about {rng.choice(TOPICS)}"')
    lines.append(f"{vague(step(5, 40), rng)} stage1.response")
    if rng.random() < 0.3:
        lines.append("  extended \"Complex complaint\"")
    if rng.random() < 0.8:
        lines.append(f"{vague(step(3, 30), rng)} stage2.requested")
        lines.append(f"{vague(step(20, 120), rng)} stage2.report \"Investigating officer's report\"")
        for k in range(rng.randint(1, 6)):
            rid = chr(ord("a") + k)
            rec_ids.append(rid)
            lines.append(f'  rec {rid} "{rng.choice(ACTIONS)}"')
            if rng.random() < 0.3:
                lines.append(f"  > {rng.choice(ACTIONS)}; the officer found fault on this point.")
        lines.append(f"{vague(step(5, 60), rng)} stage2.adjudication \"Response to the report\"")
        lines.append(f"  agree {' '.join(rec_ids)} within {rng.choice([10, 15, 20])}wd")
        for rid in rec_ids:
            r = rng.random()
            if r < 0.6:
                lines.append(f'{vague(step(1, 30), rng)} done {rid} "Done"')
            elif r < 0.75:
                lines.append(f'{vague(step(1, 30), rng)} declined {rid} "Not appropriate in the circumstances"')
        if rng.random() < 0.5:
            lines.append(f"{vague(step(2, 20), rng)} stage3.requested")
            lines.append(f"{vague(step(10, 60), rng)} stage3.panel \"Review panel\"")
            lines.append(f"{vague(step(2, 10), rng)} stage3.report")
            lines.append(f"{vague(step(5, 30), rng)} stage3.response")
            if rng.random() < 0.5:
                lines.append(f'  promise p1 within 15wd "{rng.choice(ACTIONS)}"')
    lines.append(f"{vague(step(30, 200), rng)} note \"Complainant contacted the Ombudsman\"")
    if rng.random() < 0.5:
        lines.append(f"{fmt(step(30, 200))} ombudsman.decision \"Fault causing injustice\"")
        lines.append(f'  rec o1 within 1m "{rng.choice(ACTIONS)}"')
    # Judge the case some time after its last entry, as an investigator would.
    as_of = d + dt.timedelta(days=rng.randint(0, 120))
    lines[lines.index("AS-OF")] = f"  as-of {fmt(as_of)}"
    return "\n".join(lines) + "\n"


def main():
    out = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 10000
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 20241105
    rng = random.Random(seed)
    for i in range(count):
        sub = os.path.join(out, f"batch{i // 500:02d}")
        os.makedirs(sub, exist_ok=True)
        with open(os.path.join(sub, f"case-{i:05d}.case"), "w", encoding="utf-8") as f:
            f.write(case_text(i, rng))


if __name__ == "__main__":
    main()
