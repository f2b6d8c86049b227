#!/bin/sh
# Regenerates the draft decks in drafts/ from the seed lectures in
# ../shared/seeds with `jatta extract`. The test suite checks that the
# committed drafts match what the extractor makes today.
set -eu
cd "$(dirname "$0")/.."
swift build --product jatta
jatta=$(swift build --show-bin-path)/jatta
"$jatta" extract ../shared/seeds/* --output-dir drafts
