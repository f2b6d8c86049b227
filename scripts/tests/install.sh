#!/usr/bin/env bash
# `make install PREFIX=…` into a temporary prefix, then the installed jatta
# used from another folder as a user would: --version names this commit, the
# bundled decks are found beside the binary, a man page for every command
# renders and documents its options, the bash, zsh and fish completions load
# and complete, and `make uninstall` leaves the prefix empty.
set -uo pipefail
cd "$(dirname "$0")/../.."
. scripts/lib/deps.sh
jatta_ensure_packages make groff man-db zsh fish || exit 1
. scripts/lib/jatta-binary.sh
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "install: FAIL: $*" >&2; failures=$((failures + 1)); }
export LANG=C.UTF-8 LC_ALL=C.UTF-8 JATTA_LANG=en
unset JATTA_DB XDG_DATA_HOME

prefix="$work/prefix dir"   # a space, as in many home folders
make -s install PREFIX="$prefix" >"$work/make.out" 2>&1 || { cat "$work/make.out" >&2; fail "make install failed"; exit 1; }
bin="$prefix/bin/jatta"
[ -x "$bin" ] || { fail "no $bin"; exit 1; }

# 1. Another folder, no decks there, a home of its own: the installed
#    binary runs and opens the decks installed beside it.
mkdir -p "$work/elsewhere" "$work/home"
cd "$work/elsewhere"
if commit=$(git -C "$OLDPWD" rev-parse --short=12 HEAD 2>/dev/null); then
    "$bin" --version | grep -qE "^jatta [0-9.]+ \(commit $commit(-modified)?\)$" || fail "--version: $("$bin" --version)"
fi
printf '1991\n3\n' | HOME="$work/home" TMPDIR="$work" "$bin" study --demo --plain >"$work/study.out" 2>&1 \
    || fail "study from another folder: $(tail -n 3 "$work/study.out")"
grep -qF '[1/' "$work/study.out" || fail "the installed decks were not found: $(head -n 5 "$work/study.out")"
[ "$(ls "$prefix/share/jatta/decks"/*.deck | wc -l)" -eq "$(ls "$OLDPWD"/decks/*.deck | wc -l)" ] || fail "decks missing"

# 2. A man page per command, rendering with the command's own options.
man1="$prefix/share/man/man1"
for command in study quiz check list history unsuspend judge extract fsrs; do
    page="$man1/jatta.$command.1"
    [ -f "$page" ] || { fail "no man page for $command"; continue; }
    man -l "$page" >"$work/page" 2>"$work/man.err" || fail "man -l $page: $(cat "$work/man.err")"
    grep -q "jatta $command" "$work/page" || fail "man page of $command does not name it"
done
man -l "$man1/jatta.study.1" 2>/dev/null | grep -q -- '--demo' || fail "man jatta.study lacks --demo"
man -l "$man1/jatta.check.1" 2>/dev/null | grep -q -- '--werror' || fail "man jatta.check lacks --werror"
MANPATH="$prefix/share/man" man jatta 2>/dev/null | grep -q 'flashcard trainer' || fail "man jatta via MANPATH"
# generate-manual keeps the help's blank lines between paragraphs, which
# mdoc only warns about; an error is what would garble a page.
for page in "$man1"/*.1; do
    groff -mandoc -Tutf8 -z "$page" 2>"$work/groff.err" || fail "groff fails on $page"
    grep -i 'error' "$work/groff.err" && fail "groff reports errors in $page"
done

# 3. Completions: each shell loads its script and completes a subcommand.
bash_words=$(bash --norc -c '
    source "$1/share/bash-completion/completions/jatta" || exit 1
    COMP_WORDS=(jatta stu); COMP_CWORD=1; COMP_LINE="jatta stu"; COMP_POINT=${#COMP_LINE}
    _jatta jatta stu jatta; printf "%s\n" "${COMPREPLY[@]}"' bash "$prefix")
grep -qx 'study' <<<"$bash_words" || fail "bash completion of 'jatta stu': $bash_words"
bash_opts=$(bash --norc -c '
    source "$1/share/bash-completion/completions/jatta" || exit 1
    COMP_WORDS=(jatta study --de); COMP_CWORD=2; COMP_LINE="jatta study --de"; COMP_POINT=${#COMP_LINE}
    _jatta jatta --de study; printf "%s\n" "${COMPREPLY[@]}"' bash "$prefix")
grep -qx -- '--demo' <<<"$bash_opts" || fail "bash completion of 'jatta study --de': $bash_opts"
fish_words=$(PATH="$prefix/bin:$PATH" fish --no-config -c "source '$prefix/share/fish/vendor_completions.d/jatta.fish'; complete -C'jatta stu'" 2>&1)
grep -q '^study' <<<"$fish_words" || fail "fish completion of 'jatta stu': $fish_words"
zsh -f -c "fpath=('$prefix/share/zsh/site-functions' \$fpath); autoload -Uz compinit && compinit -u -d '$work/zcompdump' && autoload -Uz _jatta && whence -w _jatta && [[ \${_comps[jatta]} == _jatta ]]" \
    >"$work/zsh.out" 2>&1 || fail "zsh does not load _jatta: $(cat "$work/zsh.out")"

# 4. make uninstall removes every file it installed.
cd "$OLDPWD"
make -s uninstall PREFIX="$prefix" >"$work/make.out" 2>&1 || fail "make uninstall failed: $(cat "$work/make.out")"
left=$(find "$prefix" -type f)
[ -z "$left" ] || fail "make uninstall left: $left"

[ "$failures" -eq 0 ] && echo "install: ok"
[ "$failures" -eq 0 ]
