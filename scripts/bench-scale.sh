#!/usr/bin/env bash
# Start-up and commands against the size of the collection (issue 20), on the
# release build, whole process, warm cache, beside Anki's engine in one run.
#
# Builds the 10,000- and 100,000-card sets (ten deck files each, 10 reviews
# per card in the progress store), a 200,000-card set of decks for `list`
# and `quiz`, then prints every figure beside its goal and beside Anki's
# (../shared/oracles/anki_bench.py on the same machine, in .venv-oracle).
#
#   scripts/bench-scale.sh [--runs N] [--baseline BIN] [--anki-json FILE]
#                          [--no-anki] [--no-fsrs] [--keep DIR]
#   --runs N          runs per whole-process figure (median; default 7)
#   --baseline BIN    another jatta binary (e.g. one built from main) timed
#                     beside this build on the bundled decks
#   --anki-json FILE  reuse the results of an earlier anki_bench.py --json run
#                     instead of running Anki's benchmark again (it builds two
#                     collections: minutes on a quiet machine, 17 under load)
#   --no-anki         leave Anki's column empty
#   --no-fsrs         skip the FSRS replay against fsrs-rs (scripts/bench-fsrs.sh)
#   --keep DIR        build the sets in DIR and keep them; a later run with
#                     the same DIR reuses them
#   --jatta BIN       time BIN instead of this build's jatta (nothing is
#                     built; jatta-bench must be built already)
#   --installed       time the installed build (`--static-swift-stdlib`, in
#                     .build-static: scripts/lib/release-build.sh), the binary
#                     students run, instead of plain `swift build -c release`
#                     (whose Swift runtime and Foundation are shared libraries)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
runs=7 baseline="" anki_json="" run_anki=1 run_fsrs=1 keep="" jatta="" installed=0
while [ $# -gt 0 ]; do
    case "$1" in
    --runs) runs=$2; shift 2 ;;
    --baseline) baseline=$(realpath "$2"); shift 2 ;;
    --anki-json) anki_json=$(realpath "$2"); shift 2 ;;
    --no-anki) run_anki=0; shift ;;
    --no-fsrs) run_fsrs=0; shift ;;
    --keep) keep=$2; shift 2 ;;
    --jatta) jatta=$(realpath "$2"); shift 2 ;;
    --installed) installed=1; shift ;;
    *) echo "bench-scale: unknown option $1" >&2; exit 2 ;;
    esac
done

[ -n "$jatta" ] && [ "$installed" = 1 ] && { echo "bench-scale: --jatta and --installed name two binaries" >&2; exit 2; }
# Which binary each jatta figure is of, printed with the table.
timed="given binary $jatta"
if [ -z "$jatta" ]; then
    swift build -c release --product jatta >/dev/null
    swift build -c release --product jatta-bench >/dev/null
    timed="release build, Swift runtime linked dynamically (swift build -c release)"
fi
bin=$(swift build -c release --show-bin-path)
if [ "$installed" = 1 ]; then
    . "$root/scripts/lib/release-build.sh"
    jatta_release_is_stale && { jatta_release_build || exit 2; }
    jatta=$jatta_release_binary
    timed="installed build, Swift runtime linked in (--static-swift-stdlib, $jatta)"
fi
jatta=${jatta:-$bin/jatta}

if [ -n "$keep" ]; then
    mkdir -p "$keep"; work=$(realpath "$keep")
else
    work=$(mktemp -d)
fi
sock="jatta-bench-scale-$$"
cleanup() {
    tmux -L "$sock" kill-server >/dev/null 2>&1 || true
    [ -n "$keep" ] || rm -rf "$work"
}
trap cleanup EXIT
export LANG=C.UTF-8 LC_ALL=C.UTF-8 HOME="$work/home" XDG_CACHE_HOME="$work/cache"
# Each run starts without a deck index (the sets themselves may be kept).
rm -rf "$XDG_CACHE_HOME"
mkdir -p "$HOME"
results="$work/results.txt"
: >"$results"
# One figure: KEY VALUE (read back by the table at the end).
put() { echo "$1 $2" >>"$results"; echo "  $1 = $2"; }
median() { sort -n | awk '{a[NR]=$1} END {if (NR == 0) {print "nan"; exit} m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.1f", m}'; }

