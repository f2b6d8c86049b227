# Sourced by the process tests, from the repository root: builds the debug
# jatta binary (showing the build log only when the build fails) and sets
# JATTA to its path. Exits the test with status 1 when the build fails.
jatta_build_log=$(mktemp)
if ! swift build --product jatta >"$jatta_build_log" 2>&1; then
    cat "$jatta_build_log" >&2
    rm -f "$jatta_build_log"
    echo "FAIL: swift build --product jatta" >&2
    exit 1
fi
rm -f "$jatta_build_log"
unset jatta_build_log
JATTA="$(swift build --show-bin-path)/jatta"
