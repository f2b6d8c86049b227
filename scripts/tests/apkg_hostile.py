"""Makes hostile Anki packages for scripts/tests/apkg-hostile.sh, each a
file OUT/NAME.apkg: a zip bomb, climbing and absolute paths, a link, a
truncated zip, a file that is no zip, garbage or foreign SQLite inside, a
collection with too many rows, an unknown meta version, a damaged zstd
stream. A zstd bomb needs the zstd program and is made by the shell script.

usage: apkg_hostile.py OUT VALID.apkg
"""
import os
import sqlite3
import sys
import zipfile

out, valid = sys.argv[1], sys.argv[2]


def package(name, entries, compression=zipfile.ZIP_DEFLATED):
    with zipfile.ZipFile(os.path.join(out, name + ".apkg"), "w", compression) as z:
        for entry, data in entries:
            z.writestr(entry, data)


# A zip bomb: 600 MiB of zeros in a collection entry of well under 1 MiB.
with zipfile.ZipFile(os.path.join(out, "bomb.apkg"), "w", zipfile.ZIP_DEFLATED) as z:
    with z.open("collection.anki2", "w", force_zip64=True) as entry:
        chunk = bytes(1 << 20)
        for _ in range(600):
            entry.write(chunk)
package("climb", [("../../escaped.txt", b"out"), ("collection.anki2", b"x")])
package("absolute", [("/tmp/absolute-escape.txt", b"out"), ("collection.anki2", b"x")])
info = zipfile.ZipInfo("collection.anki2")
info.external_attr = (0o120777 << 16)
with zipfile.ZipFile(os.path.join(out, "link.apkg"), "w") as z:
    z.writestr(info, "/etc/passwd")
data = open(valid, "rb").read()
open(os.path.join(out, "truncated.apkg"), "wb").write(data[: len(data) // 2])
open(os.path.join(out, "magic.apkg"), "wb").write(b"PK\x05\x07 this is not a zip at all\n" * 10)
package("garbage-sqlite", [("collection.anki2", os.urandom(1 << 16))])
collection = zipfile.ZipFile(valid).read("collection.anki2")
package("truncated-sqlite", [("collection.anki2", collection[: len(collection) // 3])])

foreign = os.path.join(out, "foreign.sqlite")
db = sqlite3.connect(foreign)
db.execute("CREATE TABLE people (name text)")
db.commit()
db.close()
package("foreign-sqlite", [("collection.anki2", open(foreign, "rb").read())])

many = os.path.join(out, "many.sqlite")
db = sqlite3.connect(many)
db.execute("CREATE TABLE col (crt, mod, ver, conf, models, decks, dconf)")
db.execute("INSERT INTO col VALUES (0, 0, 11, '{}', '{}', '{}', '{}')")
db.execute("CREATE TABLE notes (id integer primary key, guid, mid, mod, tags, flds, sfld, csum)")
db.execute("CREATE TABLE cards (id, nid, did, ord, mod, type, queue, due, ivl, factor, reps, lapses, left, data)")
db.executemany("INSERT INTO notes (guid, mid, mod, tags, flds, sfld, csum) VALUES ('g', 1, 0, '', 'a', 'a', 0)",
               ((),) * 500_001)
db.commit()
db.close()
package("many-rows", [("collection.anki2", open(many, "rb").read())])
package("unknown-version", [("meta", b"\x08\x09"), ("collection.anki21b", b"x")])
package("bad-zstd", [("meta", b"\x08\x03"), ("collection.anki21b", b"\x28\xb5\x2f\xfd" + os.urandom(5000))])
package("no-collection", [("media", b"{}")])
