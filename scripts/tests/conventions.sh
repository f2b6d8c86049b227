#!/usr/bin/env bash
# The command-line conventions of the real binary: `study --demo` keeps the
# real progress untouched and leaves nothing behind; NO_COLOR and
# --color=auto|always|never for `check` (through a pipe and a real pty) and
# for the full-screen trainer (tmux, its escape sequences captured); the
# home screen explains its counts; --version names the commit.
set -uo pipefail
cd "$(dirname "$0")/../.."
command -v tmux >/dev/null 2>&1 || { echo "conventions: FAIL: tmux is not installed" >&2; exit 1; }
command -v sqlite3 >/dev/null 2>&1 || { echo "conventions: FAIL: sqlite3 is not installed" >&2; exit 1; }
. scripts/lib/jatta-binary.sh
jatta=$JATTA
work=$(mktemp -d)
sock="jatta-conventions-$$"
tm() { tmux -L "$sock" -f /dev/null "$@"; }
trap 'tm kill-server >/dev/null 2>&1; rm -rf "$work"' EXIT
failures=0
fail() { echo "conventions: FAIL: $*" >&2; failures=$((failures + 1)); }
export LANG=C.UTF-8 LC_ALL=C.UTF-8 JATTA_LANG=en
unset JATTA_DB XDG_DATA_HOME NO_COLOR

# 1. --demo: the session runs (answers judged and graded) but nothing is
#    written: no database appears where there was none, an existing one is
#    left byte for byte as it was, and no file is left anywhere.
mkdir -p "$work/home" "$work/tmp"
deck=decks/kazakhstan-facts.deck
demo() { printf '1991\n3\n' | HOME="$work/home" TMPDIR="$work/tmp" "$jatta" study --demo --plain "$deck" "$@"; }
demo >"$work/demo.out" 2>"$work/demo.err"
status=$?
[ "$status" -eq 0 ] || fail "--demo exited $status: $(cat "$work/demo.err")"
grep -qE 'Correct|Wrong|Accepted' "$work/demo.out" || fail "--demo did not judge the answer: $(head -n 5 "$work/demo.out")"
[ -z "$(find "$work/home" "$work/tmp" -mindepth 1)" ] || fail "--demo wrote files: $(find "$work/home" "$work/tmp" -mindepth 1)"
[ "$(grep -c 'your real progress is not touched' "$work/demo.err")" -eq 2 ] || fail "--demo not announced at start and end"
real="$work/real.sqlite"
printf '1991\n3\n' | "$jatta" study --db "$real" --plain "$deck" >/dev/null 2>&1 || fail "a real session failed"
[ "$(sqlite3 "$real" 'select count(*) from review_log')" = 1 ] || fail "the real session recorded no answer"
before=$(cat "$real"* | md5sum)
JATTA_DB="$real" demo >/dev/null 2>&1 || fail "--demo beside a real database failed"
[ "$(cat "$real"* | md5sum)" = "$before" ] || fail "--demo changed the real database"
"$jatta" study --demo --db "$work/x.sqlite" --plain "$deck" </dev/null >/dev/null 2>"$work/both.err"
[ $? -eq 64 ] || fail "--demo with --db was accepted"
[ ! -e "$work/x.sqlite" ] || fail "--demo with --db created the database"

# 2. check's colour: a pipe is plain unless --color=always; in a pty NO_COLOR
#    (non-empty) or --color=never turn it off, --color=always wins over NO_COLOR.
mistakes=scripts/tests/fixtures/ten-mistakes.deck
esc=$'\e['
colours() { grep -cF "$esc" || true; }
in_pty() { python3 -c 'import os, pty, sys; sys.exit(os.waitstatus_to_exitcode(pty.spawn(sys.argv[1:])))' "$@" </dev/null 2>/dev/null; }
[ "$("$jatta" check "$mistakes" | colours)" -eq 0 ] || fail "check coloured a pipe"
[ "$("$jatta" check --color=always "$mistakes" | colours)" -gt 0 ] || fail "--color=always did not colour a pipe"
[ "$(in_pty "$jatta" check "$mistakes" | colours)" -gt 0 ] || fail "check did not colour a terminal"
[ "$(NO_COLOR=1 in_pty "$jatta" check "$mistakes" | colours)" -eq 0 ] || fail "NO_COLOR=1 still coloured"
[ "$(NO_COLOR= in_pty "$jatta" check "$mistakes" | colours)" -gt 0 ] || fail "an empty NO_COLOR turned colour off"
[ "$(in_pty "$jatta" check --color=never "$mistakes" | colours)" -eq 0 ] || fail "--color=never still coloured"
[ "$(NO_COLOR=1 in_pty "$jatta" check --color=always "$mistakes" | colours)" -gt 0 ] || fail "--color=always lost to NO_COLOR"
"$jatta" check --color=sometimes "$mistakes" >/dev/null 2>&1
[ $? -eq 64 ] || fail "--color=sometimes was accepted"

