#!/usr/bin/env python3
"""Review-history vectors from the reference FSRS-6 implementations, and the
comparison of jatta's replay of them.

  generate  Makes seeded random review histories plus hand-made edge cases and
            runs them through a reference engine:
              py  py-fsrs 6.3.2 (double precision), elapsed days counted as
                  whole 24-hour periods, no stability cap, fuzz off;
              rs  fsrs-rs-python 0.9.3 (Anki's engine, single precision),
                  elapsed days counted as Anki's scheduler days (the day starts
                  at --rollover-hour in --time-zone), stability capped at
                  36,500 days. fsrs-rs has no learning steps, so state and step
                  come from py-fsrs's state machine, driven by fsrs-rs memory.
            One JSON line per history: {"id", "kind", "card_id", "config",
            "engine", "reviews": [{"t", "rating", "elapsed_days", "r_before",
            "state", "step", "s", "d", "due", "interval_s"}]}.
  compare   Reads the reference vectors and jatta's replay of them
            (`jatta fsrs replay`), prints the largest differences and exits 1
            on any mismatch: for py, state, step, elapsed days, due time and
            interval must be equal and S, D, R within 1e-12 relative; for rs,
            state, step and elapsed days equal and S, D, R within 1e-4.

  python3 fsrs_oracle.py generate --engine py --seed 42 -n 300 > py.jsonl
  jatta fsrs replay --elapsed 24h < py.jsonl > jatta.jsonl
  python3 fsrs_oracle.py compare --engine py py.jsonl jatta.jsonl
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

DAY = 86400
BASE_T = int(datetime(2024, 1, 1, tzinfo=timezone.utc).timestamp())
ANKI_MAX_STABILITY = 36500.0

DEFAULT_W = [0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722,
             0.1666, 0.796, 1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425,
             0.0912, 0.0658, 0.1542]
# A plausible fitted parameter set, inside the bounds of both engines.
FITTED_W = [0.4, 0.9, 3.1, 15.7, 7.1, 0.55, 1.9, 0.01, 1.45, 0.12, 0.95,
            1.9, 0.09, 0.31, 1.2, 0.35, 2.6, 0.6, 0.2, 0.1, 0.4]
# Weights near their bounds: a steep forgetting curve, strong short-term effect.
EXTREME_W = [0.01, 0.05, 0.5, 60.0, 9.5, 3.5, 3.8, 0.7, 4.0, 0.75, 3.2,
             4.5, 0.2, 0.85, 3.5, 0.95, 5.5, 1.8, 1.5, 0.7, 0.75]

CONFIGS = {
    "default": dict(parameters=DEFAULT_W, desired_retention=0.9,
                    learning_steps=[60, 600], relearning_steps=[600],
                    maximum_interval=36500),
    "r80_3steps_max365": dict(parameters=DEFAULT_W, desired_retention=0.8,
                              learning_steps=[60, 600, 3600],
                              relearning_steps=[600, 3600], maximum_interval=365),
    "r95_1step_norelearn": dict(parameters=DEFAULT_W, desired_retention=0.95,
                                learning_steps=[600], relearning_steps=[],
                                maximum_interval=36500),
    "fitted_nolearn": dict(parameters=FITTED_W, desired_retention=0.9,
                           learning_steps=[], relearning_steps=[300],
                           maximum_interval=36500),
    "no_steps": dict(parameters=DEFAULT_W, desired_retention=0.85,
                     learning_steps=[], relearning_steps=[], maximum_interval=36500),
    "extreme_r70_odd_steps": dict(parameters=EXTREME_W, desired_retention=0.7,
                                  learning_steps=[61, 600, 86400 * 2],
                                  relearning_steps=[45], maximum_interval=1000),
}


def utc(t: int) -> datetime:
    return datetime.fromtimestamp(t, tz=timezone.utc)


def py_scheduler(cfg: dict):
    import fsrs
    return fsrs.Scheduler(
        parameters=cfg["parameters"], desired_retention=cfg["desired_retention"],
        learning_steps=[timedelta(seconds=s) for s in cfg["learning_steps"]],
        relearning_steps=[timedelta(seconds=s) for s in cfg["relearning_steps"]],
        maximum_interval=cfg["maximum_interval"], enable_fuzzing=False)


# ---------------------------------------------------------------- histories

def pick(rng, items, weights):
    return rng.choices(items, weights=weights, k=1)[0]


def random_history(hid: int, seed: int) -> dict:
    """A simulated learner answering one card that py-fsrs schedules, reviewing
    on time, late, early, several times a day or after long breaks."""
    import fsrs
    rng = random.Random(f"jatta-fsrs:{seed}:{hid}")
    cfg_name = pick(rng, list(CONFIGS), [60, 8, 8, 8, 8, 8])
    sched = py_scheduler(CONFIGS[cfg_name])
    start = BASE_T + rng.randrange(0, 2 * 365 * DAY)
    n = pick(rng, [1, 2, 3, 5, 8, 12, 20, 30, 45], [3, 5, 8, 14, 18, 18, 16, 12, 6])
    card = fsrs.Card(card_id=1_700_000_000_000 + hid, due=utc(start))
    t, reviews = start, []
    for _ in range(n):
        if card.stability is None:
            rating = pick(rng, [1, 2, 3, 4], [25, 15, 50, 10])
        else:
            elapsed = (t - card.last_review.timestamp()) / DAY
            if card.state != fsrs.State.Review and elapsed < 1:
                p = 0.85
            else:
                p = sched.get_card_retrievability(card, utc(t))
                p = min(0.995, max(0.02, p + rng.uniform(-0.05, 0.05)))
            rating = pick(rng, [2, 3, 4], [15, 70, 15]) if rng.random() < p else 1
        card, _ = sched.review_card(card, fsrs.Rating(rating), utc(t))
        reviews.append((t, rating))
        due = int(card.due.timestamp())
        ivl = max(1, due - t)
        u = rng.random()
        if card.state != fsrs.State.Review:
            if u < 0.75:
                t = due + rng.randint(0, 600)
            elif u < 0.88:
                t = due + rng.randint(3600, 8 * 3600)
            else:
                t = due + rng.randint(1, 4) * DAY + rng.randint(0, DAY - 1)
        elif u < 0.50:
            t = due + rng.randint(0, DAY - 1)                  # on the due day
        elif u < 0.72:
            t = due + min(int(ivl * rng.uniform(0.05, 1.0)), 120 * DAY)   # late
        elif u < 0.84:
            t = t + int(ivl * rng.uniform(0.05, 0.97))         # early
        elif u < 0.92:
            t = t + rng.randint(60, 20 * 3600)                 # same day again
        else:
            t = due + rng.randint(30, 1500) * DAY + rng.randint(0, DAY - 1)  # break
        t = max(t, reviews[-1][0] + 1)
        if t - start > 20 * 365 * DAY:
            break
    return dict(id=hid, kind="random", config_name=cfg_name,
                card_id=1_700_000_000_000 + hid, reviews=reviews)


def edge_histories(first_id: int) -> list[dict]:
    """Hand-made histories for the corners of the algorithm."""
    import fsrs
    out = []

    def follow(name, ratings, cfg_name="default", late=0, early=None, start=BASE_T):
        """Answer `ratings` in turn, each `late` seconds after the due time,
        or, with `early`, after that fraction of the interval."""
        sched = py_scheduler(CONFIGS[cfg_name])
        hid = first_id + len(out)
        card = fsrs.Card(card_id=1_800_000_000_000 + hid, due=utc(start))
        t, revs = start, []
        for r in ratings:
            card, _ = sched.review_card(card, fsrs.Rating(r), utc(t))
            revs.append((t, r))
            due = int(card.due.timestamp())
            t = t + max(1, int((due - t) * early)) if early else due + late
        out.append(dict(id=hid, kind="edge:" + name, config_name=cfg_name,
                        card_id=1_800_000_000_000 + hid, reviews=revs))

    def fixed(name, revs, cfg_name="default"):
        hid = first_id + len(out)
        out.append(dict(id=hid, kind="edge:" + name, config_name=cfg_name,
                        card_id=1_800_000_000_000 + hid, reviews=revs))

    follow("easy_every_time_for_decades", [4] * 30)
    follow("good_every_time", [3] * 30)
    follow("again_every_time", [1] * 25)
    follow("again_every_time_a_day_late", [1] * 15, late=DAY + 7)
    follow("hard_every_time", [2] * 20)
    follow("mixed_one_day_late", [3, 3, 3, 1, 3, 3, 2, 3, 4, 1, 1, 3], late=DAY)
    follow("very_late_ten_years", [3, 3, 3, 3, 3, 3], late=10 * 365 * DAY)
    follow("very_early_tenth_of_interval", [3] * 25, early=0.1)
    follow("early_half_interval_easy", [4] * 20, early=0.5)
    follow("learning_hard_paths", [2, 2, 3, 2, 3, 3, 2, 1, 2, 3])
    follow("max_interval_365_easy", [4] * 15, cfg_name="r80_3steps_max365")
    follow("no_relearning_again", [3, 3, 3, 1, 1, 3, 1, 3], cfg_name="r95_1step_norelearn")
    follow("fitted_no_learning_steps", [3, 1, 2, 3, 4, 1, 3, 3], cfg_name="fitted_nolearn")
    follow("no_steps_at_all", [1, 1, 3, 1, 2, 4, 1, 3], cfg_name="no_steps")
    follow("extreme_weights", [2, 3, 1, 3, 4, 4, 1, 2, 3, 3], cfg_name="extreme_r70_odd_steps")
    follow("extreme_weights_easy", [4] * 20, cfg_name="extreme_r70_odd_steps")
    # Many reviews in one day, in learning and then in review, then a long gap,
    # then reviews 23:59:59 and 1 day 23:59:59 apart (0 and 1 full days).
    t = BASE_T + 3 * DAY
    revs = [(BASE_T, 3), (BASE_T + 600, 3)]
    revs += [(t + k * 1800, r) for k, r in enumerate([3, 1, 3, 2, 4, 3, 1, 1, 3, 4])]
    far = t + 5 * 365 * DAY
    revs += [(far, 3), (far + DAY - 1, 3), (far + 3 * DAY - 2, 3)]
    fixed("same_day_many_then_five_years", revs)
    # Reviews straddling 4 a.m. and midnight UTC: the day counts differ.
    d0 = BASE_T + 40 * DAY
    fixed("around_rollover", [(d0 - 600, 3), (d0 + 3 * 3600 + 3500, 3), (d0 + 4 * 3600 + 100, 3),
                              (d0 + DAY + 3 * 3600, 3), (d0 + 3 * DAY + 5 * 3600, 1),
                              (d0 + 3 * DAY + 23 * 3600, 3), (d0 + 4 * DAY + 3 * 3600 + 3599, 3)])
    # Reviews across the 2024 daylight-saving changes of America/New_York
    # (10 March and 3 November, at 2 a.m. local), near the rollover hour.
    for name, first in (("dst_spring", int(datetime(2024, 3, 9, 8, 30, tzinfo=timezone.utc).timestamp())),
                        ("dst_autumn", int(datetime(2024, 11, 2, 7, 30, tzinfo=timezone.utc).timestamp()))):
        fixed(name, [(first, 3), (first + 600, 3), (first + DAY - 1800, 3), (first + DAY + 1800, 3),
                     (first + 2 * DAY, 2), (first + 2 * DAY + 3600, 1), (first + 3 * DAY, 3)])
    return out


def histories(n: int, seed: int, edge: bool = True) -> list[dict]:
    hs = [random_history(i, seed) for i in range(n)]
    return hs + (edge_histories(n) if edge else [])


# ---------------------------------------------------------------- engines

def state_machine(state, step, g, learning, relearning, review_days):
    """py-fsrs's learning/review/relearning machine: (state, step, seconds)."""
    L, REV, RL = 1, 2, 3
    if state == REV:
        if g == 1 and relearning:
            return RL, 0, relearning[0]
        return REV, None, review_days() * DAY
    steps = learning if state == L else relearning
    if not steps or (step >= len(steps) and g >= 2):
        return REV, None, review_days() * DAY
    if g == 1:
        return state, 0, steps[0]
    if g == 2:
        if step == 0 and len(steps) == 1:
            return state, step, steps[0] * 1.5
        if step == 0:
            return state, step, (steps[0] + steps[1]) / 2.0
        return state, step, steps[step]
    if g == 3:
        if step + 1 == len(steps):
            return REV, None, review_days() * DAY
        return state, step + 1, steps[step + 1]
    return REV, None, review_days() * DAY


