#!/usr/bin/env python3
"""Writes Tests/KazakhTextTests/Fixtures/judgements-generated.tsv from the
bundled decks and the rules of docs/answer-checking.md, never from the
checker's output.

Every row applies one documented rule to one answer of a deck card:

  deck-exact      the answer typed as written                  -> exact
  deck-case       the answer typed in lower case               -> format
  inflection      a case, plural or possessive ending added by
                  the paradigms of kazakh-text.md §4.2         -> form
  derivation      a derivational suffix added, dropped or
                  swapped (the list in docs/answer-checking.md) -> wrong/suffix
  loan-typo       one letter dropped, doubled or two swapped in
                  a loanword, away from its first letter and
                  prefix, leaving no other suffix              -> typo
  kazakh-typo     the same operations on a Kazakh word          -> typo

A row whose typed text is another known answer follows the other-answer
rule instead (guard named when it is near; otherwise the rule's verdict if
wrong). Run from the repository root:  python3 scripts/judgements/generate.py [OUT]
(OUT defaults to the fixture; scripts/tests/judgement-table.sh checks the
committed fixture is what the decks and rules give today).
"""
import os
import re
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
FIXTURES = os.path.join(ROOT, "Tests", "KazakhTextTests", "Fixtures")

BACK = set("аоұыяё")
FRONT = set("әөүіеэи")
VOWELS = BACK | FRONT | set("уюe")
VOICELESS = set("кқпстфхцчшщ")
KAZAKH = set("әғқңөұүһі")
FALLBACK = {"қ": "к", "ғ": "г", "ң": "н", "ө": "о", "ұ": "у", "ү": "у", "һ": "х", "ә": "а", "і": "иыi"}
# Derivational suffix spellings of docs/answer-checking.md.
DERIVATIONAL = ["шы", "ші", "лық", "лік", "дық", "дік", "тық", "тік", "сыз", "сіз", "лы", "лі", "ды", "ді", "ты",
                "ті", "шыл", "шіл", "гер", "кер", "лас", "лес", "дас", "дес", "тас", "тес", "ғы", "гі", "қы", "кі",
                "ша", "ше", "ғыш", "гіш", "қыш", "кіш", "изм", "ист", "изация", "ия", "атор", "тор",
                "лог", "ика"]
PREFIXES = ["мульти", "контр", "анти", "пост", "нео", "дез", "уни", "бей", "де", "би"]


def read_decks():
    """(answers, cards): every typeable answer of every card, per card."""
    cards = []
    for name in sorted(os.listdir(os.path.join(ROOT, "decks"))):
        if not name.endswith(".deck"):
            continue
        lines = open(os.path.join(ROOT, "decks", name), encoding="utf-8").read().split("\n")
        current = None
        kind = None
        for line in lines:
            m = re.match(r"^(T|Q|C|A|D|alt):\s?(.*)$", line)
            if m:
                tag, text = m.group(1), m.group(2)
                if tag in ("T", "Q", "C"):
                    current = {"file": name, "kind": tag, "answers": [], "text": text}
                    cards.append(current)
                    kind = tag
                    if tag == "T":
                        current["answers"].append(text.strip())
                elif tag == "A" and current is not None:
                    current["answers"].append(text.strip())
                    kind = "A"
                elif tag == "alt" and current is not None:
                    current["answers"].append(text.strip())
                    kind = "alt"
                else:
                    kind = tag
                continue
            if current is not None and line.startswith(("* ", "- ")) and current["kind"] == "Q":
                # Options of a multiple-choice card; the "- " lines of an
                # open question are key points nobody types (dropped below).
                current.setdefault("options", []).append(line[2:].strip())
                current["choice"] = current.get("choice", False) or line.startswith("* ")
                kind = None
                continue
            if current is not None and kind == "C" and line.startswith("   "):
                current["text"] += " " + line.strip()
                continue
            if not line.strip():
                kind = None
        for card in cards:
            if card["file"] == name and card.get("choice"):
                card["answers"] = card["answers"] + card["options"]
            elif card["file"] == name and card.get("options"):
                card["answers"] = []  # an open question: model answer and key points are prose
            if card["kind"] == "C" and card["file"] == name:
                gaps = re.findall(r"\{([^}]*)\}", card["text"])
                for gap in gaps:
                    card["answers"] = card["answers"] + [g.strip() for g in gap.split("|")]
    return [c for c in cards if c["answers"]]


def compact(text):
    return "".join(ch for ch in text.lower() if ch.isalnum())


def osa(a, b, same=lambda x, y: x == y):
    d = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) + 1):
        d[i][0] = i
    for j in range(len(b) + 1):
        d[0][j] = j
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            cost = 0 if same(a[i - 1], b[j - 1]) else 1
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
            if i > 1 and j > 1 and same(a[i - 1], b[j - 2]) and same(a[i - 2], b[j - 1]):
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[len(a)][len(b)]


def fallback_same(expected, typed):
    return expected == typed or typed in FALLBACK.get(expected, "")


