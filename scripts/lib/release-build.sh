# Sourced by scripts/jatta, the Makefile's build step and the packaging
# scripts (with $root set to the repository): the one way the release binary
# is built and found, so the installed binary is the one scripts/jatta runs.
#
# The static Swift runtime saves about 5 MiB of memory and a few
# milliseconds of start-up per run, and frees the installed binary from the
# toolchain's shared libraries; it gets its own build folder so it does not
# invalidate the debug build the tests use.

jatta_release_scratch="$root/.build-static"
jatta_release_binary="$jatta_release_scratch/release/jatta"

# True (0) when the executable's relative relocations can be packed
# (DT_RELR): the C library reads them from glibc 2.36 on, and lld, which the
# Swift toolchain ships, writes them. An older C library would not apply
# them and the binary would not start, so there the usual link stays.
jatta_packs_relocations() {
    local glibc swiftc
    glibc=$(getconf GNU_LIBC_VERSION 2>/dev/null | awk '{print $2}')
    [ -n "$glibc" ] || return 1
    [ "$(printf '%s\n2.36\n' "$glibc" | sort -V | head -n 1)" = 2.36 ] || return 1
    swiftc=$(command -v swiftc) || return 1
    [ -x "$(dirname "$(readlink -f "$swiftc")")/ld.lld" ] || command -v ld.lld >/dev/null
}

# The flags of every build into $jatta_release_scratch (another set of
# flags there rebuilds everything): the Swift runtime linked in, and the
# relocations packed where they can be. A start applies about 92,000
# relocations of the executable's pointers; packed, the table the loader
# reads shrinks from 2.2 MB to a few KB: `jatta --version` 4.7-5.5 ms ->
# 4.1-4.3 ms, a start on 10,000 cards about 1 ms less.
jatta_release_flags=(-c release --static-swift-stdlib --scratch-path "$jatta_release_scratch")
if jatta_packs_relocations; then
    jatta_release_flags+=(-Xswiftc -use-ld=lld -Xlinker -z -Xlinker pack-relative-relocs)
fi
# The commit the binary was built at: the binary bakes it in, so a new
# commit means a rebuild even when no file changed.
jatta_release_stamp="$jatta_release_scratch/jatta.commit"

jatta_current_commit() {
    { git -C "$root" rev-parse HEAD 2>/dev/null || echo none; }
}

# True (0) when the binary is missing, older than any source or manifest
# file, or built at another commit. Costs a few milliseconds, against one to
# four seconds for a no-op `swift build`.
jatta_release_is_stale() {
    [ -x "$jatta_release_binary" ] || return 0
    [ -f "$jatta_release_stamp" ] || return 0
    [ "$(cat "$jatta_release_stamp")" = "$(jatta_current_commit)" ] || return 0
    local newer
    newer=$(find "$root/Sources" "$root/Plugins" "$root/Package.swift" \
        -newer "$jatta_release_binary" -print -quit 2>/dev/null)
    [ -n "$newer" ]
}

# Builds the release binary, showing SwiftPM's own progress on stderr.
jatta_release_build() {
    if [ -x "$jatta_release_binary" ]; then
        echo "jatta: sources changed; rebuilding $jatta_release_binary" >&2
    else
        echo "jatta: building $jatta_release_binary for the first time." >&2
        echo "jatta: this usually takes 5 to 10 minutes on two cores (later runs start at once)." >&2
    fi
    if ! swift build --package-path "$root" "${jatta_release_flags[@]}" --product jatta >&2; then
        echo "jatta: the build failed (the messages above say why)" >&2
        return 1
    fi
    jatta_current_commit >"$jatta_release_stamp"
    # SwiftPM leaves the binary's time alone when nothing was relinked; the
    # staleness check compares against it.
    touch "$jatta_release_binary"
}
