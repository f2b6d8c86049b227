#!/usr/bin/env bash
# Builds the libFuzzer targets into .build-fuzz/ (instrumented with
# -sanitize=fuzzer,address): one per reader of outside input.
#   parse-fuzz        deck files (DeckParser, print/parse round trip)
#   extract-fuzz      lecture notes, text and HTML (LectureExtractor)
#   answer-fuzz       typed answers (AnswerChecker)
#   plain-input-fuzz  plain-mode input lines (PlainMode, Trainer)
#   replay-fuzz       `fsrs replay` JSON lines (JSONReader, FSRSReplay)
#   apkg-fuzz         Anki packages (AnkiPackage, AnkiCollectionFile,
#                     AnkiImporter), on ZIPFoundation and GRDB
#   moodle-fuzz       Moodle GIFT and Aiken files (GIFTImporter,
#                     AikenImporter, and the exporters on what they read)
#   scripts/fuzz/build.sh [TARGET...]   (default: all)
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
out="$root/.build-fuzz"
mkdir -p "$out/modules"
checkouts="$root/.build/checkouts"
flags=(-parse-as-library -O -g -sanitize=fuzzer,address -wmo -enable-bare-slash-regex -I "$out/modules" -I "$root/Sources/CNcursesw"
    -I "$root/Sources/CZstd" -I "$root/Sources/CInflate" -I "$checkouts/GRDB.swift/Sources/GRDBSQLite" -I "$checkouts/ZIPFoundation/Sources/CZLib")

# module NAME: compiles Sources/NAME into an instrumented object and module,
# unless it is newer than every source file and no module it imports was
# rebuilt before it ($rebuilt, set by the caller's loop).
rebuilt=""
module() {
    local name=$1
    local object="$out/$name.o"
    if [ -z "$rebuilt" ] && [ -f "$object" ] && [ -z "$(find "Sources/$name" -name '*.swift' -newer "$object" | head -1)" ]; then
        return
    fi
    rebuilt=yes
    # Every source of the module, subfolders included (Quiz/, Optimizer/, …).
    local sources=()
    while IFS= read -r file; do sources+=("$file"); done < <(find "Sources/$name" -name '*.swift' | sort)
    swiftc "${flags[@]}" -emit-module -emit-module-path "$out/modules/$name.swiftmodule" -module-name "$name" \
        -emit-object -o "$object" "${sources[@]}"
}

# package NAME DIR [FLAGS...]: compiles a dependency's module from its
# checkout (swift package resolve) unless done before. Only ZIPFoundation,
# which parses the package's bytes, is instrumented; GRDB only hands
# SQLite's rows over, and is built plain and once: it is large.
package() {
    local name=$1 dir=$2; shift 2
    local object="$out/$name.o"
    [ -f "$object" ] && [ -z "$(find "$dir" -name '*.swift' -newer "$object" | head -1)" ] && return
    [ -d "$dir" ] || swift package resolve >/dev/null
    rebuilt=yes
    local sources=()
    while IFS= read -r file; do sources+=("$file"); done < <(find "$dir" -name '*.swift' | sort)
    swiftc -parse-as-library -g -wmo -I "$out/modules" "$@" -emit-module -emit-module-path "$out/modules/$name.swiftmodule" \
        -module-name "$name" -emit-object -o "$object" "${sources[@]}"
}
zipfoundation() {
    package ZIPFoundation "$checkouts/ZIPFoundation/Sources/ZIPFoundation" -O -sanitize=fuzzer,address \
        -I "$checkouts/ZIPFoundation/Sources/CZLib" -Xcc -D_GNU_SOURCE=1
}
grdb() {
    package GRDB "$checkouts/GRDB.swift/GRDB" -Onone -I "$checkouts/GRDB.swift/Sources/GRDBSQLite" \
        -D SQLITE_ENABLE_FTS5 -D SQLITE_ENABLE_SNAPSHOT -D SQLITE_DISABLE_SNAPSHOT
}

# target NAME MODULE... -- EXTRA-SOURCES...: links a harness.
target() {
    local name=$1; shift
    local objects=()
    rebuilt=""
    while [ $# -gt 0 ] && [ "$1" != "--" ]; do
        case "$1" in
            ZIPFoundation) zipfoundation ;;
            GRDB) grdb ;;
            *) module "$1" ;;
        esac
        objects+=("$out/$1.o")
        shift
    done
    [ "${1:-}" = "--" ] && shift
    # Linked from inside $out: swiftc leaves a harness's module files in
    # the working folder.
    local sources=("$root/scripts/fuzz/$name.swift")
    for extra in "$@"; do sources+=("$root/$extra"); done
    (cd "$out" && swiftc "${flags[@]}" -use-ld=lld -module-name "${name//-/_}" -o "$name" \
        "${sources[@]}" "${objects[@]}" -lncursesw)
}

wanted=("$@")
[ ${#wanted[@]} -gt 0 ] || wanted=(parse-fuzz extract-fuzz answer-fuzz plain-input-fuzz replay-fuzz apkg-fuzz moodle-fuzz)
for name in "${wanted[@]}"; do
    case "$name" in
        parse-fuzz) target parse-fuzz KazakhText DeckFormat ;;
        extract-fuzz) target extract-fuzz KazakhText DeckFormat Lectures ;;
        answer-fuzz) target answer-fuzz KazakhText ;;
        plain-input-fuzz) target plain-input-fuzz KazakhText DeckFormat FSRS Study TerminalUI ;;
        replay-fuzz) target replay-fuzz KazakhText DeckFormat FSRS -- Sources/jatta/JSONValue.swift Sources/jatta/JSONWriter.swift Sources/jatta/FSRSReplay.swift ;;
        apkg-fuzz) target apkg-fuzz ZIPFoundation GRDB KazakhText DeckFormat FSRS ReviewStore Interchange ;;
        moodle-fuzz) target moodle-fuzz ZIPFoundation GRDB KazakhText DeckFormat FSRS ReviewStore Interchange ;;
        *) echo "unknown fuzz target: $name" >&2; exit 64 ;;
    esac
done