def tolerance(n):
    return 0 if n <= 4 else 1 if n <= 8 else 2 if n <= 14 else 3


def is_back(word):
    for ch in reversed(word):
        if ch in BACK:
            return True
        if ch in FRONT:
            return False
    return None


def pick(word, back_form, front_form):
    return back_form if is_back(word) else front_form


def final_class(word):
    last = word[-1]
    if last in "уйр":
        return "ruy"
    if last in VOWELS:
        return "vowel"
    if last in "лжз":
        return "lzh"
    if last in "мнң":
        return "nasal"
    if last in VOICELESS:
        return "voiceless"
    return None  # б в г д ь ъ: the table does not decide


def inflections(word):
    """(name, form) pairs by the paradigms of kazakh-text.md §4.2."""
    c = final_class(word)
    if c is None or is_back(word) is None:
        return []
    out = []
    pl = {"vowel": "л", "ruy": "л", "lzh": "д", "nasal": "д", "voiceless": "т"}[c]
    if not word.endswith(("лар", "лер", "дар", "дер", "тар", "тер")):  # one plural only
        out.append(("plural", word + pl + pick(word, "ар", "ер")))
    gen = {"vowel": "н", "nasal": "н", "ruy": "д", "lzh": "д", "voiceless": "т"}[c]
    out.append(("genitive", word + gen + pick(word, "ың", "ің")))
    dat = pick(word, "қа", "ке") if c == "voiceless" else pick(word, "ға", "ге")
    out.append(("dative", word + dat))
    loc = pick(word, "та", "те") if c == "voiceless" else pick(word, "да", "де")
    out.append(("locative", word + loc))
    abl = {"vowel": "д", "ruy": "д", "lzh": "д", "voiceless": "т", "nasal": "н"}[c]
    out.append(("ablative", word + abl + pick(word, "ан", "ен")))
    ins = {"vowel": "м", "ruy": "м", "nasal": "м", "lzh": "б", "voiceless": "п"}[c]
    if not (c == "lzh" and word[-1] == "л"):
        out.append(("instrumental", word + ins + "ен"))
    # After ш, -ы/-і reads as the agent suffix -шы/-ші: left out.
    if not word.endswith("ш"):
        out.append(("possessive 3", word + (pick(word, "сы", "сі") if c == "vowel" else pick(word, "ы", "і"))))
    return out


def derivations(word):
    """(rule, derived word) pairs: suffixes added, dropped or swapped."""
    out = []
    if is_back(word) is None:
        return out
    out.append(("agent -шы/-ші added", word + pick(word, "шы", "ші")))
    out.append(("privative -сыз/-сіз added", word + pick(word, "сыз", "сіз")))
    out.append(("inclination -шыл/-шіл added", word + pick(word, "шыл", "шіл")))
    c = final_class(word)
    if c is not None:
        lik = {"vowel": "л", "ruy": "л", "lzh": "д", "nasal": "д", "voiceless": "т"}[c]
        out.append(("abstract -лық/-лік added", word + lik + pick(word, "ық", "ік")))
    for s in ("лық", "лік", "дық", "дік", "тық", "тік"):
        if word.endswith(s) and len(word) - len(s) >= 3:
            out.append(("abstract -лық/-лік dropped", word[: -len(s)]))
    for s in ("сыз", "сіз"):
        if word.endswith(s) and len(word) - 3 >= 3:
            out.append(("privative -сыз/-сіз dropped", word[:-3]))
    if word.endswith("изм"):
        out.append(("loan -изм swapped for -ист", word[:-3] + "ист"))
    if word.endswith("ист"):
        out.append(("loan -ист swapped for -изм", word[:-3] + "изм"))
    if word.endswith("ия") and not word.endswith("ция") and len(word) - 2 >= 4:
        out.append(("loan -ия dropped (another word remains)", word[:-2]))
    return out


def prefix_length(word):
    for p in PREFIXES:
        if word.startswith(p) and len(word) - len(p) >= 3:
            return len(p)
    return 0


def makes_suffix(expected, typed):
    """True when the typed ending spells a derivational suffix the expected
    word does not end in (the typo would read as a derivation)."""
    for s in DERIVATIONAL:
        if typed.endswith(s) and not expected.endswith(s):
            return True
    return False


