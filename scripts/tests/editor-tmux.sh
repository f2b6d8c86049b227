#!/usr/bin/env bash
# `e` in the full-screen trainer with a real editor (Debian's vim.tiny) in
# tmux: the editor gets the terminal (keys reach it, it writes the file), the
# trainer takes the terminal back, reloads and shows the new text. Also: a
# deck whose name looks like a vim command runs nothing; a missing or failing
# editor is a notice and the session goes on; a quoted $EDITOR is split as a
# shell would split it.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
. scripts/lib/deps.sh
jatta_ensure_packages tmux vim-tiny || { echo "FAIL: tmux and vim-tiny are needed" >&2; exit 1; }
. scripts/lib/jatta-binary.sh

work=$(mktemp -d)
sock="jatta-editor-$$"
export HOME="$work/home" JATTA_DB="$work/progress.sqlite" LANG=C.UTF-8 LC_ALL=C.UTF-8 JATTA_LANG=en
. scripts/lib/midday-tz.sh
mkdir -p "$HOME" "$work/decks"
pane=ed
. scripts/lib/tmux-pane.sh
cleanup() { tm kill-server >/dev/null 2>&1; rm -rf "$work"; }
trap cleanup EXIT
# open_card EDITOR-SETTINGS: starts the trainer on the deck with these
# variables, opens its card and presses e.
open_card() {
    tm send-keys -t ed "clear; $1 '$JATTA' study -- '$deck'; echo EXIT=\$?" Enter
    wait_for "All decks"
    tm send-keys -t ed Enter
    wait_for "Capital of Gaul?"
    tm send-keys -t ed e
}
tm new-session -d -s ed -x 80 -y 24 "env -u TMUX PS1='$ ' bash --norc --noprofile -i"
tm send-keys -t ed "cd '$work/decks'" Enter

# A deck whose name vim would run as a command if it came after +LINE bare.
deck='+!touch INJECTED;.deck'
printf '# Edit\n\nQ: Capital of Gaul?\nA: Lutetia\n' >"$work/decks/$deck"

# --- 1. vim.tiny edits the card; the trainer shows the change ---------------
open_card "VISUAL= EDITOR=vim.tiny"
# vim's own screen: the file's text and its status line.
wait_for "Lutetia"
sleep 0.5
# The cursor is on the card's line (+3): change the answer on the line after
# it and save (changing the prompt would make it another card).
tm send-keys -t ed -l ':.+1s/Lutetia/Lutetia Parisiorum/'
tm send-keys -t ed Enter
tm send-keys -t ed -l ':wq'
tm send-keys -t ed Enter
wait_for "Deck reloaded"
grep -qF "A: Lutetia Parisiorum" "$work/decks/$deck" || fail "vim did not save the change"
tm send-keys -t ed Space
wait_for "Lutetia Parisiorum"
[ ! -e "$work/decks/INJECTED" ] && [ ! -e "$HOME/INJECTED" ] || fail "the deck's name ran a command in the editor"
ps -eo stat=,args= | grep -E '^T.*(vim|vi )' | grep -v grep && fail "a stopped editor was left behind"

# --- 2. A missing editor: a notice, the session goes on ----------------------
tm send-keys -t ed F10
wait_for "EXIT=0"
open_card "VISUAL= EDITOR='/nonexistent/editor -w'"
wait_for "Editor not found: /nonexistent/editor"
screen | grep -qF "Deck reloaded" && fail "a missing editor still says the deck was reloaded"
tm send-keys -t ed Space
wait_for "Again"

# --- 3. A failing editor: a notice naming its status, no "reloaded" ---------
tm send-keys -t ed F10
wait_for "EXIT=0"
open_card "VISUAL= EDITOR=false"
wait_for "Editor false failed (status 1)"
screen | grep -qF "Deck reloaded" && fail "a failing editor still says the deck was reloaded"

# --- 4. An editor command with quotes is split as a shell splits it --------
tm send-keys -t ed F10
wait_for "EXIT=0"
mkdir -p "$work/my tools"
printf '#!/bin/sh\nprintf "%%s|" "$@" >"%s/args"\n' "$work" >"$work/my tools/ed it"
chmod +x "$work/my tools/ed it"
open_card "VISUAL=\"'$work/my tools/ed it' --flag 'two words'\""
wait_for "Deck reloaded"
[ "$(cat "$work/args")" = "--flag|two words|$work/decks/$deck|" ] || fail "editor called with «$(cat "$work/args")»"
tm send-keys -t ed F10
wait_for "EXIT=0"
# --- 5. SIGTERM while the editor is open: passed on, the session ends ------
open_card "VISUAL= EDITOR=vim.tiny"
wait_for "Lutetia"
shell_pid=$(tm display-message -p -t ed '#{pane_pid}')
jatta_pid=$(ps -o pid= --ppid "$shell_pid" | tr -d ' ' | head -1)
[ -n "$jatta_pid" ] || fail "jatta's pid not found"
kill -TERM "$jatta_pid"
wait_for "EXIT=143" 3
ps -eo args= | grep -F "vim.tiny" | grep -qF "$work" && fail "the editor was left running"
echo "editor-tmux: ok"
