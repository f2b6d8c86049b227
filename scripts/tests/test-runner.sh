#!/usr/bin/env bash
# scripts/test itself: it counts passed, failed and skipped tests, names each
# skip with its reason, and fails a run whose seed-lecture tests skip —
# checked on real `swift test` runs (the seeds hidden through JATTA_SEEDS,
# which the seed tests read instead of ../shared/seeds), and on a throw-away
# package whose XCTest and Swift Testing tests pass, fail and skip.
set -uo pipefail
cd "$(dirname "$0")/../.."
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "test-runner: FAIL: $*" >&2; failures=$((failures + 1)); }
seed_tests='CuratedDecksTests|SeedExtractionTests|DraftDeckTests'

# 1. Without the seeds: the run fails, lists every seed test with its reason
#    and says how to get the seeds; the closing line counts the skips.
JATTA_SEEDS="$work/no-seeds" bash scripts/test --filter "$seed_tests" >"$work/seedless.out" 2>&1
status=$?
[ "$status" -ne 0 ] || fail "a run whose seed tests skipped exited 0"
last=$(tail -n 1 "$work/seedless.out")
[[ "$last" =~ ^[0-9]+\ passed,\ 1\ failed,\ ([0-9]+)\ skipped$ ]] || fail "closing line: '$last'"
skipped=${BASH_REMATCH[1]:-0}
[ "$skipped" -ge 10 ] || fail "only $skipped skips counted"
for name in 'everySourceLineExistsAndHoldsText(): needs the seed lectures in ../shared/seeds' \
    '"the other seeds have no level questions": ../shared/seeds is absent' \
    '"regenerating from ../shared/seeds reproduces the drafts kept in the repository": ../shared/seeds is absent'; do
    grep -qF "  $name" "$work/seedless.out" || fail "skip not named with its reason: $name"
done
listed=$(sed -n '/^skipped:$/,/^$/p' "$work/seedless.out" | grep -c '^  ')
[ "$listed" -eq "$skipped" ] || fail "$skipped skips counted but $listed listed"
grep -qF 'scripts/test --without-seeds' "$work/seedless.out" || fail "no way out named"
grep -qF '../shared/seeds beside this repository' "$work/seedless.out" || fail "the seeds' place is not said"

# 2. The same skips accepted on request: exit 0, still counted and named.
JATTA_SEEDS="$work/no-seeds" bash scripts/test --without-seeds --filter "$seed_tests" >"$work/allowed.out" 2>&1 \
    || fail "--without-seeds still failed"
tail -n 1 "$work/allowed.out" | grep -qE "^[0-9]+ passed, 0 failed, $skipped skipped$" \
    || fail "--without-seeds closing line: $(tail -n 1 "$work/allowed.out")"
grep -qF '  everySourceLineExistsAndHoldsText(): needs the seed lectures' "$work/allowed.out" \
    || fail "--without-seeds hid the skips"

# 3. With the seeds the same tests run: nothing skipped.
if [ -d ../shared/seeds ]; then
    bash scripts/test --filter "$seed_tests" >"$work/seeded.out" 2>&1 || fail "the seed tests failed with the seeds present"
    tail -n 1 "$work/seeded.out" | grep -qE '^[1-9][0-9]* passed, 0 failed$' \
        || fail "with the seeds: $(tail -n 1 "$work/seeded.out")"
else
    echo "SKIP: the seed tests with their seeds: ../shared/seeds is absent"
fi

# 4. Both test libraries' words for pass, fail and skip, from a real run.
pkg="$work/pkg"
mkdir -p "$pkg/Sources/Empty" "$pkg/Tests/OutcomeTests"
cat >"$pkg/Package.swift" <<'SWIFT'
// swift-tools-version: 6.1
import PackageDescription
let package = Package(name: "outcomes", targets: [
    .target(name: "Empty"),
    .testTarget(name: "OutcomeTests", dependencies: ["Empty"]),
])
SWIFT
echo 'public let nothing = 0' >"$pkg/Sources/Empty/Empty.swift"
cat >"$pkg/Tests/OutcomeTests/Old.swift" <<'SWIFT'
import XCTest
final class OldTests: XCTestCase {
    func testPasses() {}
    func testFails() { XCTAssertEqual(1, 2) }
    func testSkips() throws { throw XCTSkip("an XCTest reason") }
}
SWIFT
cat >"$pkg/Tests/OutcomeTests/New.swift" <<'SWIFT'
import Testing
@Test func passes() {}
@Test func fails() { #expect(1 == 2) }
@Test(.disabled("a Swift Testing reason")) func skips() {}
@Test(arguments: [1, 2, 3]) func passesThrice(n: Int) { #expect(n > 0) }
SWIFT
swift test --package-path "$pkg" >"$work/pkg.log" 2>&1
bash scripts/lib/test-outcomes.sh <"$work/pkg.log" | sort >"$work/pkg.outcomes"
printf '%s\n' \
    $'fail\tOldTests.testFails\t' \
    $'fail\tfails()\t' \
    $'pass\tOldTests.testPasses\t' \
    $'pass\tpasses()\t' \
    $'pass\tpassesThrice(n:)\t' \
    $'skip\tOldTests.testSkips\tan XCTest reason' \
    $'skip\tskips()\ta Swift Testing reason' | sort >"$work/pkg.expected"
diff "$work/pkg.expected" "$work/pkg.outcomes" >&2 || fail "outcomes of the throw-away package differ (above)"

[ "$failures" -eq 0 ] && echo "test-runner: ok"
[ "$failures" -eq 0 ]
