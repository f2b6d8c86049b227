#!/usr/bin/env python3
"""jatta's FSRS optimiser against fsrs-rs's (fsrs-rs-python 0.9.3), on
simulated students whose true FSRS-6 parameters are known.

The simulation follows the project's optimiser bench: each student's true
weights are the defaults scaled by exp(N(0, sigma)) (w7 uniform in
[0.001, 0.05], the decay w20 uniform in [0.1, 0.6]); the app schedules with
the default weights at retention 0.9 with +-5 % fuzz; the student reviews
late or early (lognormal 0.15, and 7 % of the time 1-60 days later still),
recalls with the true model's R and answers Hard/Good/Easy with their own
probabilities; Again or Hard on a new card and every lapse get one same-day
Good review. Cards are introduced over two years until the target number of
reviews is reached; 80 % of the cards train, 20 % are held out.

Both optimisers get the same training items (one per review a day or more
after the previous one, with the whole history before it, oldest first): fsrs-rs
as FSRSItems, jatta as the card histories the items come from (`jatta fsrs
fit`). Both fits are judged on the same held-out items by fsrs-rs's
`evaluate`. jatta's own evaluation (`jatta fsrs evaluate`) must equal
fsrs-rs's to 1e-4 for every parameter set.

  python3 optimizer_compare.py --jatta PATH [--users 3] [--reviews 10000 100000]
         [--seed 7] [--check]

With --check the exit status is 1 unless, for every student: evaluation
agrees to 1e-4; jatta's held-out log loss <= fsrs-rs's * 1.005; RMSE(bins)
<= fsrs-rs's + 0.005; jatta's log loss below the defaults'; jatta's weights are closer to the true ones than the
defaults, error measured per weight in units of fsrs-rs's spread of that
weight (the plain mean absolute error, also printed, is dominated by w0-w3,
whose scale is a hundred times the others'); with --recall-closer, the recall
jatta's weights predict is closer to the true weights' than the defaults' is.

Two readings of "closer to the true weights" are printed for every student:
the distance of the weights themselves (per weight, in units of its spread)
and the distance of what they predict: the mean absolute and the RMS
difference between the recall (R) the weights predict and the recall the
true weights predict, on every held-out item. FSRS's weights trade off
against each other (w8 against w10, w11 against w12 and w13, w5 against w7,
the short-term w17-w19 barely used when every same-day review is one Good),
so weights far from the true ones can predict nearly the same recall; the
second reading measures only what the student would see.
"""
from __future__ import annotations

import argparse
import json
import math
import random
import os
import tempfile
import subprocess
import sys
import time

import fsrs_rs_python as rs
from fsrs.scheduler import (DEFAULT_PARAMETERS, LOWER_BOUNDS_PARAMETERS,
                            UPPER_BOUNDS_PARAMETERS)

# The scheduler's defaults and bounds, from the references themselves.
DEFAULT = list(DEFAULT_PARAMETERS)
LOWER = list(LOWER_BOUNDS_PARAMETERS)
UPPER = list(UPPER_BOUNDS_PARAMETERS)


class Model:
    """FSRS-6 in double precision, stability capped at 36,500 days."""

    def __init__(self, w):
        self.w = w
        self.decay = -w[20]
        self.factor = 0.9 ** (1 / self.decay) - 1

    def r(self, t, s):
        return (1 + self.factor * t / s) ** self.decay

    def interval(self, s):
        return s / self.factor * (0.9 ** (1 / self.decay) - 1)

    def update(self, s, d, t, g):
        w = self.w
        if s is None:
            return (min(max(w[g - 1], 0.001), 36500),
                    min(max(w[4] - math.exp(w[5] * (g - 1)) + 1, 1), 10))
        if t == 0:
            inc = math.exp(w[17] * (g - 3 + w[18])) * s ** -w[19]
            if g >= 2:
                inc = max(inc, 1.0)
            ns = s * inc
        else:
            r = self.r(t, s)
            if g == 1:
                ns = min(w[11] * d ** -w[12] * ((s + 1) ** w[13] - 1) * math.exp((1 - r) * w[14]),
                         s / math.exp(w[17] * w[18]))
            else:
                hard = w[15] if g == 2 else 1
                easy = w[16] if g == 4 else 1
                ns = s * (1 + math.exp(w[8]) * (11 - d) * s ** -w[9]
                          * (math.exp((1 - r) * w[10]) - 1) * hard * easy)
        damped = d + (10 - d) * (-w[6] * (g - 3)) / 9
        easy_d = w[4] - math.exp(3 * w[5]) + 1
        nd = w[7] * easy_d + (1 - w[7]) * damped
        return min(max(ns, 0.001), 36500), min(max(nd, 1), 10)