def typos(word):
    """(rule, typed) pairs: one edit, away from the first letter and a prefix."""
    start = max(1, prefix_length(word) + 1)
    out = []
    letters = list(word)
    n = len(letters)
    for p in range(start, n - 1):
        if letters[p] not in VOWELS and letters[p - 1] not in VOWELS:
            continue
        out.append(("one letter dropped", "".join(letters[:p] + letters[p + 1:])))
        break
    for p in range(max(start, n // 2), n - 2):
        if letters[p] != letters[p + 1]:
            t = letters[:]
            t[p], t[p + 1] = t[p + 1], t[p]
            out.append(("two neighbouring letters swapped", "".join(t)))
            break
    p = max(start, n // 3)
    if p < n - 1:
        out.append(("one letter doubled", "".join(letters[: p + 1] + [letters[p]] + letters[p + 1:])))
    for suffix in ("изм", "ист", "ция"):
        if word.endswith(suffix):
            out.append(("the vowel of the loan suffix -%s dropped" % suffix, word[: -3] + suffix[1:]))
    return out


def main():
    cards = read_decks()
    known_terms = [l.strip() for l in open(os.path.join(FIXTURES, "known-terms.txt"), encoding="utf-8")
                   if l.strip() and not l.startswith("#")]
    all_answers = [a for c in cards for a in c["answers"]]
    known = {}
    for text in known_terms + all_answers:
        known.setdefault(compact(text), text)
    rows = []
    seen = set()

    def add(accepted, typed, verdict, rule):
        key = (accepted[0], typed)
        if key in seen or "\t" in typed:
            return
        seen.add(key)
        rows.append("%s\t%s\t%s\t-\t%s" % (" | ".join(accepted), typed, verdict, rule))

    def other_answer(accepted, typed, verdict_if_far):
        """The other-answer rule: typed is another known answer."""
        keys = {compact(a) for a in accepted}
        k = compact(typed)
        if k in keys or k not in known:
            return None
        reach = tolerance(len(compact(accepted[0]))) + 1
        near = any(osa(compact(a), k, fallback_same) <= reach for a in accepted)
        return "wrong/other-answer" if near or not verdict_if_far.startswith("wrong") else verdict_if_far

    for card in cards:
        answers = card["answers"]
        where = "%s %s-card" % (card["file"], card["kind"])
        if card["kind"] == "Q" and len(answers) > 1 and card["answers"]:
            groups = [[a] for a in answers]  # options: each its own answer
        elif card["kind"] == "C":
            groups = [[a] for a in answers]
        else:
            groups = [answers]
        for accepted in groups:
            first = accepted[0]
            if not compact(first):
                continue
            add(accepted, first, "exact", "deck-exact: %s answer typed as written" % where)
            # A Roman numeral in capitals is a number: its case is not cosmetic.
            if first.lower() != first and not re.fullmatch(r"[IVXІХ]+", first):
                add(accepted, first.lower(), "format", "deck-case: %s answer in lower case" % where)
            words = first.split()
            if not (1 <= len(words) <= 3) or any(ch.isdigit() for ch in first):
                continue
            last = words[-1].lower()
            # Four letters or fewer: the short-answer rule, exact only.
            if not re.fullmatch(r"[а-яәғқңөұүһіё]+", last) or len(last) <= 4 or words[-1].isupper():
                continue
            # A last word in -ы/-і may already carry the possessive, after
            # which the paradigm changes (саясаты-на, not *саясаты-ға): left out.
            if last.endswith(("ы", "і")):
                continue
            # Nor one that already ends in a case ending (genitive,
            # accusative -н): a second case does not follow a first.
            if last.endswith(("ның", "нің", "дың", "дің", "тың", "тің", "ын", "ін")):
                continue
            head = " ".join(w.lower() for w in words[:-1])
            join = lambda w: (head + " " + w) if head else w
            for name, form in inflections(last):
                typed = join(form)
                verdict = other_answer(accepted, typed, "form") or "form"
                add(accepted, typed, verdict, "inflection: %s ending by vowel harmony and the stem's final sound" % name)
            for name, derived in derivations(last):
                typed = join(derived)
                verdict = other_answer(accepted, typed, "wrong/suffix") or "wrong/suffix"
                add(accepted, typed, verdict, "derivation: %s makes another word" % name)
            if len(words) == 1 and len(last) >= 5:
                loan = not (set(last) & KAZAKH)
                for name, typed in typos(last):
                    if makes_suffix(last, typed) or osa(last, typed) > tolerance(len(last)):
                        continue
                    k = compact(typed)
                    if k in known and k != compact(first):
                        continue
                    d = osa(compact(first), k)
                    if any(osa(o, k) <= d for o in known if o not in {compact(a) for a in accepted}):
                        continue
                    rule = "loan-typo" if loan else "kazakh-typo"
                    add(accepted, typed, "typo", "%s: %s" % (rule, name))
    header = ("# Generated by scripts/judgements/generate.py from decks/ and the rules of docs/answer-checking.md;\n"
              "# do not edit by hand. Columns as in judgements.tsv; the note names the rule.\n")
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(FIXTURES, "judgements-generated.tsv")
    with open(out, "w", encoding="utf-8") as f:
        f.write(header + "\n".join(rows) + "\n")
    counts = {}
    for r in rows:
        rule = r.split("\t")[4].split(":")[0]
        counts[rule] = counts.get(rule, 0) + 1
    print("%d rows -> %s" % (len(rows), os.path.relpath(out, ROOT)))
    for rule, n in sorted(counts.items()):
        print("  %-12s %d" % (rule, n))


if __name__ == "__main__":
    sys.exit(main())
