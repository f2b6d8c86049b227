# Sourced by process tests after scripts/lib/jatta-binary.sh: `cards PATH...`
# prints the cards of decks as `jatta list --json` reads them, one JSON
# object a line with sorted keys, without where they are (file and line),
# so that two files holding the same cards print the same lines.
cards() {
    "$JATTA" list --json "$@" 2>/dev/null | python3 -c '
import json, sys
for line in sys.stdin:
    c = json.loads(line)
    c.pop("file"); c.pop("line")
    print(json.dumps(c, ensure_ascii=False, sort_keys=True))'
}
