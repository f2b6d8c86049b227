"""Prints the registry's rows (the `card` view: key, deck file, prompt, level,
first seen, answered), ordered by key, one per line with `|` between the
values as the sqlite3 shell prints them, the prompt as text.

Since `store-4-coded-prompts` the registry keeps each prompt coded, one byte
per Kazakh or Russian letter (docs/progress-store.md, "Prompts coded"), as a
BLOB; a store from before keeps text. This reads either, decoding by the
documented rule on its own, so a test comparing a store's registry before and
after a migration also checks jatta's coding against that rule.

    python3 scripts/lib/registry_rows.py DB [COLUMN ...]
"""
import sqlite3
import sys

# The one-byte letters, from 0x80 on; 0xFF is followed by a scalar's UTF-8.
LETTERS = [chr(c) for c in range(0x410, 0x450)] + list("ЁёӘәҒғҚқҢңӨөҰұҮүҺһІі«»—–…“”№")
ESCAPE = 0xFF


def decode(value):
    if not isinstance(value, bytes):
        return value
    out, i = [], 0
    while i < len(value):
        b = value[i]
        if b < 0x80:
            out.append(chr(b))
            i += 1
        elif b == ESCAPE:
            lead = value[i + 1]
            n = 1 if lead < 0x80 else 2 if lead < 0xE0 else 3 if lead < 0xF0 else 4
            out.append(value[i + 1:i + 1 + n].decode("utf-8"))
            i += 1 + n
        else:
            out.append(LETTERS[b - 0x80])
            i += 1
    return "".join(out)


def shown(value):
    return "" if value is None else str(value)


def main():
    db = sqlite3.connect(sys.argv[1])
    columns = sys.argv[2:] or ["key", "deck_file", "prompt", "level", "first_seen", "answered"]
    for row in db.execute(f"SELECT {', '.join(columns)} FROM card ORDER BY key"):
        print("|".join(shown(decode(v)) for v in row))


if __name__ == "__main__":
    main()