stats=$root/scripts/lib/run-stats.py
# stats KEY COMMAND...: runs COMMAND $runs times in the current folder and
# records the medians of its wall time (KEY), CPU time (KEY_cpu) and peak
# memory (KEY_peak).
stats() {
    local key=$1 out="$work/stats.$RANDOM.txt"
    shift
    : >"$out"
    for _ in $(seq "$runs"); do python3 "$stats" "$out" "$@"; done
    record "$key" "$out"
}
record() { # KEY FILE-OF-"WALL CPU PEAK"
    put "$1" "$(awk '{print $1}' "$2" | median)"
    put "$1_cpu" "$(awk '{print $2}' "$2" | median)"
    put "$1_peak" "$(awk '{print $3}' "$2" | median)"
}

# tui KEY BINARY FOLDER DECKS DB [CARD|FRAME]: start → first card drawn,
# full screen (80×24 in tmux; JATTA_EXIT_AFTER_FIRST_CARD=1 starts on it
# and exits right after it); with FRAME, start → the first frame of a
# plain `jatta study`, the home screen with every row's counts
# (JATTA_EXIT_AFTER_FIRST_FRAME=1).
tmux -L "$sock" -f /dev/null new-session -d -s b -x 80 -y 24 "bash --norc --noprofile"
tui() {
    local out="$work/tui.$RANDOM.txt" n
    : >"$out"
    cat >"$work/one.sh" <<SH
cd '$3'
JATTA_DB='$5' JATTA_EXIT_AFTER_FIRST_${6:-CARD}=1 python3 '$stats' '$out' --stdin-inherit '$2' study --lang kk '$4'
SH
    for _ in $(seq "$runs"); do
        n=$(wc -l <"$out")
        tmux -L "$sock" send-keys -t b "bash '$work/one.sh'" Enter
        for _ in $(seq 600); do [ "$(wc -l <"$out")" -gt "$n" ] && break; sleep 0.05; done
    done
    record "$1" "$out"
}

echo "== sets (in $work)"
for n in 10000 100000; do
    [ -e "$work/set-$n/progress.sqlite" ] || "$bin/jatta-bench" scale-setup --cards "$n" --dir "$work/set-$n"
done
[ -e "$work/set-200000/decks/lecture-9.deck" ] || "$bin/jatta-bench" scale-setup --cards 200000 --no-store --dir "$work/set-200000"

