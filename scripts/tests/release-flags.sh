#!/usr/bin/env bash
# The release build's link flags (scripts/lib/release-build.sh): packed
# relative relocations (DT_RELR) only where the C library applies them
# (glibc 2.36 and later) and lld is at hand; elsewhere the usual link, whose
# binary starts on any glibc the rest of it needs. Checked with a stand-in
# `getconf` for each glibc version, and on this machine's real one: the
# installed binary has packed relocations exactly when the check says so.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
root=$(pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "release-flags: FAIL: $*" >&2; failures=$((failures + 1)); }

# packs VERSION: the check's answer with `getconf GNU_LIBC_VERSION` saying
# "glibc VERSION" (empty: a C library that is not glibc, which says nothing).
packs() {
    mkdir -p "$work/bin"
    if [ -n "$1" ]; then
        printf '#!/bin/sh\n[ "$1" = GNU_LIBC_VERSION ] && echo "glibc %s"\n' "$1" >"$work/bin/getconf"
    else
        printf '#!/bin/sh\nexit 1\n' >"$work/bin/getconf"
    fi
    chmod +x "$work/bin/getconf"
    PATH="$work/bin:$PATH" root="$root" bash -c '. scripts/lib/release-build.sh; jatta_packs_relocations'
}
lld=1
swiftc=$(command -v swiftc) && [ -x "$(dirname "$(readlink -f "$swiftc")")/ld.lld" ] || command -v ld.lld >/dev/null || lld=0
for version in 2.31 2.35 2.35.9; do
    packs "$version" && fail "glibc $version: relocations packed, which it would not apply"
done
packs "" && fail "no glibc: relocations packed"
for version in 2.36 2.37 2.40 3.0; do
    if packs "$version"; then
        [ "$lld" = 1 ] || fail "glibc $version: packed without lld"
    else
        [ "$lld" = 0 ] || fail "glibc $version with lld: not packed"
    fi
done

# This machine: the flags the build uses follow the check.
. scripts/lib/release-build.sh
if jatta_packs_relocations; then
    printf '%s\n' "${jatta_release_flags[@]}" | grep -qx 'pack-relative-relocs' || fail "packing here, but the flags lack it"
else
    printf '%s\n' "${jatta_release_flags[@]}" | grep -q 'pack-relative-relocs' && fail "not packing here, but the flags ask for it"
fi
[ "$failures" -eq 0 ] || { echo "release-flags: $failures failure(s)" >&2; exit 1; }
echo "release-flags: ok (glibc 2.31, 2.35, 2.35.9 and none: usual link; 2.36 to 3.0: packed$([ "$lld" = 1 ] || echo ', but no lld here'))"
