#!/usr/bin/env bash
# The schedules a start keeps for the next (docs/progress-store.md, "The
# schedules kept between starts"): through the real binary, a study session
# shows byte for byte what a session reading every state row shows (the
# same store copied, JATTA_DECK_INDEX=off), when the kept file is missing,
# current, behind answers another process saved, far behind, damaged, cut
# short, written by another build, or of a store file since replaced, and
# for a start on one deck file of three (its section of the kept table,
# also after cards were moved into it). A current file is read, not
# rewritten; every other one is rewritten. With an exam ahead, the same
# for the exam rule's days kept beside them.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
. scripts/lib/midday-tz.sh
. scripts/lib/deps.sh
jatta_ensure_packages python3 || { echo "kept-schedules: FAIL: python3 is needed" >&2; exit 1; }
. scripts/lib/jatta-binary.sh

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "kept-schedules: FAIL: $*" >&2; exit 1; }
export HOME="$work/home" LANG=C.UTF-8 LC_ALL=C.UTF-8 XDG_CACHE_HOME="$work/cache"
unset JATTA_LANG JATTA_DB JATTA_DECK_INDEX
mkdir -p "$HOME" "$work/decks"
db="$work/p.sqlite"
ref="$work/ref.sqlite"
kept_dir="$work/cache/jatta/deck-index/schedules"

# Two files of 2,300 question cards: more than a start looks up key by key
# (ProgressStore.keysWorthAScan), so the whole state is read or kept; and
# a third of 600, whose section of the kept table a start on it reads alone.
python3 - "$work/decks" <<'PY'
import sys
for f, count in ((0, 2300), (1, 2300), (2, 600)):
    with open(f"{sys.argv[1]}/part-{f}.deck", "w", encoding="utf-8") as out:
        out.write(f"# Бөлім {f}\nlang: kk\n\n")
        for i in range(count):
            out.write(f"Q: Сұрақ {f}-{i}?\nA: жауап {f} {i}\n\n")
PY

# The decks registered, then a month of history over their cards:
# answers every five minutes, some undone, suspended or buried.
(cd "$work" && printf 'q\n' | "$JATTA" study --plain --lang en --db "$db" decks >/dev/null 2>&1) \
    || fail "the first start failed"
(cd "$work" && "$JATTA" list --json decks) | python3 -c '
import json, sys
for line in sys.stdin:
    for face in json.loads(line)["faces"]:
        print(face)' >"$work/keys.txt" || fail "list --json gave no keys"
[ "$(wc -l <"$work/keys.txt")" -eq 5200 ] || fail "expected 5200 keys, got $(wc -l <"$work/keys.txt")"
month_ago=$(( ($(date +%s) - 30 * 86400) * 1000 ))
history() { # DB COUNT SEED START: the same answers into any store
    "$JATTA" debug answer-loop --db "$1" --keys "$work/keys.txt" --count "$2" --seed "$3" --start "$4" \
        --step 300000 --undo-every 9 --suspend-every 31 --bury-every 37 >/dev/null || fail "answer-loop on $1"
}
history "$db" 7000 1 "$month_ago"
rm -rf "$kept_dir"