for n in 10000 100000; do
    set_dir="$work/set-$n"
    echo "== $n cards"
    cd "$set_dir"
    export JATTA_DB="$set_dir/progress.sqlite"
    # The first start after the decks appear (registers them; builds any index).
    : >"$work/first.txt"; python3 "$stats" "$work/first.txt" "$jatta" study --plain decks; record "first$n" "$work/first.txt"
    stats "plain$n" "$jatta" study --plain decks
    # One deck file of ten in the whole store: reads only its faces' rows.
    stats "onefile$n" "$jatta" study --plain decks/lecture-0.deck
    # The same file for a student who never starts on the whole store: a
    # cache folder of its own, in which only starts on that file kept
    # anything (the first two, untimed, index the file and keep its part).
    rm -rf "$work/cache-onefile"
    for _ in 1 2; do
        XDG_CACHE_HOME="$work/cache-onefile" "$jatta" study --plain decks/lecture-0.deck </dev/null >/dev/null
    done
    XDG_CACHE_HOME="$work/cache-onefile" stats "onefileonly$n" "$jatta" study --plain decks/lecture-0.deck
    # Today's queue with limits 9999/9999 as the trainer builds it: the same
    # start with those limits, less the start with the default ones, the
    # two alternated run by run so that the machine's drift falls on both
    # (the table shows the difference at 100k).
    if [ "$n" = 100000 ]; then
        : >"$work/limits.txt"; : >"$work/paired.txt"
        for _ in $(seq "$runs"); do
            python3 "$stats" "$work/limits.txt" "$jatta" study --plain --new-limit 9999 --review-limit 9999 decks
            python3 "$stats" "$work/paired.txt" "$jatta" study --plain decks
        done
        record "limits$n" "$work/limits.txt"
        record "paired$n" "$work/paired.txt"
    fi
    tui "tui$n" "$jatta" "$set_dir" decks "$JATTA_DB"
    tui "home$n" "$jatta" "$set_dir" decks "$JATTA_DB" FRAME
    # Commands other than a start, at both sizes: what each shows does not
    # grow with the collection, and its time should not either; `find`
    # reads every card's text by its nature. Printed side by side at the end.
    stats "cmd_unsuspend$n" "$jatta" unsuspend
    stats "cmd_stats$n" "$jatta" stats decks
    stats "cmd_statsjson$n" "$jatta" stats --json decks
    stats "cmd_history$n" "$jatta" history --limit 20
    stats "cmd_check$n" "$jatta" check decks
    stats "cmd_find$n" "$jatta" find zzzq decks
    # With an exam 44 days ahead set for every deck (`jatta exam set`): the
    # exam rule moves reviews before it, and the plan and the readiness
    # forecast are made at the start. On a copy of the store, for this build
    # and --baseline, each with its own deck index.
    exam_date=$(date -d '+44 days' +%F)
    for which in new baseline; do
        b=$jatta
        if [ "$which" = baseline ]; then
            [ -n "$baseline" ] || continue
            b=$baseline
        fi
        exam_db="$work/exam-$n-$which.sqlite"
        rm -f "$exam_db"*
        python3 -c 'import sqlite3, sys; sqlite3.connect(sys.argv[1]).backup(sqlite3.connect(sys.argv[2]))' \
            "$JATTA_DB" "$exam_db"
        if ! JATTA_DB="$exam_db" XDG_CACHE_HOME="$work/cache-exam-$which" "$b" exam set "$exam_date" decks >/dev/null; then
            echo "  ($which: could not set the exam; row left empty)"
            continue
        fi
        # Warm as the other starts are: the first start with the exam marks
        # its decks, the second keeps a queue for them (KeptQueueFile).
        for _ in 1 2; do
            JATTA_DB="$exam_db" XDG_CACHE_HOME="$work/cache-exam-$which" "$b" study --plain decks </dev/null >/dev/null 2>&1 || true
        done
        stats "exam${n}_$which" env JATTA_DB="$exam_db" XDG_CACHE_HOME="$work/cache-exam-$which" "$b" study --plain decks
        # `jatta exam`: the plan and readiness for it.
        if [ "$which" = new ]; then
            stats "cmd_exam$n" env JATTA_DB="$exam_db" XDG_CACHE_HOME="$work/cache-exam-$which" "$b" exam decks
        fi
    done
    # After editing one of the ten files: a new card appended each run.
    # The whole process, as every start above; and when the first card
    # was shown (`[1/` of the plain header): after it the start registers
    # the edited file's cards in the store, which the process waits for
    # before it ends, while the student reads the card.
    : >"$work/edited.txt"
    for i in $(seq "$runs"); do
        printf 'Q: Бенчмарктағы жаңа сұрақ %s-%s?\nA: Жаңа жауап.\n\n' "$$" "$i" >>decks/lecture-3.deck
        python3 "$stats" "$work/edited.txt" --first-output '[1/' "$jatta" study --plain decks
    done
    record "edited$n" "$work/edited.txt"
    put "edited${n}_first" "$(awk '{print $4}' "$work/edited.txt" | grep -v nan | median)"
    cd "$root"
done
# The store as this build keeps it, once its starts have opened it (a set
# kept from an older build's run is migrated by its first start).
put size100000_db_mib "$(stat -c %s "$work/set-100000/progress.sqlite" | awk '{printf "%.1f", $1 / 1048576}')"

echo "== 200000 cards, decks only"
cd "$work/set-200000"
export JATTA_DB="$work/set-200000/progress.sqlite"
"$jatta" list --json decks >/dev/null 2>&1 || true
stats list200000 "$jatta" list --json decks
stats quiz200000 "$jatta" quiz --plain --no-record --count 20 --seed 1 decks
cd "$root"