def true_params(rng, sigma):
    w = []
    for i, (x, lo, hi) in enumerate(zip(DEFAULT, LOWER, UPPER)):
        v = x * math.exp(rng.gauss(0, sigma))
        if i == 7:
            v = rng.uniform(0.001, 0.05)
        if i == 20:
            v = rng.uniform(0.1, 0.6)
        w.append(min(max(v, lo if lo > 0 else 0.001), hi))
    w[0:4] = sorted(w[0:4])
    return w


def simulate(rng, true_w, target, days=730):
    truth, app = Model(true_w), Model(DEFAULT)
    p_hard, p_easy = rng.uniform(0.05, 0.25), rng.uniform(0.03, 0.2)
    weights = [p_hard, 1 - p_hard - p_easy, p_easy]
    cards, n = [], 0
    while n < target:
        d0 = rng.randrange(0, int(days * 0.8))
        g = rng.choices([1, 2, 3, 4], [0.2, 0.1, 0.6, 0.1])[0]
        st, dt = truth.update(None, None, None, g)
        sa, da = app.update(None, None, None, g)
        hist = [(d0, g)]
        if g in (1, 2):
            st, dt = truth.update(st, dt, 0, 3)
            sa, da = app.update(sa, da, 0, 3)
            hist.append((d0, 3))
        day = d0
        while True:
            ivl = max(1, round(app.interval(sa) * rng.uniform(0.95, 1.05)))
            delay = max(1, round(ivl * math.exp(rng.gauss(0, 0.15))))
            if rng.random() < 0.07:
                delay += rng.randint(1, 60)
            day += delay
            if day >= days:
                break
            g = rng.choices([2, 3, 4], weights)[0] if rng.random() < truth.r(delay, st) else 1
            st, dt = truth.update(st, dt, delay, g)
            sa, da = app.update(sa, da, delay, g)
            hist.append((day, g))
            if g == 1:
                st, dt = truth.update(st, dt, 0, 3)
                sa, da = app.update(sa, da, 0, 3)
                hist.append((day, 3))
        cards.append(hist)
        n += len(hist)
    return cards, n


def items_of(cards):
    """[(rating, delta_t), ...] per item, oldest first (by day, then card)."""
    out = []
    for ci, hist in enumerate(cards):
        reviews, last = [], hist[0][0]
        for day, g in hist:
            reviews.append((g, day - last))
            if day - last > 0:
                out.append((day, ci, list(reviews)))
            last = day
    out.sort(key=lambda x: (x[0], x[1]))
    return [x[2] for x in out]


def rs_items(items):
    return [rs.FSRSItem(reviews=[rs.FSRSReview(g, dt) for g, dt in it]) for it in items]


def rs_evaluate(params, items):
    ev = rs.FSRS(params).evaluate(items)
    return ev.log_loss, ev.rmse_bins


JATTA_FIT_ARGS: list[str] = []
REPEAT = [1]


