#!/usr/bin/env bash
# Runs libFuzzer targets (built by scripts/fuzz/build.sh) on one core, one
# target at a time, each with a time limit per input (-timeout) and a
# memory limit (-rss_limit_mb) that turn a hang or a blow-up into a
# finding. The corpus grows in .build-fuzz/corpus-TARGET; findings are
# written as .build-fuzz/findings-TARGET/crash-*, timeout-*, oom-*.
#
#   scripts/fuzz/run.sh SECONDS [TARGET...]      each target for SECONDS
#   scripts/fuzz/run.sh -runs N [TARGET...]      each target for N inputs
#
# Prints one line per target: executions, and findings. Exits 1 when any
# target found something. libFuzzer stops at its first finding; with
# JATTA_FUZZ_KEEP_GOING=1 it runs in a forked child and goes on past
# crashes, timeouts and out-of-memory inputs, keeping each one.
set -uo pipefail
cd "$(dirname "$0")/../.."
out=.build-fuzz
if [ "${1:-}" = "-runs" ]; then limit=(-runs="$2"); shift 2; else limit=(-max_total_time="${1:-60}"); shift || true; fi
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(parse-fuzz extract-fuzz answer-fuzz plain-input-fuzz replay-fuzz apkg-fuzz moodle-fuzz)
bash scripts/fuzz/build.sh "${targets[@]}" || exit 1

# seed TARGET: a starting corpus from the repository's own inputs.
seed() {
    local corpus="$out/corpus-$1"
    mkdir -p "$corpus"
    [ -n "$(ls -A "$corpus")" ] && return
    case "$1" in
        parse-fuzz)
            cp decks/*.deck scripts/tests/fixtures/*.deck "$corpus/" 2>/dev/null
            cp docs/deck-format.md "$corpus/" ;;
        extract-fuzz)
            # The first byte picks text (even) or HTML (odd).
            local seeds=${JATTA_SEEDS:-../shared/seeds}
            for f in "$seeds"/*.txt scripts/tests/fixtures/*.txt; do
                [ -f "$f" ] && { printf 't'; head -c 60000 "$f"; } >"$corpus/$(basename "$f")"
            done
            printf 'a<html><body><h1>Дәріс 1</h1><p>Режим &ndash; келісім &#0; &#27;[2J</p></body></html>' >"$corpus/seed.html" ;;
        answer-fuzz)
            printf 'Режим\nрежим' >"$corpus/1"; printf 'Қазақстан\nКазахстан' >"$corpus/2"
            printf 'неоколониализм\nнеоколониализьм' >"$corpus/3"; printf '1992\n1992 жылы' >"$corpus/4" ;;
        plain-input-fuzz)
            printf '\n1\n3\n\n1\n2\nРежим\n1992\n:q\n' >"$corpus/1"; printf 'u\nb\n!\n?\n99999999999999999999\n' >"$corpus/2" ;;
        replay-fuzz)
            printf '%s\n' '{"card_id": 1, "config": {"parameters": [0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796, 1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542], "desired_retention": 0.9, "learning_steps": [60, 600], "relearning_steps": [600], "maximum_interval": 36500, "enable_fuzzing": true}, "reviews": [{"t": 1704110400, "rating": 3}, {"t": 1704111000, "rating": 1}, {"t": 1705111000, "rating": 4}]}' >"$corpus/1" ;;
        apkg-fuzz)
            # Packages jatta writes from the test decks, whole (first byte
            # even) and as their bare collections (first byte odd).
            swift build --product jatta >/dev/null || return 1
            local jatta scratch
            jatta="$(swift build --show-bin-path)/jatta"
            scratch=$(mktemp -d)
            for deck in scripts/tests/fixtures/apkg/*.deck; do
                local name
                name=$(basename "$deck" .deck)
                "$jatta" export --to apkg "$deck" -o "$scratch/$name.apkg" >/dev/null 2>&1 || continue
                { printf 'p'; cat "$scratch/$name.apkg"; } >"$corpus/$name.package"
                python3 -c 'import sys, zipfile; sys.stdout.buffer.write(b"c" + zipfile.ZipFile(sys.argv[1]).read("collection.anki2"))' \
                    "$scratch/$name.apkg" >"$corpus/$name.collection"
            done
            rm -rf "$scratch" ;;
        moodle-fuzz)
            # The first byte picks GIFT (even) or Aiken (odd).
            for f in Tests/InterchangeTests/Fixtures/*.gift; do
                { printf '\0'; cat "$f"; } >"$corpus/$(basename "$f")"
            done
            for f in Tests/InterchangeTests/Fixtures/*.aiken.txt; do
                { printf '\1'; cat "$f"; } >"$corpus/$(basename "$f")"
            done ;;
    esac
}

found=0
for name in "${targets[@]}"; do
    seed "$name"
    findings="$out/findings-$name"
    mkdir -p "$findings"
    # Findings of earlier runs stay for reproduction; this run counts its own.
    stamp="$out/.started-$name"
    touch "$stamp"
    log="$out/$name.log"
    # Inputs long enough to reach every rule, short enough for many runs;
    # lectures need room for a glossary and a question section.
    case "$name" in
        extract-fuzz) max_len=16384 ;;
        answer-fuzz) max_len=2048 ;;
        # A collection is SQLite pages of 4 KiB: a small one has a dozen.
        apkg-fuzz) max_len=65536 ;;
        *) max_len=4096 ;;
    esac
    # -jobs/-workers stay at 1: the machine is shared.
    keep_going=()
    [ "${JATTA_FUZZ_KEEP_GOING:-}" = 1 ] && keep_going=(-fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1)
    SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=0 "$out/$name" "${limit[@]}" "${keep_going[@]}" -seed="${JATTA_FUZZ_SEED:-0}" -timeout=10 -rss_limit_mb=2048 \
        -max_len="$max_len" -print_final_stats=1 -artifact_prefix="$findings/" "$out/corpus-$name" >"$log" 2>&1
    status=$?
    runs=$(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -oE '[0-9]+$' | tail -1)
    # A forked run prints no final stats: its last "#N" line counts.
    [ -n "$runs" ] || runs=$(grep -oE '^#[0-9]+' "$log" | tail -1 | tr -d '#')
    artifacts=$(find "$findings" -type f -newer "$stamp" | wc -l)
    echo "$name: ${runs:-?} executions, $artifacts findings (exit $status; log $log)"
    [ "$status" -eq 0 ] && [ "$artifacts" -eq 0 ] || found=1
done
exit "$found"