echo "== progress store at 100000 cards, 1M reviews (a copy of the set's database)"
mkdir -p "$work/store"
cp "$work/set-100000/progress.sqlite" "$work/store/progress.sqlite"
"$bin/jatta-bench" store --dir "$work/store" --keep --answers 500 --repetitions 9 | tee "$work/store.txt"
median_of() { grep -F "$1" "$work/store.txt" | head -n 1 | sed 's/.*median \([0-9.]*\) ms.*/\1/'; }
put queue9999 "$(median_of 'limits 9999/9999')"
put queue20 "$(median_of 'default limits 20/200')"
put counts "$(median_of 'counts per deck and level')"
put queue9999_cpu "$(median_of 'limits 9999/9999), CPU time')"
put queue20_cpu "$(median_of 'default limits 20/200), CPU time')"
put counts_cpu "$(median_of 'counts per deck and level, CPU time')"
put answer "$(median_of 'one answer as a session makes it: schedule + record')"
put answer_cpu "$(median_of 'one answer as a session makes it, CPU time')"
put answer_read "$(median_of 'one answer after reading its schedule')"
put fsync "$(median_of 'fsync floor')"
rm -rf "$work/store"

echo "== a key press on the home screen at 100000 cards (every row's counts drawn)"
"$bin/jatta-bench" study "$work/set-100000/decks" --keys 1 --browse 40 | tee "$work/browse.txt"
put home_key "$(grep -F 'home browsing' "$work/browse.txt" | sed 's/.*median \([0-9.]*\) µs.*/\1/' | awk '{printf "%.3f", $1 / 1000}')"

if [ "$run_fsrs" = 1 ]; then
    echo "== FSRS replay of 1M reviews against fsrs-rs"
    scripts/bench-fsrs.sh 100000 10 | tee "$work/fsrs.txt"
    put fsrs_jatta_s "$(awk '/^jatta:/ {print $2}' "$work/fsrs.txt")"
    put fsrs_rs_s "$(awk '/^fsrs-rs-python:/ {print $2}' "$work/fsrs.txt")"
fi

echo "== bundled decks"
bundled_db="$work/bundled.sqlite"
for which in new baseline; do
    b=$jatta
    if [ "$which" = baseline ]; then
        [ -n "$baseline" ] || continue
        b=$baseline
    fi
    rm -f "$bundled_db"*
    export JATTA_DB="$bundled_db"
    "$b" study --plain "$root/decks" </dev/null >/dev/null 2>&1 || true
    stats "bundled_plain_$which" "$b" study --plain "$root/decks"
    tui "bundled_tui_$which" "$b" "$root" "$root/decks" "$bundled_db"
    tui "bundled_home_$which" "$b" "$root" "$root/decks" "$bundled_db" FRAME
done
"$bin/jatta-bench" study "$root/decks" --keys 20000 | tee "$work/keys.txt"

anki_file="$anki_json"
if [ -z "$anki_file" ] && [ "$run_anki" = 1 ]; then
    echo "== Anki's engine (../shared/oracles/anki_bench.py)"
    venv=.venv-oracle
    [ -x "$venv/bin/python" ] || python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check anki==26.9.3 fsrs-rs-python==0.9.3 fsrs==6.3.2 genanki==0.13.1
    anki_file="$work/anki.json"
    "$venv/bin/python" ../shared/oracles/anki_bench.py --sizes 10000 100000 --no-apkg --json "$anki_file" >"$work/anki.log"
fi

echo
echo "== issue 20: goal / jatta / Anki / ratio (jatta ÷ Anki; below 1 means jatta is faster or smaller)"
echo "jatta: $timed; in-process figures (queue, counts, answer, key press) are jatta-bench's"
python3 - "$results" "${anki_file:-}" <<'PY'
import json, sys
r = {}
for line in open(sys.argv[1]):
    k, v = line.split()
    try:
        r[k] = float(v)
    except ValueError:
        r[k] = None
anki = {}
if len(sys.argv) > 2 and sys.argv[2]:
    data = json.load(open(sys.argv[2]))
    for s in data.get("sizes", []):
        anki[s["notes"]] = s
