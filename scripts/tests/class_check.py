"""Recomputes a class report from the students' own progress databases (the
raw review_log and quiz_answer rows, read with Python's sqlite3) and compares
it with `jatta class report --json`. Written apart from jatta's code: the
figures follow the definitions in docs/class.md (Anki's true retention and
lapses, Moodle's facility and discrimination indices).

usage: class_check.py REPORT.json STUDENT=DB [STUDENT=DB ...]
"""
import json
import sqlite3
import statistics
import sys
from collections import Counter, defaultdict

report = json.load(open(sys.argv[1]))
rows = []  # (student, id, key, deck, at, kind, rating, ms, session, b_state, a_difficulty, credit, chosen)
for arg in sys.argv[2:]:
    student, path = arg.split("=", 1)
    db = sqlite3.connect(path)
    for r in db.execute(
        """SELECT e.id, e.key, e.deck_file, e.at, e.kind, e.rating, e.duration_ms, e.session, e.b_state,
                  e.a_difficulty, q.credit, q.chosen
           FROM review_log e LEFT JOIN quiz_answer q ON q.log_id = e.id
           WHERE e.kind IN ('study', 'quiz', 'override')
             AND e.id NOT IN (SELECT undoes FROM review_log WHERE undoes IS NOT NULL)"""
    ):
        rows.append((student,) + r)

problems = []


def close(name, got, want, tolerance=1e-4):
    if want is None or got is None:
        if want is not got and not (want is None and got is None):
            problems.append(f"{name}: report {got!r}, recomputed {want!r}")
        return
    if abs(got - want) > tolerance * max(1.0, abs(want)):
        problems.append(f"{name}: report {got!r}, recomputed {want!r}")


def same(name, got, want):
    if got != want:
        problems.append(f"{name}: report {got!r}, recomputed {want!r}")


by_card = defaultdict(list)
for row in rows:
    by_card[row[2]].append(row)
# A quiz attempt is one session of one student; its total is the sum of marks.
attempt_total = defaultdict(float)
for row in rows:
    if row[5] == "quiz" and row[11] is not None:
        attempt_total[(row[0], row[8])] += row[11]

cards = {c["key"]: c for c in report["cards"]}
same("cards answered", sorted(cards), sorted(by_card))
for key, answers in by_card.items():
    card = cards.get(key)
    if card is None:
        continue
    same(f"{key} students", card["students"], len({a[0] for a in answers}))
    same(f"{key} answers", card["reviews"], len(answers))
    in_review = [a for a in answers if a[9] == 2]
    lapses = sum(1 for a in in_review if a[6] == 1)
    same(f"{key} lapses", card["lapses"], lapses)
    close(f"{key} lapse rate", card.get("lapseRate"), lapses / len(in_review) if in_review else None)
    passed = sum(1 for a in in_review if a[6] > 1)
    close(f"{key} true retention", card.get("trueRetention"), passed / len(in_review) if in_review else None)
    latest = {}
    for a in sorted(answers, key=lambda a: a[1]):
        latest[a[0]] = a[10]
    difficulties = [d for d in latest.values() if d is not None]
    close(f"{key} mean difficulty", card.get("meanDifficulty"), statistics.fmean(difficulties) if difficulties else None)
    close(f"{key} seconds", card["secondsSpent"], sum(a[7] or 0 for a in answers) / 1000)
    quiz = [a for a in answers if a[5] == "quiz" and a[11] is not None]
    same(f"{key} quiz answers", card["quizAnswers"], len(quiz))
    marks = [a[11] for a in quiz]
    close(f"{key} facility", card.get("facilityIndex"), 100 * statistics.fmean(marks) if marks else None)
    rest = [attempt_total[(a[0], a[8])] - a[11] for a in quiz]
    discrimination = None
    if len(marks) >= 2 and statistics.pvariance(marks) > 0 and statistics.pvariance(rest) > 0:
        discrimination = 100 * statistics.correlation(marks, rest)
    close(f"{key} discrimination", card.get("discriminationIndex"), discrimination)
    wrong = Counter(a[12] for a in quiz if a[11] < 1 and a[12])
    top = sorted(wrong.items(), key=lambda kv: (-kv[1], kv[0]))[:1]
    same(f"{key} most chosen wrong option", card.get("mostChosenWrongOption"), top[0][0] if top else None)
    if discrimination is not None and discrimination < 0:
        if "negative-discrimination" not in card["flags"]:
            problems.append(f"{key}: negative discrimination not flagged")

students = {s["student"]: s for s in report["students"]}
for student in {r[0] for r in rows}:
    mine = [r for r in rows if r[0] == student]
    s = students.get(student)
    if s is None:
        problems.append(f"student {student} missing")
        continue
    same(f"{student} cards seen", s["cardsSeen"], len({r[2] for r in mine}))
    same(f"{student} answers", s["reviews"], len(mine))
    in_review = [r for r in mine if r[9] == 2]
    close(f"{student} true retention", s.get("trueRetention"),
          sum(1 for r in in_review if r[6] > 1) / len(in_review) if in_review else None)

# The data must exercise every figure, or the comparison proves little.
if not any(c.get("discriminationIndex") is not None for c in report["cards"]):
    problems.append("no card has a discrimination index")
if not any(c["lapses"] > 0 for c in report["cards"]):
    problems.append("no card has lapses")
if not any(c.get("mostChosenWrongOption") for c in report["cards"]):
    problems.append("no card has a wrong option")
if len(report["students"]) < 2:
    problems.append("fewer than two students")

if problems:
    print("\n".join(problems[:40]))
    sys.exit(1)
print(f"class report matches the raw rows: {len(by_card)} cards, {len(rows)} answers")
