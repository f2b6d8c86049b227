"""Makes Anki packages with Anki itself (anki from PyPI): notes of the stock
note types — Basic, Basic (and reversed card), Basic (optional reversed
card), Basic (type in the answer), Cloze — with Kazakh text, HTML, entities,
media references and tags, exported in the legacy layout
(collection.anki21) and the latest (zstd collection.anki21b with meta).
Writes OUT/legacy.apkg, OUT/latest.apkg and OUT/expected.jsonl: what each
note must become in jatta (kind, prompt, answer, gaps, tags), written here
from the notes' own text, not from jatta's output.

usage: apkg_from_anki.py OUT
"""
import json
import os
import sys

from anki.collection import Collection, ExportAnkiPackageOptions
from anki.decks import DeckId

out = sys.argv[1]
col = Collection(os.path.join(out, "source.anki2"))
deck = col.decks.id("Қазақ тілі::Сөздік")
expected = []


def add(notetype, fields, tags, expect):
    model = col.models.by_name(notetype)
    note = col.new_note(model)
    for i, value in enumerate(fields):
        note.fields[i] = value
    note.tags = tags
    col.add_note(note, DeckId(deck))
    expected.append(expect | {"tags": sorted(tags)})


add("Basic", ["Астана <b>қашан</b> елорда болды?", "1997&nbsp;жылы<br>желтоқсанда"], ["тарих"],
    {"kind": "question", "prompt": "Астана қашан елорда болды?", "answer": "1997 жылы\nжелтоқсанда"})
add("Basic (and reversed card)", ["Тәуелсіздік", "Independence &amp; freedom"], ["сөз"],
    {"kind": "term", "prompt": "Тәуелсіздік", "answer": "Independence & freedom"})
add("Basic (optional reversed card)", ["Бейбітшілік", "Peace"], [],
    {"kind": "term", "prompt": "Бейбітшілік", "answer": "Peace"})
add("Basic (type in the answer)", ["Қазақстанның астанасы?", "Астана"], ["география"],
    {"kind": "question", "prompt": "Қазақстанның астанасы?", "answer": "Астана"})
add("Cloze", ["Абай {{c1::1845}} жылы туған, {{c2::Шыңғыстауда::тау}}.", "Extra"], ["ақын"],
    {"kind": "cloze", "prompt": "Абай […] жылы туған, […].", "answer": "1845; Шыңғыстауда"})
add("Basic", ['<div>Бұл кім?</div><img src="abai.jpg">', "Абай [sound:abai.mp3]"], [],
    {"kind": "question", "prompt": "Бұл кім?", "answer": "Абай", "media": True})
# A second line as Anki's editor keeps it, and named entities.
add("Basic", ["Бірінші жол<div>екінші жол</div>", "Сызықша &mdash; caf&eacute; &laquo;сөз&raquo;"], [],
    {"kind": "question", "prompt": "Бірінші жол\nекінші жол", "answer": "Сызықша — café «сөз»"})


def skipped(notetype, fields):
    """A note that makes no card: it is left out of expected.jsonl."""
    model = col.models.by_name(notetype)
    note = col.new_note(model)
    for i, value in enumerate(fields):
        note.fields[i] = value
    col.add_note(note, DeckId(deck))


# Note 8: a back that is only a picture; note 9: a Cloze note with no deletion.
skipped("Basic", ["Бұл қай жер?", '<img src="map.png">'])
skipped("Cloze", ["Мұнда бос орын жоқ.", ""])
for legacy, name in ((True, "legacy.apkg"), (False, "latest.apkg")):
    col.export_anki_package(
        out_path=os.path.join(out, name),
        options=ExportAnkiPackageOptions(with_scheduling=False, with_deck_configs=False, with_media=True, legacy=legacy),
        limit=None)
col.close()
with open(os.path.join(out, "expected.jsonl"), "w", encoding="utf-8") as f:
    for e in expected:
        f.write(json.dumps(e, ensure_ascii=False) + "\n")

# A student's history under FSRS: answers through Anki's own scheduler,
# exported with scheduling (latest layout). OUT/progress.json gives, per
# face (front text, template ordinal), Anki's state, memory state, due
# time and number of answers.
col = Collection(os.path.join(out, "progress.anki2"))
col.set_config("fsrs", True)
for i, notetype in enumerate(["Basic", "Basic (and reversed card)", "Basic (type in the answer)"] * 2):
    note = col.new_note(col.models.by_name(notetype))
    note.fields[0], note.fields[1] = f"Сұрақ {i}", f"Жауап {i}"
    col.add_note(note, DeckId(1))
for i in range(16):
    card = col.sched.getCard()
    if card is None:
        break
    col.sched.answerCard(card, [3, 1, 4, 3, 2][i % 5])
col.sched.suspend_cards([col.find_cards("")[0]])
faces = []
for cid in col.find_cards(""):
    card = col.get_card(cid)
    if card.reps == 0:
        continue
    if card.type == 2:  # a review card is due at the start of its day
        due = col.sched.day_cutoff + (card.due - col.sched.today - 1) * 86400
    else:
        due = card.due
    faces.append({"front": card.note().fields[0], "ord": card.ord, "type": card.type, "due": due,
                  "suspended": card.queue == -1, "stability": card.memory_state.stability,
                  "difficulty": card.memory_state.difficulty,
                  "answers": col.db.scalar("SELECT count() FROM revlog WHERE cid = ?", cid)})
col.export_anki_package(
    out_path=os.path.join(out, "progress.apkg"),
    options=ExportAnkiPackageOptions(with_scheduling=True, with_deck_configs=False, with_media=False, legacy=False),
    limit=None)
col.close()
json.dump(faces, open(os.path.join(out, "progress.json"), "w", encoding="utf-8"), ensure_ascii=False)