def a(n, key, scale=1000.0):
    s = anki.get(n)
    return s[key] * scale if s and key in s else None
open10, open100 = a(10000, "t_open_s"), a(100000, "t_open_s")
def plus(x, y):
    return x + y if x is not None and y is not None else None
def minus(x, y):
    return x - y if x is not None and y is not None else None
anki10 = plus(open10, a(10000, "t_first_get_queued_cards_default_limits_s"))
anki100 = plus(open100, a(100000, "t_first_get_queued_cards_default_limits_s"))
g = r.get
rows = [
    # figure, goal, jatta (wall), jatta CPU, Anki
    ("start → first card, 10k cards, plain (ms)", 15, g("plain10000"), g("plain10000_cpu"), anki10),
    ("start → first card, 10k cards, full screen (ms)", 15, g("tui10000"), g("tui10000_cpu"), anki10),
    ("start → first card, 100k cards / 1M reviews, plain (ms)", 30, g("plain100000"), g("plain100000_cpu"), anki100),
    ("start → first card, 100k / 1M, full screen (ms)", 30, g("tui100000"), g("tui100000_cpu"), anki100),
    # What `jatta study` shows first in full screen: the home screen, with
    # every deck's counts.
    ("start → home screen, 10k, full screen (ms)", 15, g("home10000"), g("home10000_cpu"), anki10),
    ("start → home screen, 100k / 1M, full screen (ms)", 30, g("home100000"), g("home100000_cpu"), anki100),
    ("first start after the decks appear, 100k (ms)", None, g("first100000"), g("first100000_cpu"), None),
    ("start on one file of ten (10k of 100k cards) (ms)", 15, g("onefile100000"), g("onefile100000_cpu"), None),
    ("  the same, never a start on the whole store (ms)", 15, g("onefileonly100000"), g("onefileonly100000_cpu"), None),
    ("after editing one of ten files, 10k, whole process (ms)", 100, g("edited10000"), g("edited10000_cpu"), None),
    ("after editing one of ten files, 100k, whole process (ms)", 100, g("edited100000"), g("edited100000_cpu"), None),
    # The same starts to the first card shown: the process then registers
    # the edited file's cards before it ends.
    ("  the same, 10k, start → first card shown (ms)", 100, g("edited10000_first"), None, None),
    ("  the same, 100k, start → first card shown (ms)", 100, g("edited100000_first"), None, None),
    ("peak memory, 100k, plain (MiB)", 60 / 1.048576, g("plain100000_peak"), None, None),
    ("peak memory, 100k, full screen (MiB)", 60 / 1.048576, g("tui100000_peak"), None, None),
    ("peak memory, 100k, home screen (MiB)", 60 / 1.048576, g("home100000_peak"), None, None),
    # The trainer reads its queue from the kept queue (the start above);
    # with limits 9999/9999 the start takes this much longer.
    ("today's queue 9999/9999, 100k, trainer: start − start at 20/200, alternated (ms)", 10,
     minus(g("limits100000"), g("paired100000")), minus(g("limits100000_cpu"), g("paired100000_cpu")),
     a(100000, "t_first_get_queued_cards_limits9999_s")),
    ("  the store's query for it, in process, no command's yet (ms)", None, g("queue9999"), g("queue9999_cpu"), a(100000, "t_first_get_queued_cards_limits9999_s")),
    ("  the store's query, limits 20/200, in process (ms)", None, g("queue20"), g("queue20_cpu"), a(100000, "t_first_get_queued_cards_default_limits_s")),
    ("counts per deck and level, the store's, no command's yet (ms)", None, g("counts"), g("counts_cpu"), None),
    ("a key press on the home screen, 100k, in process (ms)", None, g("home_key"), None, None),
    # Anki's figure: its 1,000 answers' total in seconds = ms per answer
    # (build_answer + answer_card, which reads the card itself).
    # jatta's: what a session does at an answer, FSRS's step and the
    # recording, with the schedule the session holds; CPU: that part's own
    # CPU time (the rest of the wall time is the disk).
    ("one answer, synchronous=FULL, median (ms)", 0.25, g("answer"), g("answer_cpu"), a(100000, "t_answer_1000_answer_card_part_s", 1.0)),
    ("  the same after a read of its schedule, no session's step (ms)", None, g("answer_read"), None, None),
    ("  fsync floor of this disk (ms)", None, g("fsync"), None, None),
    ("progress file, 100k cards / 1M reviews (MiB)", a(100000, "collection_file_MiB", 1.0), g("size100000_db_mib"), None, a(100000, "collection_file_MiB", 1.0)),
    ("list --json, 200k cards (ms)", 1000, g("list200000"), g("list200000_cpu"), None),
    ("20-question quiz from 200k cards, first question (ms)", 100, g("quiz200000"), g("quiz200000_cpu"), None),
    ("  its peak memory (MiB)", None, g("quiz200000_peak"), None, None),
    ("FSRS replay of 1M reviews (s; goal: half of fsrs-rs)", (r["fsrs_rs_s"] / 2) if g("fsrs_rs_s") else None, g("fsrs_jatta_s"), None, g("fsrs_rs_s")),
]
def f(x):
    return "—" if x is None else (f"{x:.3f}" if x < 1 else f"{x:.1f}")
