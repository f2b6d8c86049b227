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

# Notes with nothing to take: a warning, in English and in Kazakh, and
# still a deck (an empty draft is no error).
printf 'Қазақстан сыртқы саясатта өз жолын таңдады. Бұл жол ұзақ.\n' >"$work/plain.txt"
JATTA_LANG=en "$jatta" extract "$work/plain.txt" -o "$work/plain.deck" 2>"$work/err.txt" || fail "exit status $? on notes with nothing"
grep -q 'plain.txt: warning: no level questions or glossary terms found; the draft has no cards' "$work/err.txt" \
    || fail "no warning for an empty draft: $(cat "$work/err.txt")"
JATTA_LANG=kk "$jatta" extract "$work/plain.txt" -o "$work/plain.deck" 2>"$work/err.txt" || fail "exit status $?"
grep -q 'plain.txt: ескерту: деңгейлік сұрақ та, термин де табылмады' "$work/err.txt" || fail "no Kazakh warning"
echo "extract-genre: ok"
