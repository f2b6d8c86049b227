#!/usr/bin/env python3
"""The fsrs-rs side of the FSRS replay benchmark (scripts/bench-fsrs.sh).

Makes seeded review histories (cards x reviews, each review a rating and the
days since the previous one), writes them to HISTORIES as one line per card
("rating days rating days ..."), replays them into memory states with
fsrs-rs-python's FSRS.memory_state_batch, writes the final stability and
difficulty of each card to RESULTS ("s d" per line), and prints the best time
of --runs runs as "fsrs-rs-python seconds: X" and the least CPU time of
the process over one run (all its threads) as "fsrs-rs-python cpu seconds: X"
(other load on a shared machine inflates the first much more than the second).
"""
import argparse
import random
import time

import fsrs_rs_python as rs

GAPS = [0, 0, 1, 1, 2, 3, 4, 6, 9, 14, 21, 35, 60, 100, 180, 400]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("histories")
    ap.add_argument("results")
    ap.add_argument("--cards", type=int, default=100_000)
    ap.add_argument("--reviews", type=int, default=10)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--runs", type=int, default=5)
    a = ap.parse_args()

    rng = random.Random(a.seed)
    histories = []
    for _ in range(a.cards):
        h = [(rng.choices([1, 2, 3, 4], [15, 10, 65, 10])[0], 0)]
        for _ in range(a.reviews - 1):
            h.append((rng.choices([1, 2, 3, 4], [12, 10, 68, 10])[0], rng.choice(GAPS)))
        histories.append(h)
    with open(a.histories, "w") as f:
        for h in histories:
            f.write(" ".join(f"{g} {t}" for g, t in h) + "\n")

    items = [rs.FSRSItem(reviews=[rs.FSRSReview(g, t) for g, t in h]) for h in histories]
    engine = rs.FSRS(rs.DEFAULT_PARAMETERS)
    best = best_cpu = float("inf")
    for _ in range(a.runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        states = engine.memory_state_batch(items)
        best = min(best, time.perf_counter() - start)
        best_cpu = min(best_cpu, time.process_time() - start_cpu)
    with open(a.results, "w") as f:
        for m in states:
            f.write(f"{m.stability!r} {m.difficulty!r}\n")
    print(f"fsrs-rs-python seconds: {best:.6f}")
    print(f"fsrs-rs-python cpu seconds: {best_cpu:.6f}")


if __name__ == "__main__":
    main()