# copy_store FROM TO: a consistent copy (the log may be in the WAL).
copy_store() {
    rm -f "$2" "$2-wal" "$2-shm"
    python3 -c 'import sqlite3, sys; s = sqlite3.connect(sys.argv[1]); d = sqlite3.connect(sys.argv[2]); s.backup(d); d.close()' "$1" "$2" \
        || fail "copying $1"
}
kept_file() { ls "$kept_dir"/*.schedules 2>/dev/null | head -1; }
kept_sum() { local f; f=$(kept_file); [ -n "$f" ] && sha256sum "$f" | cut -d' ' -f1; }
# The kept queue beside them (KeptQueueFile): marked at the first start on
# some decks, made at the second, read from the third.
queue_file() { ls "$kept_dir"/*.queue 2>/dev/null | head -1; }
queue_sum() { local f; f=$(queue_file); [ -n "$f" ] && sha256sum "$f" | cut -d' ' -f1; }
queue_size() { local f; f=$(queue_file); [ -n "$f" ] && stat -c %s "$f" || echo 0; }

# session NAME [BINARY] [DECKS]: a session through the kept schedules on
# $db, and the same on a copy of it taken just before, reading every state
# row (or, for one deck file, its rows); their outputs must be equal.
session() {
    local name=$1 binary=${2:-$JATTA} decks=${3:-decks}
    copy_store "$db" "$ref"
    (cd "$work" && printf '\n3\n\n3\n\n1\n\nq\n' | "$binary" study --plain --lang en --db "$db" "$decks") \
        >"$work/$name.kept.txt" 2>&1 || fail "$name: study exited $?"
    (cd "$work" && printf '\n3\n\n3\n\n1\n\nq\n' | JATTA_DECK_INDEX=off "$binary" study --plain --lang en --db "$ref" "$decks") \
        >"$work/$name.read.txt" 2>&1 || fail "$name: study without the caches exited $?"
    grep -q '^\[1/' "$work/$name.read.txt" || fail "$name: no card was asked: the comparison would prove little"
    # The summary's time taken is the one line that may differ.
    sed -i '/^Time: [0-9]*s$/d' "$work/$name.kept.txt" "$work/$name.read.txt"
    cmp -s "$work/$name.kept.txt" "$work/$name.read.txt" || {
        diff "$work/$name.read.txt" "$work/$name.kept.txt" >&2
        fail "$name: the session through the kept schedules differs"
    }
}

session cold
[ -n "$(kept_file)" ] || fail "cold: no schedules were kept"
first=$(kept_sum)

session current
[ "$(kept_sum)" = "$first" ] || fail "current: the kept file was rewritten (every row read?)"
# 5,200 faces in the kept queue: far more than a header.
[ "$(queue_size)" -gt 40000 ] || fail "current: no queue was kept for the same decks met again"
queue=$(queue_sum)

# Answers saved by another process since: read from the store on top.
history "$db" 120 2 "$(( $(date +%s) * 1000 - 3600000 ))"
session behind
[ "$(kept_sum)" = "$first" ] || fail "behind: the kept file was rewritten for 120 answers"
# Read with the cards answered since placed anew, not made again.
[ "$(queue_sum)" = "$queue" ] || fail "behind: the kept queue was not used"
# A damaged kept queue: not used, the session still the same.
python3 -c 'import sys; p = sys.argv[1]; b = bytearray(open(p, "rb").read()); b[-20] ^= 0x20; open(p, "wb").write(b)' "$(queue_file)"
damaged_queue=$(queue_sum)
session damaged-queue
[ "$(queue_sum)" != "$damaged_queue" ] || fail "damaged-queue: the damaged queue was kept"
# Each selection of decks keeps its own queue: the starts on one file below
# leave the queue of all of them as it is.
all_queue=$(queue_file)
all_queue_sum=$(queue_sum)

# One deck file of the two (fewer cards than a start reads in one pass):
# its faces come from the kept table, which it never rewrites.
session one-file "$JATTA" decks/part-1.deck
[ "$(kept_sum)" = "$first" ] || fail "one-file: the kept file was rewritten"

# The small file alone reads its section of the kept table; with 300
# answered cards moved into it from another file since, the section lacks
# them and the whole table is read: their progress goes with them.
session one-section "$JATTA" decks/part-2.deck
[ "$(kept_sum)" = "$first" ] || fail "one-section: the kept file was rewritten"
[ "$(ls "$kept_dir"/*.queue | wc -l)" -ge 3 ] || fail "one-section: the selections share a queue file"
[ "$(sha256sum "$all_queue" | cut -d' ' -f1)" = "$all_queue_sum" ] \
    || fail "one-section: a start on one file replaced the queue of all of them"
cp "$work/decks/part-0.deck" "$work/part-0.before"
cp "$work/decks/part-2.deck" "$work/part-2.before"
python3 - "$work/decks" <<'PY'
import sys
d = sys.argv[1]
blocks = open(f"{d}/part-0.deck", encoding="utf-8").read().split("\n\n")
moved = [b for b in blocks if b.startswith("Q: ")][:300]
with open(f"{d}/part-0.deck", "w", encoding="utf-8") as out:
    out.write("\n\n".join(b for b in blocks if b not in moved))
with open(f"{d}/part-2.deck", "a", encoding="utf-8") as out:
    out.write("\n\n".join(moved) + "\n")
PY
session moved-in "$JATTA" decks/part-2.deck
cp "$work/part-0.before" "$work/decks/part-0.deck"
cp "$work/part-2.before" "$work/decks/part-2.deck"

# Far behind (more cards changed than StudySetup.keptChangesKept): kept anew.
history "$db" 900 3 "$(( $(date +%s) * 1000 - 7200000 ))"
session far-behind
[ "$(kept_sum)" != "$first" ] || fail "far-behind: the kept file was not rewritten"

# A damaged file, and one cut short: not used, rewritten.
file=$(kept_file)
python3 -c 'import sys; p = sys.argv[1]; b = bytearray(open(p, "rb").read()); b[len(b) // 2] ^= 0x20; open(p, "wb").write(b)' "$file"
damaged=$(kept_sum)
session damaged
[ "$(kept_sum)" != "$damaged" ] || fail "damaged: the damaged file was kept"
truncate -s -100 "$file"
cut=$(kept_sum)
session cut-short
[ "$(kept_sum)" != "$cut" ] || fail "cut-short: the cut file was kept"

# Another build (another executable's size and time) writes its own; this
# one does not read it.
cp "$JATTA" "$work/jatta-other"
touch -d '2001-01-01 00:00' "$work/jatta-other"
session other-build "$work/jatta-other"
other=$(kept_sum)
session after-other-build
[ "$(kept_sum)" != "$other" ] || fail "after-other-build: another build's file was read"

# The store file replaced by an older copy of itself (a restored backup): a
# new file, whose log the kept position may not match.
copy_store "$db" "$work/backup.sqlite"
history "$db" 50 4 "$(( $(date +%s) * 1000 - 1800000 ))"
session before-restore
before=$(kept_sum)
rm -f "$db-wal" "$db-shm"
mv "$work/backup.sqlite" "$db"
session restored
[ "$(kept_sum)" != "$before" ] || fail "restored: the file of the replaced store was read"

# With an exam ahead (docs/exam.md) a start keeps the exam rule's days
# beside the schedules (KeptExamRuleDays), and a queue of its own for the
# decks with their exam: the sessions through them show
# what sessions reading every state row and searching every day show; a
# start that searched nothing leaves them as they are, a damaged or cut
# file is not used and is written anew, and a start with no exam ahead
# removes them.
exam_days_file() { ls "$kept_dir"/*.exam-days 2>/dev/null | head -1; }
exam_days_sum() { local f; f=$(exam_days_file); [ -n "$f" ] && sha256sum "$f" | cut -d' ' -f1; }
"$JATTA" exam set "$(date -d '+20 day' +%F)" --db "$db" --lang en >/dev/null 2>&1 || fail "exam set failed"
(cd "$work" && "$JATTA" exam --db "$db" --lang en decks) | grep -q "days to the exam" || fail "the exam was not set"
session exam-cold
[ -n "$(exam_days_file)" ] || fail "exam-cold: the rule's days were not kept"
# More than a header: the rule searched days for hundreds of reviews.
[ "$(stat -c %s "$(exam_days_file)")" -gt 10000 ] || fail "exam-cold: the kept days hold next to nothing"
exam_days=$(exam_days_sum)
session exam-current
[ "$(exam_days_sum)" = "$exam_days" ] || fail "exam-current: the kept days were written anew (searched again?)"
# The queue is kept for the decks with their exam (marked at the first
# start with it, made at the second) and read from the third.
[ "$(stat -c %s "$all_queue")" -gt 40000 ] || fail "exam-current: no queue was kept for the decks with their exam"
exam_queue=$(sha256sum "$all_queue" | cut -d' ' -f1)
session exam-queue
[ "$(sha256sum "$all_queue" | cut -d' ' -f1)" = "$exam_queue" ] \
    || fail "exam-queue: the queue kept with the exam was made again, not read"
# `jatta exam` through the kept days and schedules says what it says
# reading every row and searching every day.
copy_store "$db" "$ref"
(cd "$work" && "$JATTA" exam --db "$db" --lang en decks) >"$work/exam.kept.txt" 2>&1 || fail "jatta exam failed"
(cd "$work" && JATTA_DECK_INDEX=off "$JATTA" exam --db "$ref" --lang en decks) >"$work/exam.read.txt" 2>&1 \
    || fail "jatta exam without the caches failed"
grep -q "Ready for the exam" "$work/exam.read.txt" || fail "jatta exam shows no forecast: the comparison would prove little"
cmp -s "$work/exam.kept.txt" "$work/exam.read.txt" || {
    diff "$work/exam.read.txt" "$work/exam.kept.txt" >&2
    fail "jatta exam through the kept days differs"
}
history "$db" 300 5 "$(( $(date +%s) * 1000 - 1800000 ))"
session exam-behind
python3 -c 'import sys; p = sys.argv[1]; b = bytearray(open(p, "rb").read()); b[len(b) // 2] ^= 0x20; open(p, "wb").write(b)' "$(exam_days_file)"
damaged_days=$(exam_days_sum)
session exam-damaged
[ "$(exam_days_sum)" != "$damaged_days" ] || fail "exam-damaged: the damaged days were kept"
truncate -s -40 "$(exam_days_file)"
cut_days=$(exam_days_sum)
session exam-cut-short
[ "$(exam_days_sum)" != "$cut_days" ] || fail "exam-cut-short: the cut days were kept"
"$JATTA" exam clear --all --db "$db" --lang en >/dev/null 2>&1 || fail "exam clear failed"
(cd "$work" && "$JATTA" exam --db "$db" --lang en decks) | grep -q "days to the exam" && fail "the exam was not cleared"
session exam-cleared
[ -z "$(exam_days_file)" ] || fail "exam-cleared: a start with no exam set left the rule's days"
# An exam for one deck file: its starts keep days, and a start on another
# file, which has none, leaves them.
(cd "$work" && "$JATTA" exam set "$(date -d '+25 day' +%F)" decks/part-0.deck --db "$db" --lang en >/dev/null 2>&1) \
    || fail "exam set for one file failed"
session exam-one-file "$JATTA" decks/part-0.deck
[ -n "$(exam_days_file)" ] || fail "exam-one-file: the rule's days were not kept"
session exam-other-file "$JATTA" decks/part-2.deck
[ -n "$(exam_days_file)" ] || fail "exam-other-file: a start on a file without an exam removed another file's days"

echo "kept-schedules: ok (cold, current, behind, a damaged kept queue, one file of three and its own queue, one file's section, cards moved into it, far behind, damaged, cut short, another build, restored store; with an exam: cold, current, its kept queue, jatta exam, behind, damaged, cut short, cleared, one file's exam)"