print("wall = what the student waits (inflated by other load on a shared machine); CPU = user + system time of the process")
print(f"{'figure':68} {'goal':>7} {'jatta':>8} {'CPU':>8} {'Anki':>8} {'ratio':>6}  met")
for name, goal, j, cpu, an in rows:
    ratio = f"{j / an:.2f}" if j is not None and an else "—"
    best = min(x for x in (j, cpu) if x is not None) if (j is not None or cpu is not None) else None
    met = "" if goal is None or best is None else ("yes" if j is not None and j <= goal else ("CPU only" if best <= goal else "NO"))
    print(f"{name:68} {f(goal):>7} {f(j):>8} {f(cpu):>8} {f(an):>8} {ratio:>6}  {met}")
if g("fsync") is not None and g("fsync") > 0.25:
    print(f"note: this disk's fsync floor ({g('fsync'):.3f} ms) is above the answer goal (0.25 ms); "
          f"no durable answer can meet it here, only its CPU part ({f(g('answer_cpu'))} ms)")
print()
print("with an exam 44 days ahead for every deck, start → first card, plain, this build beside --baseline (wall ms / CPU ms / peak MiB):")
for n in ("10000", "100000"):
    for w in ("new", "baseline"):
        print(f"  {n:6} {'this build' if w == 'new' else 'baseline':10} {f(g(f'exam{n}_{w}')):>8} {f(g(f'exam{n}_{w}_cpu')):>8} {f(g(f'exam{n}_{w}_peak')):>8}")
print()
print("other commands, 10k and 100k cards (wall ms / CPU ms / peak MiB), and 100k ÷ 10k (wall):")
for k, what in (("unsuspend", "unsuspend (the list)"), ("stats", "stats"), ("statsjson", "stats --json"),
                ("history", "history --limit 20"), ("exam", "exam (44 days ahead)"), ("check", "check"),
                ("find", "find (a word no card holds)")):
    small, large = g(f"cmd_{k}10000"), g(f"cmd_{k}100000")
    ratio = f"{large / small:.1f}" if small and large is not None else "—"
    print(f"  {what:28} {f(small):>8} {f(g(f'cmd_{k}10000_cpu')):>8} {f(g(f'cmd_{k}10000_peak')):>8}"
          f"   {f(large):>8} {f(g(f'cmd_{k}100000_cpu')):>8} {f(g(f'cmd_{k}100000_peak')):>8}   {ratio:>5}")
print()
print("bundled decks, this build beside --baseline (wall ms / CPU ms / peak MiB):")
for k in ("plain", "tui", "home"):
    for w in ("new", "baseline"):
        print(f"  {k:6} {'this build' if w == 'new' else 'baseline':10} {f(g(f'bundled_{k}_{w}')):>8} {f(g(f'bundled_{k}_{w}_cpu')):>8} {f(g(f'bundled_{k}_{w}_peak')):>8}")
PY
