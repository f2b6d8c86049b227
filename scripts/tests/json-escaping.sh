#!/usr/bin/env bash
# JSON strings as jatta writes them, against Python's json module on
# generated strings: every control character, quotes, backslashes, DEL,
# the C1 controls, non-BMP scalars and lone surrogates.
# - `fsrs replay` writes its lines as Python's json.dumps(ensure_ascii=False)
#   does; a member it does not know is echoed, so its text must be the very
#   text Python writes for it (a lone surrogate, which a Swift string cannot
#   hold, is read as U+FFFD).
# - `list --json` and `check --json` escape DEL and the C1 controls too (a
#   line printed on a terminal starts no escape sequence); Python must read
#   back the very string, and no control may stand raw in a line.
set -uo pipefail
cd "$(dirname "$0")/../.."
. scripts/lib/deps.sh
jatta_ensure_packages python3
. scripts/lib/jatta-binary.sh
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

python3 - "$JATTA" "$work" <<'PY'
import json, random, subprocess, sys
jatta, work = sys.argv[1], sys.argv[2]
rng = random.Random(20)
alphabet = ([chr(c) for c in range(0x20)] + ['"', '\\', '/', '\x7f', 'a', ' ', 'ә', 'Ж', '\u2028', '\ufeff', '\ufffd']
            + [chr(c) for c in range(0x80, 0xa1)] + ['😀', '\U00010348', '\U0010ffff', '\ud800', '\udbff', '\udc00', '\udfff'])
strings = [''.join(rng.choice(alphabet) for _ in range(rng.randint(0, 24))) for _ in range(400)]
strings += [''.join(alphabet)]
failures = 0
def fail(message):
    global failures
    failures += 1
    print('json-escaping: FAIL:', message, file=sys.stderr)

def readable(s):
    # What jatta reads for s: escaped surrogates that pair up are one
    # scalar (as for Python), a lone one, which a Swift string cannot hold,
    # is U+FFFD.
    return ''.join('\ufffd' if 0xD800 <= ord(c) <= 0xDFFF else c for c in json.loads(json.dumps(s)))

# 1. The Python style of `fsrs replay`.
lines = [json.dumps({"config": {}, "reviews": [], "note": s}) for s in strings]
run = subprocess.run([jatta, 'fsrs', 'replay'], input='\n'.join(lines) + '\n', capture_output=True, text=True)
if run.returncode != 0:
    fail(f'fsrs replay: exit status {run.returncode}: {run.stderr[:500]}')
out = run.stdout.split('\n')[:-1]
if len(out) != len(strings):
    fail(f'fsrs replay: {len(out)} lines for {len(strings)}')
for s, line in zip(strings, out):
    expected = readable(s)
    if json.loads(line).get('note') != expected:
        fail(f'fsrs replay: {s!r} read back as {json.loads(line).get("note")!r}')
    elif '"note": ' + json.dumps(expected, ensure_ascii=False) not in line:
        fail(f'fsrs replay: {s!r} not written as Python writes it: {line!r}')

# 2. The compact style of `list --json`: a deck whose card text carries
#    the strings (but for line breaks, which end a deck line), through the
#    real parser (NUL would make it a binary file).
terminal_controls = set(range(0x20)) | {0x7f} | set(range(0x80, 0xa0))
cards = [s.replace('\x00', ' ').replace('\n', ' ').replace('\r', ' ').replace('\x85', ' ').replace('\u2028', ' ') for s in strings]
deck = ''.join(f'Q: q{i} {s}\nA: a{i} {s}\nalt: x{i} {s}\n\n' for i, s in enumerate(cards))
with open(f'{work}/escaping.deck', 'w', encoding='utf-8', errors='surrogatepass') as f:
    f.write(deck)
run = subprocess.run([jatta, 'list', '--json', f'{work}/escaping.deck'], capture_output=True)
listed = {}
for raw in run.stdout.split(b'\n')[:-1]:
    text = raw.decode('utf-8')
    if any(ord(c) in terminal_controls for c in text):
        fail(f'list --json: a raw control character in {text!r}')
    card = json.loads(text)
    listed[card['alternatives'][0]] = card['answer']
def decoded(s):
    # The deck's bytes as jatta reads them: a lone surrogate's bytes are
    # not UTF-8, and each maximal bad part is U+FFFD (as Python decodes).
    return s.encode('utf-8', 'surrogatepass').decode('utf-8', 'replace')
checked = 0
for i, s in enumerate(cards):
    key = f'x{i} {s}'
    # The deck's own rules (trimming, dropping what a line cannot hold) are
    # not at stake here: the cards whose text the parser keeps as written.
    if decoded(key).strip() in listed:
        answer = listed[decoded(key).strip()]
        if answer != decoded(f'a{i} {s}').strip():
            fail(f'list --json: card {i} answer {answer!r}')
        checked += 1
if checked < len(cards) // 2:
    fail(f'list --json: only {checked} of {len(cards)} cards listed as written ({run.stderr[:300]!r})')
print(f'json-escaping: {len(strings)} strings replayed, {checked} cards listed', file=sys.stderr)
sys.exit(1 if failures else 0)
PY
