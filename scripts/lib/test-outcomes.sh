# Reads `swift test` output on stdin and prints one line per test outcome,
# "pass|fail|skip<TAB>name<TAB>reason", for scripts/test to count and list.
# Understands both Swift Testing ("✔ Test x() passed after …",
# "Test x() skipped: \"why\"", "Suite S skipped: \"why\"") and XCTest
# ("Test Case 'S.x' passed (…)", "… : Test skipped - why").
#
# A parameterised Swift Testing test counts once, as its summary line does.
# A skipped suite is not counted itself: Swift Testing reports each of its
# tests as skipped, with the suite's reason.
LC_ALL=C.UTF-8 awk '
# The closing summary ("Test run with N tests in M suites passed after …").
/^[^ ]+ Test run with [0-9]+ tests? / { next }
/^[^ ]+ Suite .* skipped/ { next }
function unquote(s) {
    sub(/^"/, "", s); sub(/"\.?$/, "", s)
    return s
}
# Swift Testing: "<symbol> Test NAME passed after 0.1 seconds." and friends.
/^[^ ]+ Test .* skipped/ {
    line = $0
    sub(/^[^ ]+ Test /, "", line)
    reason = ""
    if (match(line, / skipped: /)) {
        reason = unquote(substr(line, RSTART + RLENGTH))
        line = substr(line, 1, RSTART - 1)
    } else {
        sub(/ skipped\.?$/, "", line)
    }
    printf "skip\t%s\t%s\n", line, reason
    next
}
/^[^ ]+ Test .* passed after / {
    line = $0
    sub(/^[^ ]+ Test /, "", line); sub(/ (with [0-9]+ test cases? )?passed after .*$/, "", line)
    printf "pass\t%s\t\n", line
    next
}
/^[^ ]+ Test .* failed after / {
    line = $0
    sub(/^[^ ]+ Test /, "", line); sub(/ (with [0-9]+ test cases? )?failed after .*$/, "", line)
    printf "fail\t%s\t\n", line
    next
}
# XCTest: the reason comes on a line of its own before the outcome.
/: (Test skipped|skipped)( -|:) / {
    xreason = $0
    sub(/^.*: (Test skipped|skipped)( -|:) /, "", xreason)
    next
}
/^Test Case .* (passed|failed|skipped) \(/ {
    name = $0
    sub(/^Test Case \x27(-\[)?/, "", name); sub(/\]?\x27 (passed|failed|skipped) \(.*$/, "", name)
    gsub(/ /, ".", name)
    outcome = ($0 ~ /\x27 passed \(/) ? "pass" : ($0 ~ /\x27 failed \(/) ? "fail" : "skip"
    printf "%s\t%s\t%s\n", outcome, name, (outcome == "skip" ? xreason : "")
    xreason = ""
    next
}
'
