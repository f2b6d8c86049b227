"""Imports a package jatta exported into a real Anki collection (anki from
PyPI) and checks it against the cards `jatta list --json` gives for the same
decks: one note per card, under the GUID `jatta:ID`, of the note type of the
card's kind, every field as the card has it (Kazakh text intact, HTML-escaped,
line breaks as <br>), the tags and `level::N`, the deck title as the deck's
name, the source line in the Source field, and nothing in Anki's import log
but new (or, importing again, updated) notes.

usage: apkg_anki.py COLLECTION PACKAGE CARDS.jsonl TITLES.json first|again
"""
import html
import json
import sys

from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest

collection_path, package, cards_path, titles_path, mode = sys.argv[1:6]
cards = [json.loads(line) for line in open(cards_path, encoding="utf-8")]
titles = json.load(open(titles_path, encoding="utf-8"))
problems = []


def fail(message):
    problems.append(message)


def field_html(text):
    return html.escape(text, quote=False).replace("\n", "<br>")


def items_html(items):
    return "" if not items else "<ul>" + "".join("<li>" + field_html(i) + "</li>" for i in items) + "</ul>"


col = Collection(collection_path)
notes_before = col.note_count()
response = col.import_anki_package(
    ImportAnkiPackageRequest(package_path=package, options=ImportAnkiPackageOptions(with_scheduling=True)))
log = response.log
for name in ("duplicate", "conflicting", "first_field_match", "missing_notetype", "missing_deck", "empty_first_field"):
    if len(getattr(log, name)):
        fail(f"import log: {len(getattr(log, name))} {name}")
unique = {c["id"]: c for c in cards}
if mode == "first":
    if len(log.new) != len(unique) or len(log.updated) != 0:
        fail(f"first import: {len(log.new)} new, {len(log.updated)} updated; expected {len(unique)} new")
else:
    if len(log.new) != 0:
        fail(f"second import added {len(log.new)} notes instead of updating them")
    if len(log.updated) == 0:
        fail("second import updated no note")
    if col.note_count() != notes_before:
        fail(f"note count went from {notes_before} to {col.note_count()}")
if col.note_count() != len(unique):
    fail(f"{col.note_count()} notes in Anki, {len(unique)} cards in the decks")
faces = sum(len(c["faces"]) for c in unique.values())
if col.card_count() != faces:
    fail(f"{col.card_count()} Anki cards, {faces} faces in the decks")

kinds = {"question": "jatta: question", "term": "jatta: term", "choice": "jatta: multiple choice",
         "cloze": "jatta: cloze", "open": "jatta: open question"}
by_guid = {}
for nid, guid in col.db.all("SELECT id, guid FROM notes"):
    by_guid.setdefault(guid, []).append(nid)
for card in unique.values():
    found = by_guid.get("jatta:" + card["id"], [])
    if len(found) != 1:
        fail(f"{card['id']}: {len(found)} notes with its GUID")
        continue
    note = col.get_note(found[0])
    notetype = note.note_type()["name"]
    if notetype != kinds[card["kind"]]:
        fail(f"{card['id']}: note type {notetype}")
        continue
    f = dict(note.items())
    expect = {"Source": field_html(card.get("source") or "")}
    kind = card["kind"]
    if kind == "question":
        expect.update(Question=field_html(card["prompt"]), Answer=field_html(card["answer"]),
                      Alternatives=items_html(card["alternatives"]))
    elif kind == "term":
        expect.update(Term=field_html(card["prompt"]), Definition=field_html(card["answer"]),
                      Alternatives=items_html(card["alternatives"]))
    elif kind == "choice":
        expect.update(Question=field_html(card["prompt"]),
                      Options=items_html([o["text"] for o in card["options"]]),
                      Correct=items_html([o["text"] for o in card["options"] if o["correct"]]))
    elif kind == "open":
        expect.update(Question=field_html(card["prompt"]), **{"Model answer": field_html(card["answer"]),
                                                               "Key points": items_html(card["key_points"])})
    for name, value in expect.items():
        if f.get(name) != value:
            fail(f"{card['id']}: field {name} is {f.get(name)!r}, expected {value!r}")
    if kind == "cloze":
        # Anki itself renders the cloze: every gap hidden on the front,
        # every gap's first answer shown on the back, all on one card.
        anki_cards = note.cards()
        if len(anki_cards) != 1:
            fail(f"{card['id']}: cloze made {len(anki_cards)} Anki cards")
        else:
            question, answer = anki_cards[0].question(), anki_cards[0].answer()
            if question.count("[...]") != len(card["gaps"]):
                fail(f"{card['id']}: front hides {question.count('[...]')} of {len(card['gaps'])} gaps")
            # The back's text as shown: an answer's `::` is written as
            # entities, or Anki would read it as a hint.
            for gap in card["gaps"]:
                if gap[0] not in html.unescape(answer):
                    fail(f"{card['id']}: back lacks the gap answer {gap[0]!r}")
    expected_tags = {t.replace(" ", "_") for t in card["tags"]} | {f"level::{card['level']}"}
    if not expected_tags <= set(note.tags):
        fail(f"{card['id']}: tags {note.tags}, expected {sorted(expected_tags)}")
    decks = {col.decks.name(c.did) for c in note.cards()}
    if decks != {titles[card["file"]]}:
        fail(f"{card['id']}: in deck {decks}, expected {titles[card['file']]!r}")
    if len(note.cards()) != len(card["faces"]):
        fail(f"{card['id']}: {len(note.cards())} Anki cards for {len(card['faces'])} faces")
col.close()
for p in problems[:20]:
    print("apkg-anki:", p, file=sys.stderr)
if problems:
    print(f"apkg-anki: {len(problems)} problems", file=sys.stderr)
    sys.exit(1)
print(f"apkg-anki: {mode}: {len(unique)} notes, {faces} cards checked")
