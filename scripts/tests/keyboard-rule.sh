#!/usr/bin/env bash
# The keyboard rule is the student's, kept in the progress store between
# sessions (issue 12): a quiz in which a Kazakh letter was typed leaves the
# store knowing the layout, and the next quiz judges к for қ as a mistake
# and says why, naming the earlier answer. Without that answer, the same
# habit is forgiven and the verdict says so.
set -uo pipefail
. "$(dirname "$0")/../lib/midday-tz.sh"
cd "$(dirname "$0")/../.."
. scripts/lib/jatta-binary.sh
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
fail() { echo "keyboard-rule: FAIL: $*" >&2; exit 1; }

cat >"$WORK/one.deck" <<'DECK'
# Бір
C: Қауіпсіздік пен {ынтымақтастық} ұйымы.
DECK
cat >"$WORK/two.deck" <<'DECK'
# Екі
C: {Сыртқы} саясат.
DECK

quiz() { "$JATTA" quiz "$WORK/$1" --plain --seed 1 --lang en --db "$WORK/p.sqlite" --json - 2>/dev/null; }

# A fresh store: к for қ is forgiven, and the verdict names the rule.
printf 'сырткы\n' | quiz two.deck >"$WORK/first.json" || fail "first quiz exited with $?"
python3 - "$WORK/first.json" <<'PY' || fail "к for қ was not forgiven on a fresh store: $(cat "$WORK/first.json")"
import json, sys
q = json.load(open(sys.argv[1]))["questions"][0]
assert q["outcome"] == "accepted" and q["tier"] == "keyboard", q
assert "no Kazakh letter has been typed yet" in q["reason"]["en"], q
PY

# A quiz answered with Kazakh letters: the store learns the layout.
printf 'ынтымақтастық\n' | quiz one.deck >/dev/null || fail "second quiz exited with $?"

# The next quiz, another process: к for қ is now a mistake, and says why.
printf 'сырткы\n' | quiz two.deck >"$WORK/third.json" || fail "third quiz exited with $?"
python3 - "$WORK/third.json" <<'PY' || fail "the layout was not kept across sessions: $(cat "$WORK/third.json")"
import json, sys
q = json.load(open(sys.argv[1]))["questions"][0]
assert q["outcome"] == "wrong", q
assert "you typed Kazakh letters earlier («ынтымақтастық»)" in q["reason"]["en"], q
PY
echo "keyboard-rule: ok"
