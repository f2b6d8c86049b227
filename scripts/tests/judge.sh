#!/usr/bin/env bash
# jatta judge through the real binary: plain and JSON output, the interface
# language, a deck feeding the other-answer guard, and the exit status for
# bad input. Exits non-zero on the first failure.
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
. scripts/lib/jatta-binary.sh
jatta=$JATTA
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

fail() { echo "judge.sh: FAIL: $*"; exit 1; }

# expect_out DESCRIPTION EXPECTED-SUBSTRING COMMAND...
expect_out() {
    local what=$1 want=$2
    shift 2
    local out
    out=$("$@" 2>&1)
    case "$out" in
        *"$want"*) ;;
        *) fail "$what: wanted '$want', got: $out" ;;
    esac
}

# expect_status DESCRIPTION STATUS COMMAND...
expect_status() {
    local what=$1 want=$2
    shift 2
    "$@" >/dev/null 2>&1
    local got=$?
    [ "$got" = "$want" ] || fail "$what: exit status $got, wanted $want"
}

cat >"$work/ir.deck" <<'DECK'
# Халықаралық қатынастар теориялары
lang: kk

## Глоссарий

T: Реализм
D: Халықаралық саясатты материалдық күш арқылы түсіндіретін теория.

T: Реалист
D: Реализм теориясын ұстанатын зерттеуші.

T: Неоколониализм
D: Отаршылдықтың тікелей басқыншылықсыз, экономикалық жолмен жалғасуы.
alt: Неоколонолизм

C: Қазақстан {1991} жылы тәуелсіздігін жариялады.
DECK

export LANG=C.UTF-8 LC_ALL=C.UTF-8
unset JATTA_LANG

expect_out "typo accepted" "accepted (tier: typo)" "$jatta" judge Тәжірибе тәжірбие
expect_out "typo reason" "Correct spelling: «Тәжірибе»" "$jatta" judge Тәжірибе тәжірбие
expect_out "typo diff" "Difference: тәжір[би→иб]е" "$jatta" judge Тәжірибе тәжірбие
expect_out "missing letter diff" "каспи[+й]" "$jatta" judge Каспий каспи
expect_out "keyboard tier" "use the Kazakh letters: к→қ, и→і" "$jatta" judge Қауіпсіздік кауипсиздик
expect_out "layout known" "wrong (tier: wrong)" "$jatta" judge Қауіпсіздік кауипсиздик --kazakh-layout
expect_out "suffix guard" "guard: suffix" "$jatta" judge Тәуелсіз тәуелді
expect_out "number guard" "guard: number" "$jatta" judge 1991 1992
expect_out "latin tier" "tier: latin" "$jatta" judge Қауіпсіздік qauipsizdik
expect_out "alt option" "tier: exact" "$jatta" judge Неоколониализм Неоколонолизм --alt Неоколонолизм

# The deck's other terms feed the guard; its alternatives count.
expect_out "other answer from deck" "guard: other-answer" "$jatta" judge Реализм реалист --deck "$work/ir.deck"
expect_out "other answer named" "«Реалист» is another answer" "$jatta" judge Реализм реалист --deck "$work/ir.deck"
expect_out "deck alternative" "tier: exact" "$jatta" judge Неоколониализм Неоколонолизм --deck "$work/ir.deck"
expect_out "deck folder" "from 1 deck(s)" "$jatta" judge Реализм реализм --deck "$work"
expect_out "without deck" "guard: suffix" "$jatta" judge Реализм реалист

# Interface language: --lang, JATTA_LANG, the locale.
expect_out "--lang kk" "қабылданбады (деңгей: wrong, тосқауыл: suffix)" "$jatta" judge Реализм реалист --lang kk
expect_out "JATTA_LANG" "Қабылданды, бірақ қате жазылған" env JATTA_LANG=kk "$jatta" judge Тәжірибе тәжірбие
expect_out "kk locale" "қабылданды (деңгей: keyboard)" env LC_ALL=kk_KZ.UTF-8 "$jatta" judge Қауіпсіздік кауипсиздик
expect_out "--lang wins" "accepted (tier: typo)" env JATTA_LANG=kk "$jatta" judge Тәжірибе тәжірбие --lang en