def run_py(h: dict, cfg: dict) -> list[dict]:
    import fsrs
    sched = py_scheduler(cfg)
    card = fsrs.Card(card_id=h["card_id"], due=utc(h["reviews"][0][0]))
    rows = []
    for t, g in h["reviews"]:
        r_before = sched.get_card_retrievability(card, utc(t))
        elapsed = (utc(t) - card.last_review).days if card.last_review else None
        card, _ = sched.review_card(card, fsrs.Rating(g), utc(t))
        due = int(card.due.timestamp())
        rows.append(dict(t=t, rating=g, elapsed_days=elapsed, r_before=r_before,
                         state=int(card.state), step=card.step, s=card.stability,
                         d=card.difficulty, due=due, interval_s=due - t))
    return rows


def scheduler_day(t: int, zone: ZoneInfo, rollover_hour: int) -> int:
    """Anki's day number: local days since 1970, each starting at the rollover."""
    offset = int(utc(t).astimezone(zone).utcoffset().total_seconds())
    return (t + offset - rollover_hour * 3600) // DAY


def run_rs(h: dict, cfg: dict) -> list[dict]:
    import fsrs_rs_python as rs
    engine = rs.FSRS(cfg["parameters"])
    zone, hour = ZoneInfo(cfg["time_zone"]), cfg["rollover_hour"]
    decay = -cfg["parameters"][20]
    factor = 0.9 ** (1 / decay) - 1
    state, step, mem, last = 1, 0, None, None
    rows, items = [], []
    for t, g in h["reviews"]:
        elapsed = None if last is None else max(
            0, scheduler_day(t, zone, hour) - scheduler_day(last, zone, hour))
        r_before = (1 + factor * elapsed / mem.stability) ** decay if mem else 0.0
        nxt = engine.next_states(mem, cfg["desired_retention"], elapsed or 0)
        chosen = (nxt.again, nxt.hard, nxt.good, nxt.easy)[g - 1]
        mem = chosen.memory
        items.append(rs.FSRSReview(g, elapsed or 0))
        ivl = chosen.interval

        def review_days():
            return min(max(round(ivl), 1), cfg["maximum_interval"])

        state, step, secs = state_machine(state, step, g, cfg["learning_steps"],
                                          cfg["relearning_steps"], review_days)
        due = t + int(secs)
        last = t
        rows.append(dict(t=t, rating=g, elapsed_days=elapsed, r_before=r_before,
                         state=state, step=step, s=mem.stability, d=mem.difficulty,
                         due=due, interval_s=due - t))
    # The whole-history entry point must agree with the step-by-step one.
    whole = engine.memory_state(rs.FSRSItem(reviews=items))
    if (whole.stability, whole.difficulty) != (mem.stability, mem.difficulty):
        raise SystemExit(f"fsrs-rs memory_state disagrees with next_states on history {h['id']}")
    return rows


