#!/usr/bin/env bash
# The first typed answer of a full-screen session on a large collection,
# release build, whole process in a real pty (80x24), CPU user+sys:
#   scripts/bench-first-answer.sh DECKS DB [--before JATTA] [--answer TEXT] [--runs N]
# DECKS and DB are a set made by `jatta-bench scale-setup` (the second face
# of a practice session there is a definition→term face whose answer is
# «тәртіп тәртіп 0»; the default answer is a near miss of it). The DB is
# copied; each binary gets its own HOME and deck-index cache. With
# --before, an older binary is run alternately with this one. Also times
# `jatta judge гегемония гегемони --deck DECKS`.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
[ $# -ge 2 ] || { sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 64; }
decks=$(cd "$1" && pwd); db_given=$2; shift 2
before=""; answer="тәртіп тәрті 0"; runs=5
while [ $# -gt 0 ]; do
    case "$1" in
        --before) before=$(cd "$(dirname "$2")" && pwd)/$(basename "$2"); shift ;;
        --answer) answer=$2; shift ;;
        --runs) runs=$2; shift ;;
        *) echo "bench-first-answer: unknown argument $1" >&2; exit 64 ;;
    esac
    shift
done
cd "$root"
. scripts/lib/deps.sh
jatta_ensure_packages time python3 || exit 2
swift build -c release --product jatta >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export LANG=C.UTF-8 LC_ALL=C.UTF-8
names=(now); bins=("$work/jatta-now")
cp "$(swift build -c release --show-bin-path)/jatta" "$work/jatta-now"
if [ -n "$before" ]; then names+=(before); bins+=("$work/jatta-before"); cp "$before" "$work/jatta-before"; fi
for i in "${!names[@]}"; do
    n=${names[$i]}
    mkdir -p "$work/home-$n" "$work/cache-$n"
    cp "$db_given" "$work/db-$n.sqlite"
    # The first run builds the deck index and registers the decks in the
    # store (after the first frame, so within the first answer's time when
    # the set was made under another path): not what is measured.
    HOME="$work/home-$n" XDG_CACHE_HOME="$work/cache-$n" \
        python3 scripts/first_answer_pty.py "${bins[$i]}" "$decks" "$work/db-$n.sqlite" "$answer" >/dev/null
done
median() { sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.0f", m}'; }
for _ in $(seq "$runs"); do
    for i in "${!names[@]}"; do
        n=${names[$i]}
        HOME="$work/home-$n" XDG_CACHE_HOME="$work/cache-$n" \
            python3 scripts/first_answer_pty.py "${bins[$i]}" "$decks" "$work/db-$n.sqlite" "$answer" \
            | sed -n 's/^start \([0-9]*\) ms CPU; first typed answer \([0-9]*\) ms CPU$/\1 \2/p' >>"$work/pty-$n.txt"
        HOME="$work/home-$n" XDG_CACHE_HOME="$work/cache-$n" /usr/bin/time -f '%U %S %M' -o "$work/time.txt" \
            "${bins[$i]}" judge гегемония гегемони --deck "$decks" >/dev/null
        awk '{printf "%.0f %d\n", ($1 + $2) * 1000, $3 / 1024}' "$work/time.txt" >>"$work/judge-$n.txt"
    done
done
for n in "${names[@]}"; do
    echo "== $n (median of $runs, CPU user+sys)"
    echo "start of the session:            $(cut -d' ' -f1 "$work/pty-$n.txt" | median) ms"
    echo "first typed answer (Enter → verdict): $(cut -d' ' -f2 "$work/pty-$n.txt" | median) ms"
    echo "judge --deck, whole process:      $(cut -d' ' -f1 "$work/judge-$n.txt" | median) ms, $(cut -d' ' -f2 "$work/judge-$n.txt" | median) MiB"
done
