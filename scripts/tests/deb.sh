#!/usr/bin/env bash
# The .deb from scripts/build-deb: the usual layout and Depends, then
# installed with dpkg -i, used from another folder (version, bundled decks,
# man pages through man, bash completion as bash-completion loads it), and
# removed with dpkg -r without leaving a file behind. The package is removed
# at the end even when a check fails; a jatta package installed before the
# test is never touched (the test stops instead).
set -uo pipefail
cd "$(dirname "$0")/../.."
. scripts/lib/deps.sh
jatta_ensure_packages make man-db || exit 1
. scripts/lib/jatta-binary.sh
if [ "$(id -u)" = 0 ]; then
    as_root() { "$@"; }
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    as_root() { sudo -n "$@"; }
else
    echo "SKIP: .deb install and removal: dpkg -i needs root or password-less sudo"
    exit 77
fi
if dpkg-query -W -f='${Status}' jatta 2>/dev/null | grep -q 'installed'; then
    echo "deb: FAIL: a jatta package is already installed; remove it first (dpkg -r jatta)" >&2
    exit 1
fi
work=$(mktemp -d)
installed=0
cleanup() {
    [ "$installed" = 1 ] && as_root dpkg -r jatta >/dev/null 2>&1
    rm -rf "$work"
}
trap cleanup EXIT
failures=0
fail() { echo "deb: FAIL: $*" >&2; failures=$((failures + 1)); }
export LANG=C.UTF-8 LC_ALL=C.UTF-8 JATTA_LANG=en
unset JATTA_DB XDG_DATA_HOME

deb=$(bash scripts/build-deb -o "$work" 2>"$work/build.err") || { cat "$work/build.err" >&2; fail "build-deb failed"; exit 1; }

# 1. Layout and metadata.
dpkg-deb -c "$deb" | awk '{print $6}' | sed 's|^\./|/|' >"$work/contents"
for path in /usr/bin/jatta /usr/share/jatta/decks/kazakhstan-facts.deck /usr/share/man/man1/jatta.1.gz \
    /usr/share/man/man1/jatta.study.1.gz /usr/share/bash-completion/completions/jatta \
    /usr/share/zsh/site-functions/_jatta /usr/share/fish/vendor_completions.d/jatta.fish; do
    grep -qx "$path" "$work/contents" || fail "the package lacks $path"
done
depends=$(dpkg-deb -f "$deb" Depends)
for package in libncursesw6 libsqlite3-0 libc6; do
    grep -q "\b$package (>=" <<<"$depends" || fail "Depends lacks $package: $depends"
done
[ "$(dpkg-deb -f "$deb" Package)" = jatta ] || fail "Package is not jatta"
if command -v lintian >/dev/null 2>&1; then lintian --no-tag-display-limit "$deb" >&2 || true; fi

# 2. Installed: used from another folder by a user with an empty home.
as_root dpkg -i "$deb" >"$work/dpkg.out" 2>&1 || { cat "$work/dpkg.out" >&2; fail "dpkg -i failed"; exit 1; }
installed=1
mkdir -p "$work/elsewhere" "$work/home"
cd "$work/elsewhere"
[ "$(command -v jatta)" = /usr/bin/jatta ] || fail "jatta on PATH is $(command -v jatta)"
if commit=$(git -C "$OLDPWD" rev-parse --short=12 HEAD 2>/dev/null); then
    /usr/bin/jatta --version | grep -qE "^jatta [0-9.]+ \(commit $commit(-modified)?\)$" || fail "--version: $(/usr/bin/jatta --version)"
fi
printf '1991\n3\n' | HOME="$work/home" /usr/bin/jatta study --demo --plain >"$work/study.out" 2>&1 \
    || fail "study: $(tail -n 3 "$work/study.out")"
grep -qF '[1/' "$work/study.out" || fail "/usr/share/jatta/decks not found: $(head -n 5 "$work/study.out")"
HOME="$work/home" /usr/bin/jatta check /usr/share/jatta/decks >/dev/null || fail "the installed decks do not check"
if [ -f /usr/share/man/man1/jatta.1.gz ]; then
    man jatta 2>/dev/null | grep -q 'flashcard trainer' || fail "man jatta"
    man jatta.quiz 2>/dev/null | grep -q -- '--practice' || fail "man jatta.quiz lacks --practice"
else
    # Some minimal images tell dpkg not to install man pages at all.
    echo "SKIP: man pages from dpkg: this system's dpkg excludes /usr/share/man"
    dpkg-deb --fsys-tarfile "$deb" | tar -xO ./usr/share/man/man1/jatta.1.gz | gzip -d >"$work/jatta.1"
    man -l "$work/jatta.1" 2>/dev/null | grep -q 'flashcard trainer' || fail "man -l jatta.1 from the package"
fi
words=$(bash --norc -c '
    source /usr/share/bash-completion/completions/jatta || exit 1
    COMP_WORDS=(jatta qu); COMP_CWORD=1; COMP_LINE="jatta qu"; COMP_POINT=${#COMP_LINE}
    _jatta jatta qu jatta; printf "%s\n" "${COMPREPLY[@]}"')
grep -qx quiz <<<"$words" || fail "bash completion of 'jatta qu': $words"
cd "$OLDPWD"

# 3. Removed: no file of the package remains, dpkg knows it no more.
as_root dpkg -r jatta >"$work/dpkg.out" 2>&1 || { cat "$work/dpkg.out" >&2; fail "dpkg -r failed"; }
installed=0
while read -r path; do
    [ -f "$path" ] && fail "left after dpkg -r: $path"
done <"$work/contents"
[ ! -e /usr/share/jatta ] || fail "/usr/share/jatta left after dpkg -r"
dpkg-query -W -f='${Status}' jatta 2>/dev/null | grep -q ' installed' && fail "dpkg still lists jatta as installed"

[ "$failures" -eq 0 ] && echo "deb: ok"
[ "$failures" -eq 0 ]