# JSON: one object with the fields a script needs.
json=$("$jatta" judge Реализм реалист --deck "$work/ir.deck" --json) || fail "json exit status"
python3 - "$json" <<'PY' || fail "json fields: $json"
import json, sys
v = json.loads(sys.argv[1])
assert v["accepted"] is False, v
assert v["tier"] == "wrong" and v["guard"] == "other-answer", v
assert v["code"] == "wrong/other-answer", v
assert v["conflictingAnswer"] == "Реалист", v
assert v["canonical"] == "Реализм" and v["typed"] == "реалист", v
assert v["reason"]["kk"] and v["reason"]["en"], v
assert v["knownAnswers"] >= 4, v
assert v["diff"] == "реали[ст→зм]", v
PY
json=$("$jatta" judge Қауіпсіздік кауипсиздик --json) || fail "json exit status"
python3 - "$json" <<'PY' || fail "json letter changes: $json"
import json, sys
v = json.loads(sys.argv[1])
assert v["accepted"] is True and v["tier"] == "keyboard" and v["guard"] is None, v
assert {"typed": "к", "expected": "қ"} in v["letterChanges"], v
PY

# A wrong verdict is not an error; bad input is.
expect_status "wrong verdict exits 0" 0 "$jatta" judge Реализм реалист
expect_status "missing deck exits 1" 1 "$jatta" judge Реализм реалист --deck "$work/missing.deck"
expect_out "missing deck message" "missing.deck" "$jatta" judge Реализм реалист --deck "$work/missing.deck"
expect_status "empty expected" 64 "$jatta" judge "" реалист
expect_status "missing answer" 64 "$jatta" judge Реализм
printf '\xff\xfe broken' >"$work/bad.deck"
expect_status "undecodable deck still judges" 0 "$jatta" judge Реализм реализм --deck "$work/bad.deck"

# Issue 12: morphology. A typo inside a loanword suffix is a typo; a
# truncation that leaves another word is wrong with the suffix named;
# another inflection is the form tier; numbers in words match digits.
expect_out "loanword typo" "accepted (tier: typo)" "$jatta" judge Капитализм капиталзм
expect_out "truncation named" "the suffix -ия is left out" "$jatta" judge Демократия демократ
expect_out "truncation guard" "wrong (tier: wrong, guard: suffix)" "$jatta" judge Гегемония гегемон
expect_out "other form" "accepted (tier: form)" "$jatta" judge республикалар республика
expect_out "number in words" "accepted (tier: format)" "$jatta" judge 16 "он алты"
expect_out "number with ending" "accepted (tier: form)" "$jatta" judge 16 16-сы
expect_out "keyboard rule named" "so к for қ counts as a mistake" "$jatta" judge --kazakh-layout Қауіпсіздік кауипсиздик
# --explain: stem, endings, suffixes, relation, tier, guard, keyboard rule.
out=$("$jatta" judge --explain Тәуелсіздік тәуелділік --lang en)
for want in "stem тәуелсіздік" "root тәуел" "suffixes -сіз -дік" "another word from the same root" "guard: suffix (decided the verdict)" "keyboard rule: not involved"; do
    case "$out" in *"$want"*) ;; *) fail "--explain: wanted '$want', got: $out" ;; esac
done
json=$("$jatta" judge --explain --json Режим режимдер)
python3 - "$json" <<'PY' || fail "--explain --json: $json"
import json, sys
v = json.loads(sys.argv[1])
assert v["tier"] == "form" and v["analysis"][0]["typed"]["endings"] == ["дер"], v
assert v["analysis"][0]["relation"].startswith("same word, other form"), v
PY

echo "judge.sh: ok"