def run_child(argv, payload: str):
    """Runs a process with `payload` on stdin; (stdout, wall seconds, peak RSS in KiB)."""
    with tempfile.TemporaryFile("w+") as stdin, tempfile.TemporaryFile("w+") as stdout, \
            tempfile.TemporaryFile("w+") as stderr:
        stdin.write(payload)
        stdin.seek(0)
        t0 = time.perf_counter()
        child = subprocess.Popen(argv, stdin=stdin, stdout=stdout, stderr=stderr)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - t0
        child.returncode = os.waitstatus_to_exitcode(status)
        stdout.seek(0)
        stderr.seek(0)
        if child.returncode != 0:
            sys.exit(f"{' '.join(argv[:3])} failed ({child.returncode}): {stderr.read()[-2000:]}")
        return stdout.read(), wall, usage.ru_maxrss


def run_jatta(jatta, args, payload):
    out, wall, peak = run_child([jatta, "fsrs", *args], json.dumps(payload))
    return json.loads(out), wall, peak


RS_FIT = r"""
import json, resource, sys, time
import fsrs_rs_python as rs
items = [rs.FSRSItem(reviews=[rs.FSRSReview(g, dt) for g, dt in it]) for it in json.load(sys.stdin)]
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
t0 = time.perf_counter()
w = list(rs.FSRS([]).compute_parameters(items))
seconds = time.perf_counter() - t0
print(json.dumps(dict(parameters=w, seconds=seconds, base_kib=base)))
"""


def run_rs_fit(train):
    """fsrs-rs's fit in its own process, so that its memory can be measured."""
    out, wall, peak = run_child([sys.executable, "-c", RS_FIT], json.dumps(train))
    result = json.loads(out)
    return result["parameters"], result["seconds"], wall, peak, result["base_kib"]


# fsrs-rs's spread of each weight across users (its PARAMS_STDDEV): the
# natural unit of each weight's error, since the weights differ in scale by
# four orders of magnitude (w3 ~ 8 days, w7 ~ 0.001).
SPREAD = [6.43, 9.66, 17.58, 27.85, 0.57, 0.28, 0.6, 0.12, 0.39, 0.18, 0.33, 0.3, 0.09, 0.16,
          0.57, 0.25, 1.03, 0.31, 0.32, 0.14, 0.27]


def mae(a, b):
    return sum(abs(x - y) for x, y in zip(a, b)) / len(a)


def scaled_mae(a, b):
    return sum(abs(x - y) / s for x, y, s in zip(a, b, SPREAD)) / len(a)


def predicted_recall(w, cards):
    """R predicted by the weights `w` at every held-out item (each review a
    day or more after the previous one, given the card's whole history before
    it): the behaviour the weights stand for, item by item."""
    model, out = Model(w), []
    for hist in cards:
        s = d = None
        last = hist[0][0]
        for day, g in hist:
            t = day - last
            if s is not None and t > 0:
                out.append(model.r(t, s))
            s, d = model.update(s, d, t, g)
            last = day
    return out


def behaviour_distance(w, true_r, cards):
    """Mean absolute and root-mean-square difference between the recall
    predicted by `w` and by the true weights on the same items. Unlike the
    distance of the weights themselves it does not count directions in which
    the weights trade off against each other without changing a prediction."""
    diffs = [a - b for a, b in zip(predicted_recall(w, cards), true_r)]
    n = max(1, len(diffs))
    return sum(abs(x) for x in diffs) / n, math.sqrt(sum(x * x for x in diffs) / n)