# 3. The trainer: the filter line is cyan (SGR 36) unless colour is off; the
#    home screen says what its numbers count.
home_screen() {  # home_screen NAME ENV... -- ARGS...: the escaped home screen
    local name=$1; shift
    local envs=()
    while [ "$1" != -- ]; do envs+=("$1"); shift; done
    shift
    tm new-session -d -s "$name" -x 120 -y 20 \
        env "${envs[@]}" HOME="$work/home" TMPDIR="$work/tmp" TERM=xterm-256color "$jatta" study --demo "$@" "$deck"
    for _ in $(seq 100); do
        tm capture-pane -p -t "$name" | grep -qF 'today:' && break
        sleep 0.1
    done
    tm capture-pane -p -e -t "$name"
    tm send-keys -t "$name" q
}
tm new-session -d -s keep -x 20 -y 5 'sleep 600'
screen=$(home_screen plain LANG=C.UTF-8 --)
grep -q $'\e\\[36m' <<<"$screen" || fail "trainer: no colour by default"
grep -qF 'New, Learn, Due count faces (a term has 2); Level counts cards' <<<"$screen" \
    || fail "home screen: counts not explained"
grep -qE 'today: 20 of [0-9]+ new' <<<"$screen" || fail "home screen: today's new allowance not shown"
[ "$(home_screen nocolor NO_COLOR=1 -- | grep -c $'\e\\[36m')" -eq 0 ] || fail "trainer: NO_COLOR=1 still coloured"
[ "$(home_screen never LANG=C.UTF-8 -- --color=never | grep -c $'\e\\[36m')" -eq 0 ] || fail "trainer: --color=never still coloured"
home_screen always NO_COLOR=1 -- --color=always | grep -q $'\e\\[36m' || fail "trainer: --color=always lost to NO_COLOR"

# 4. --version: the release and this checkout's commit.
if commit=$(git rev-parse --short=12 HEAD 2>/dev/null); then
    "$jatta" --version | grep -qE "^jatta [0-9]+\.[0-9]+\.[0-9]+ \(commit $commit(-modified)?\)$" \
        || fail "--version: $("$jatta" --version), expected commit $commit"
fi

# 5. The commit stamp's script (run as the build runs it): a commit in a git
#    checkout, marked -modified over uncommitted changes, nil outside git;
#    the file is not rewritten when nothing changed (no rebuild).
sed -n '/static let script = #"""/,/"""#/p' Plugins/BuildStamp/BuildStamp.swift | sed '1d;$d' >"$work/stamp.sh"
stamp() { sh -c "$(cat "$work/stamp.sh")" stamp "$1" "$work/out" "$work/out/BuildCommit.swift"; }
mkdir -p "$work/notgit"
stamp "$work/notgit" && grep -qF 'static let value: String? = nil' "$work/out/BuildCommit.swift" \
    || fail "outside git the stamp is not nil: $(cat "$work/out/BuildCommit.swift")"
git init -q "$work/git" && echo a >"$work/git/f" && git -C "$work/git" add f \
    && git -C "$work/git" -c user.name=t -c user.email=t@t commit -qm a
head=$(git -C "$work/git" rev-parse --short=12 HEAD)
stamp "$work/git" && grep -qF "static let value: String? = \"$head\"" "$work/out/BuildCommit.swift" \
    || fail "the stamp does not name $head: $(cat "$work/out/BuildCommit.swift")"
touch -d '2001-01-01' "$work/out/BuildCommit.swift"
stamp "$work/git"
[ "$(stat -c %Y "$work/out/BuildCommit.swift")" = "$(date -d 2001-01-01 +%s)" ] || fail "an unchanged stamp was rewritten"
echo b >"$work/git/f"
stamp "$work/git" && grep -qF "\"$head-modified\"" "$work/out/BuildCommit.swift" \
    || fail "uncommitted changes are not marked: $(cat "$work/out/BuildCommit.swift")"

# 6. No "prohibited flag(s)" warning from pkg-config ncursesw (SwiftPM
#    prints it on every build, even one with nothing to do).
swift build --product jatta >"$work/build.out" 2>&1 || fail "swift build failed"
grep -F 'prohibited flag' "$work/build.out" && fail "swift build still warns about prohibited flags"

[ "$failures" -eq 0 ] && echo "conventions: ok"
[ "$failures" -eq 0 ]
