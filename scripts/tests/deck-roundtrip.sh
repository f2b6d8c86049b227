#!/usr/bin/env bash
# Decks that jatta writes read back as the same cards, on the real binary
# (issue 19, parse-fuzz's round-trip finding scripts/fuzz/findings/
# parse-fuzz-crash-1: an explicit id starting with a combining letter, such
# as U+0734, was written back with its namespace and read as an invalid id).
#
# 1. Decks whose explicit ids start with a combining mark that is a letter
#    (Syriac, Hebrew, Devanagari, Arabic), and one whose namespace ends in a
#    prepended letter (Malayalam dot reph): exported as GIFT and as an Anki
#    package and imported again, which writes a deck through the printer,
#    they give the same cards (`list --json`), and `check` finds nothing.
#    Before the fix GIFT gave another id (progress lost) and the package's
#    import refused to write a deck that "would not read back"; without a
#    `namespace:` line the package's import cut the namespace off the ids
#    by counting characters.
# 2. The finding itself: `jatta fmt` keeps every card and its identity,
#    `check` still reads the same cards, and a second `fmt` changes nothing.
set -uo pipefail
cd "$(dirname "$0")/../.."
. scripts/lib/jatta-binary.sh
. scripts/lib/deps.sh
jatta_ensure_packages python3 || exit 2
. scripts/lib/deck-cards.sh
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "deck-roundtrip: FAIL: $*" >&2; failures=$((failures + 1)); }

# The joining scalars, written as UTF-8 bytes so that no editor or shell
# normalises them: U+0734 (the minimised finding's), U+0735 (the
# finding's), U+05B0 Hebrew sheva, U+093E Devanagari vowel sign aa, U+0650
# Arabic kasra; U+0D4E Malayalam dot reph, which joins the `:` after it.
printf '# Белгілер\nnamespace: n\n\nT: Режим\nD: Келісім\nid: \xdc\xb4\xd0\xb0\n\nQ: Сұрақ?\nA: Жауап\nlevel: 2\ntags: a, b\nsource: x.txt:3\nid: \xd6\xb0q\n\nQ: Екінші сұрақ?\n* Иә\n- Жоқ\nid: \xe0\xa4\xbe1\n\nC: Қазақстан БҰҰ-ға {1992} жылы мүше болды.\nid: \xdc\xb5\xd9\x90x\n' \
    >"$work/marks.deck"
printf 'namespace: n\xe0\xb5\x8e\n\nT: Гегемония\nD: Үстемдік\nid: t1\n\nQ: Сұрақ?\nA: Жауап\nid: q1\n' >"$work/prepend.deck"
# Without `namespace:` the file's name scopes the ids, and the package
# carries no namespace line: the importer takes it from the ids themselves.
grep -v '^namespace: ' "$work/marks.deck" >"$work/unnamed.deck"

for deck in marks prepend unnamed; do
    "$JATTA" check "$work/$deck.deck" >"$work/$deck.check" 2>&1 || fail "$deck: check of the written deck: $(cat "$work/$deck.check")"
    cards "$work/$deck.deck" >"$work/$deck.cards"
    [ -s "$work/$deck.cards" ] || fail "$deck: list --json read no card"
    for format in gift apkg; do
        # The same file name: a deck without `namespace:` is scoped by it.
        mkdir -p "$work/$format"
        out="$work/$format/$deck"
        if ! "$JATTA" export --to "$format" "$work/$deck.deck" -o "$out.$format" >"$out.log" 2>&1; then
            fail "$deck: export --to $format: $(cat "$out.log")"
            continue
        fi
        if ! "$JATTA" import "$format" "$out.$format" -o "$out.deck" >>"$out.log" 2>&1; then
            fail "$deck: import $format refused what export wrote: $(cat "$out.log")"
            continue
        fi
        "$JATTA" check "$out.deck" >"$out.check" 2>&1 || fail "$deck via $format: check: $(cat "$out.check")"
        cards "$out.deck" >"$out.cards"
        cmp -s "$work/$deck.cards" "$out.cards" \
            || fail "$deck via $format: other cards than written:$(diff "$work/$deck.cards" "$out.cards" | head -6)"
    done
done

# 2. The finding: errors (bytes that are not UTF-8) that fmt cannot repair,
#    an explicit id starting with U+0735 in a deck without `namespace:`.
finding="$work/finding.deck"
cp scripts/fuzz/findings/parse-fuzz-crash-1 "$finding"
"$JATTA" check "$finding" >"$work/finding.check" 2>&1
[ $? -eq 1 ] || fail "finding: check should report its errors with status 1"
ids() { cards "$1" | python3 -c '
import json, sys
for line in sys.stdin:
    card = json.loads(line)
    print(card["id"], card["kind"], card["explicit_id"])'; }
ids "$finding" >"$work/finding.ids"
grep -q "$(printf '^finding:\xdc\xb5')" "$work/finding.ids" || fail "finding: the id starting with U+0735 was not read"
"$JATTA" fmt "$finding" >"$work/fmt.out" 2>&1 || fail "finding: fmt failed: $(cat "$work/fmt.out")"
ids "$finding" >"$work/formatted.ids"
cmp -s "$work/finding.ids" "$work/formatted.ids" || fail "finding: fmt changed the cards or their ids"
"$JATTA" check "$finding" >"$work/formatted.check" 2>&1
[ $? -eq 1 ] || fail "finding: check after fmt should still report the bytes that are not UTF-8"
grep -q "1 file (8 cards)" "$work/formatted.check" || fail "finding: check after fmt: $(tail -1 "$work/formatted.check")"
cp "$finding" "$work/once.deck"
"$JATTA" fmt "$finding" >/dev/null 2>&1
cmp -s "$finding" "$work/once.deck" || fail "finding: a second fmt changed the file"

[ "$failures" -eq 0 ] || exit 1
echo "deck-roundtrip: ok"