def run_student(jatta, uid, target, seed, sigma):
    rng = random.Random(f"optimizer-compare:{seed}:{uid}:{target}")
    true_w = true_params(rng, sigma)
    cards, n_reviews = simulate(rng, true_w, target)
    order = list(range(len(cards)))
    rng.shuffle(order)
    held = set(order[: len(cards) // 5])
    train_cards = [c for i, c in enumerate(cards) if i not in held]
    test_cards = [c for i, c in enumerate(cards) if i in held]
    train, test = items_of(train_cards), items_of(test_cards)
    test_rs = rs_items(test)

    # Both fits are deterministic; repeated runs (taken in turns) only make
    # the times less sensitive to other load on the machine: the best counts.
    runs = []
    for _ in range(max(1, REPEAT[0])):
        runs.append((run_rs_fit(train), run_jatta(jatta, ["fit", *JATTA_FIT_ARGS], {"cards": train_cards})))
    rs_w, _, _, rs_peak, rs_base = runs[0][0]
    fit, _, jatta_peak = runs[0][1]
    rs_seconds = min(r[0][1] for r in runs)
    rs_wall = min(r[0][2] for r in runs)
    jatta_wall = min(r[1][1] for r in runs)
    fit = dict(fit, seconds=min(r[1][0]["seconds"] for r in runs))
    j_w = fit["parameters"]

    sets = {"true": true_w, "default": DEFAULT, "fsrs-rs": rs_w, "jatta": j_w}
    ours, _, _ = run_jatta(jatta, ["evaluate"], {"parameters": list(sets.values()), "items": test})
    result = dict(user=uid, target=target, reviews=n_reviews, train_items=len(train),
                  test_items=len(test), rs_seconds=rs_seconds, jatta_seconds=fit["seconds"],
                  rs_wall=rs_wall, jatta_wall=jatta_wall, rs_peak_kib=rs_peak, rs_base_kib=rs_base,
                  jatta_peak_kib=jatta_peak,
                  jatta_outcome=fit["outcome"], mae={k: mae(v, true_w) for k, v in sets.items()},
                  scaled={k: scaled_mae(v, true_w) for k, v in sets.items()},
                  eval={}, eval_gap=0.0)
    true_r = predicted_recall(true_w, test_cards)
    result["behaviour"] = {k: behaviour_distance(w, true_r, test_cards) for k, w in sets.items() if k != "true"}
    for (name, w), mine in zip(sets.items(), ours["results"]):
        ll, rmse = rs_evaluate(w, test_rs)
        result["eval"][name] = (ll, rmse)
        result["eval_gap"] = max(result["eval_gap"], abs(ll - mine["log_loss"]),
                                 abs(rmse - mine["rmse_bins"]))
    result["fitted"] = {"true": true_w, "fsrs-rs": rs_w, "jatta": j_w}
    return result


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--jatta", required=True, help="path of the jatta binary")
    ap.add_argument("--users", type=int, default=3)
    ap.add_argument("--reviews", type=int, nargs="+", default=[10_000, 100_000])
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--sigma", type=float, default=0.3)
    ap.add_argument("--check", action="store_true", help="exit 1 unless every goal is met")
    ap.add_argument("--loss-tolerance", type=float, default=0.005,
                    help="allowed relative excess of jatta's held-out log loss over fsrs-rs's (goal: 0.005)")
    ap.add_argument("--weights-against", choices=["defaults", "either"], default="defaults",
                    help="jatta's weights must be closer to the true ones than the defaults (the goal), "
                         "or than the defaults or fsrs-rs's (small data, where fsrs-rs misses the goal too)")
    ap.add_argument("--recall-closer", action="store_true",
                    help="also require the recall jatta's weights predict on the held-out items to be closer "
                         "(mean absolute difference) to the true weights' than the defaults' is")
    ap.add_argument("--same-weights", type=float, default=None, metavar="TOL",
                    help="also require every jatta weight within TOL of fsrs-rs's, in units of the weight's "
                         "spread (both take the same batches in the same order)")
    ap.add_argument("--verbose", action="store_true", help="also print the fitted weights")
    ap.add_argument("--fit-arg", action="append", default=[],
                    help="extra argument for `jatta fsrs fit` (repeatable)")
    ap.add_argument("--repeat", type=int, default=1,
                    help="time each fit this many times (in turns) and report the best")
    a = ap.parse_args()
    JATTA_FIT_ARGS.extend(a.fit_arg)
    REPEAT[0] = a.repeat

    failures = []
    print("%8s %4s %7s | %-23s | %-23s | %-17s | %-15s | %s" % (
        "reviews", "user", "items", "test log loss rs/jatta", "RMSE(bins) rs/jatta",
        "MAE(w) def/rs/jatta", "fit s rs/jatta", "eval gap"))
    for target in a.reviews:
        for uid in range(a.users):
            r = run_student(a.jatta, uid, target, a.seed, a.sigma)
            (rl, rr), (jl, jr) = r["eval"]["fsrs-rs"], r["eval"]["jatta"]
            m = r["mae"]
            print("%8d %4d %7d | %.4f %.4f (%+.2f%%) | %.4f %.4f (%+.4f) | %.3f %.3f %.3f | %6.3f %6.3f | %.1e" % (
                r["reviews"], uid, r["train_items"], rl, jl, 100 * (jl / rl - 1), rr, jr, jr - rr,
                m["default"], m["fsrs-rs"], m["jatta"], r["rs_seconds"], r["jatta_seconds"],
                r["eval_gap"]), flush=True)
            print("%8s %4s %7s   whole process: fsrs-rs %.3f s, peak %.1f MiB (%.1f MiB before fitting); "
                  "jatta %.3f s, peak %.1f MiB" % (
                      "", "", "", r["rs_wall"], r["rs_peak_kib"] / 1024, r["rs_base_kib"] / 1024,
                      r["jatta_wall"], r["jatta_peak_kib"] / 1024))
            tl, tr = r["eval"]["true"]
            dl, dr = r["eval"]["default"]
            sc = r["scaled"]
            print("%8s %4s %7s   true %.4f / %.4f, default %.4f / %.4f; error of the weights in units of "
                  "their spread: default %.3f, fsrs-rs %.3f, jatta %.3f" % (
                      "", "", "", tl, tr, dl, dr, sc["default"], sc["fsrs-rs"], sc["jatta"]))
            b = r["behaviour"]
            print("%8s %4s %7s   held-out R against the true weights' R, mean abs / RMS: default %.4f / %.4f, "
                  "fsrs-rs %.4f / %.4f, jatta %.4f / %.4f" % (
                      "", "", "", *b["default"], *b["fsrs-rs"], *b["jatta"]))
            if a.verbose:
                for k, w in r["fitted"].items():
                    print("      %-8s %s" % (k, [round(x, 4) for x in w]))
            who = f"{target} reviews, user {uid}"
            if r["eval_gap"] > 1e-4:
                failures.append(f"{who}: evaluation differs from fsrs-rs by {r['eval_gap']:.2e}")
            if jl > rl * (1 + a.loss_tolerance):
                failures.append(f"{who}: log loss {jl:.4f} > fsrs-rs {rl:.4f} + {100 * a.loss_tolerance:g}%")
            if jl >= dl:
                failures.append(f"{who}: log loss {jl:.4f} not below the defaults' {dl:.4f}")
            if jr > rr + 0.005:
                failures.append(f"{who}: RMSE(bins) {jr:.4f} > fsrs-rs {rr:.4f} + 0.005")
            closer = r["scaled"]["jatta"] < r["scaled"]["default"]
            if a.weights_against == "either":
                # As close as fsrs-rs's own fit counts (the same path gives the same weights).
                closer = closer or r["scaled"]["jatta"] <= r["scaled"]["fsrs-rs"] + 1e-6
            if not closer:
                failures.append(f"{who}: fitted weights no closer to the true ones than the defaults"
                                + (" or fsrs-rs's" if a.weights_against == "either" else ""))
            if a.recall_closer and not b["jatta"][0] < b["default"][0]:
                failures.append(f"{who}: predicted recall no closer to the true one than the defaults' "
                                f"({b['jatta'][0]:.4f} against {b['default'][0]:.4f})")
            if a.same_weights is not None:
                gap = max(abs(x - y) / sd for x, y, sd in zip(r["fitted"]["jatta"], r["fitted"]["fsrs-rs"], SPREAD))
                if gap > a.same_weights:
                    failures.append(f"{who}: a weight differs from fsrs-rs's by {gap:.3g} of its spread "
                                    f"(> {a.same_weights:g}): not fsrs-rs's path")
    for f in failures:
        print("FAIL:", f)
    if a.check and failures:
        sys.exit(1)


if __name__ == "__main__":
    main()
