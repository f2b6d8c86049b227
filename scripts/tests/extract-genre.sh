#!/usr/bin/env bash
# `jatta extract` on lectures beyond the seeds (issue 13), with the real
# binary: the corpus lecture on the UN (hard-wrapped, double-spaced), its
# own title, the shapes of the findings, --explain's reasons, and the
# warning for notes where nothing was found.
set -euo pipefail
cd "$(dirname "$0")/../.."

. scripts/lib/jatta-binary.sh
jatta=$JATTA
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

fail() { echo "extract-genre: FAIL: $*" >&2; exit 1; }

"$jatta" extract corpus/lectures/un.txt --explain -o "$work/un.deck" 2>"$work/err.txt" || fail "exit status $?"
grep -qx '# №3 дәріс: Біріккен Ұлттар Ұйымы және көпжақты дипломатия' "$work/un.deck" || fail "the draft is not titled as the lecture"
grep -qx 'T: Дипломатия' "$work/un.deck" || fail "«Дипломатия- мемлекеттер …» (small letter after the hyphen) lost"
grep -qx 'T: Мультилатерализм' "$work/un.deck" || fail "«Мультилатерализм (multilateralism) – …» lost"
grep -qx 'Q: Қауіпсіздік Кеңесінің тұрақты мүшелерінің вето құқығы шешім қабылдауға қалай әсер етеді' "$work/un.deck" \
    || fail "the level 2 question without a stop was merged or lost"
grep -qx 'Q: Қазақстанның БҰҰ-дағы бастамаларын бағалап, олардың өңірлік қауіпсіздікке маңызын түсіндіріңіз.' "$work/un.deck" \
    || fail "the III–деңгейлік question was lost"
if grep -q '^T: \(Бейбітшілік\|БҰҰ реформасы\|Жарнаны\)' "$work/un.deck"; then fail "rhetoric taken as a term"; fi
if grep -q 'Дәріс мақсаты\|Оқытудың әдістері' "$work/un.deck"; then fail "a lesson-plan field offered as an answer"; fi
grep -q 'un.txt:[0-9]*: left: «Бейбітшілік – .*(rhetoric' "$work/err.txt" || fail "--explain does not say why the rhetoric was left"
grep -q 'un.txt:[0-9]*: taken: «Вето дегеніміз.*(term «Вето», дегеніміз shape)' "$work/err.txt" || fail "--explain does not say why a term was taken"
if grep -q 'warning' "$work/err.txt"; then fail "a warning for a lecture with cards"; fi

# Levels written as heading lines, the questions numbered under them
# (issue 13's regression: 0 questions were found). A plan and a reading
# list, numbered too, are no questions.
cat >"$work/headings.txt" <<'NOTES'
Дәріс 2. Еуропалық интеграция
Дәріс жоспары:
1. Интеграция теориялары.
2. Еуропалық одақтың институттары.
Деңгейлік тапсырмалар
1 деңгей
1. Интеграция ұғымын анықтаңыз.
2. Еуропалық одақтың құрылу тарихын атаңыз.
2 деңгей
1) Маастрихт шартының маңызын түсіндіріңіз
3-деңгей тапсырмалары:
• Еуропалық одақтың кеңеюін бағалаңыз.
Әдебиеттер
1. Назарбаев Н. Ә. Еуразиялық одақ. – Астана, 2011.
NOTES
"$jatta" extract "$work/headings.txt" -o "$work/headings.deck" 2>"$work/err.txt" || fail "exit status $? on heading-level notes"
grep -q 'headings.txt: 4 level questions' "$work/err.txt" || fail "heading-level notes: $(cat "$work/err.txt")"
grep -qx 'Q: Интеграция ұғымын анықтаңыз.' "$work/headings.deck" || fail "the first level 1 question under «1 деңгей» lost"
awk '/^Q: Маастрихт/ { q = 1 } q && /^level:/ { print; exit }' "$work/headings.deck" | grep -qx 'level: 2' \
    || fail "the question under «2 деңгей» is not level 2"
awk '/^Q: Еуропалық одақтың кеңеюін/ { q = 1 } q && /^level:/ { print; exit }' "$work/headings.deck" | grep -qx 'level: 3' \
    || fail "the bulleted question under «3-деңгей тапсырмалары:» is not level 3"
if grep -q '^Q: \(Интеграция теориялары\|Назарбаев\)' "$work/headings.deck"; then fail "a plan or reading-list item taken as a question"; fi

# Notes with nothing to take: a warning, in English and in Kazakh, and
# still a deck (an empty draft is no error).
printf 'Қазақстан сыртқы саясатта өз жолын таңдады. Бұл жол ұзақ.\n' >"$work/plain.txt"
JATTA_LANG=en "$jatta" extract "$work/plain.txt" -o "$work/plain.deck" 2>"$work/err.txt" || fail "exit status $? on notes with nothing"
grep -q 'plain.txt: warning: no level questions or glossary terms found; the draft has no cards' "$work/err.txt" \
    || fail "no warning for an empty draft: $(cat "$work/err.txt")"
JATTA_LANG=kk "$jatta" extract "$work/plain.txt" -o "$work/plain.deck" 2>"$work/err.txt" || fail "exit status $?"
grep -q 'plain.txt: ескерту: деңгейлік сұрақ та, термин де табылмады' "$work/err.txt" || fail "no Kazakh warning"
echo "extract-genre: ok"
