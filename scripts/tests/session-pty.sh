#!/usr/bin/env bash
# A real pty closed under a running study or quiz session, in the three ways a
# terminal is lost (SIGHUP to jatta, SIGHUP only to another session leader,
# SIGHUP ignored), and each stop signal sent to a live session: jatta must
# end at once, cheaply, with the documented status, answers saved and the
# terminal restored. Prints the measured exit and CPU times.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
. scripts/lib/deps.sh
jatta_ensure_packages python3 || { echo "FAIL: python3 is needed" >&2; exit 1; }
. scripts/lib/jatta-binary.sh
. scripts/lib/midday-tz.sh
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export HOME="$work/home"
mkdir -p "$HOME"
cat >"$work/capitals.deck" <<'DECK'
# Capitals

Q: Capital of France?
A: Paris

Q: Capital of Spain?
A: Madrid

Q: Capital of Italy?
A: Rome
DECK
python3 scripts/tests/session_pty.py "$JATTA" "$work"