def config_for(h: dict, engine: str, args) -> dict:
    cfg = dict(CONFIGS[h["config_name"]], enable_fuzzing=False)
    if engine == "py":
        cfg["maximum_stability"] = None
    else:
        cfg.update(maximum_stability=ANKI_MAX_STABILITY, time_zone=args.time_zone,
                   rollover_hour=args.rollover_hour)
    return cfg


def generate(args) -> None:
    run = run_py if args.engine == "py" else run_rs
    for h in histories(args.n, args.seed, edge=not args.no_edge):
        cfg = config_for(h, args.engine, args)
        line = dict(id=h["id"], kind=h["kind"], card_id=h["card_id"],
                    config_name=h["config_name"], config=cfg, engine=args.engine,
                    reviews=run(h, cfg))
        sys.stdout.write(json.dumps(line) + "\n")


# ---------------------------------------------------------------- compare

def compare(args) -> int:
    tolerance = 1e-12 if args.engine == "py" else 1e-4
    exact = (["state", "step", "elapsed_days", "due", "interval_s"] if args.engine == "py"
             else ["state", "step", "elapsed_days"])
    refs = [json.loads(l) for l in open(args.reference) if l.strip()]
    ours = [json.loads(l) for l in open(args.jatta) if l.strip()]
    largest = {k: (0.0, None) for k in ("s", "d", "r_before")}
    mismatches, reviews = [], 0
    if len(refs) != len(ours):
        mismatches.append(f"{len(refs)} reference lines but {len(ours)} from jatta")
    for ref, our in zip(refs, ours):
        if ref["id"] != our["id"] or len(ref["reviews"]) != len(our["reviews"]):
            mismatches.append(f"history {ref['id']}: lines do not correspond")
            continue
        for i, (a, b) in enumerate(zip(ref["reviews"], our["reviews"])):
            reviews += 1
            where = f"history {ref['id']} ({ref['kind']}, {ref['config_name']}) review {i + 1}"
            for key in exact:
                if a[key] != b[key]:
                    mismatches.append(f"{where}: {key} {a[key]!r} != jatta {b[key]!r}")
            for key in ("s", "d", "r_before"):
                x, y = a[key], b[key]
                if x is None or y is None:
                    if x != y:
                        mismatches.append(f"{where}: {key} {x!r} != jatta {y!r}")
                    continue
                rel = abs(x - y) / max(abs(x), 1e-300) if x != y else 0.0
                if rel > largest[key][0]:
                    largest[key] = (rel, f"{where}: {x!r} vs jatta {y!r}")
                # Written so that a NaN (which compares false) is a mismatch.
                if not rel <= tolerance:
                    mismatches.append(f"{where}: {key} {x!r} != jatta {y!r} (relative {rel:.3g})")
    print(f"{args.engine}: {len(refs)} histories, {reviews} reviews; "
          f"exact fields {', '.join(exact)}; tolerance {tolerance:g} relative")
    for key, (rel, where) in largest.items():
        print(f"  largest relative difference in {key}: {rel:.3g}" + (f" ({where})" if where else ""))
    for line in mismatches[:20]:
        print("  MISMATCH " + line)
    if mismatches:
        print(f"  {len(mismatches)} mismatches")
        return 1
    print("  no mismatches")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="command", required=True)
    g = sub.add_parser("generate", help="write reference vectors to stdout")
    g.add_argument("--engine", choices=["py", "rs"], required=True)
    g.add_argument("--seed", type=int, default=42)
    g.add_argument("-n", type=int, default=300, help="random histories (edge cases come on top)")
    g.add_argument("--no-edge", action="store_true")
    g.add_argument("--time-zone", default="America/New_York", help="rs: zone of the scheduler day")
    g.add_argument("--rollover-hour", type=int, default=4, help="rs: hour the scheduler day starts")
    c = sub.add_parser("compare", help="compare reference vectors with jatta's replay")
    c.add_argument("--engine", choices=["py", "rs"], required=True)
    c.add_argument("reference")
    c.add_argument("jatta")
    args = ap.parse_args()
    if args.command == "generate":
        generate(args)
        return 0
    return compare(args)


if __name__ == "__main__":
    sys.exit(main())
