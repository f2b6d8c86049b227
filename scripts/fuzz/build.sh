#!/usr/bin/env bash
# Builds the libFuzzer targets into .build-fuzz/ (instrumented with
# -sanitize=fuzzer,address): one per reader of outside input.
#   parse-fuzz        deck files (DeckParser, print/parse round trip)
#   extract-fuzz      lecture notes, text and HTML (LectureExtractor)
#   answer-fuzz       typed answers (AnswerChecker)
#   plain-input-fuzz  plain-mode input lines (PlainMode, Trainer)
#   replay-fuzz       `fsrs replay` JSON lines (JSONReader, FSRSReplay)
#   scripts/fuzz/build.sh [TARGET...]   (default: all)
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
out="$root/.build-fuzz"
mkdir -p "$out/modules"
flags=(-parse-as-library -O -g -sanitize=fuzzer,address -wmo -enable-bare-slash-regex -I "$out/modules" -I "$root/Sources/CNcursesw")

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

# target NAME MODULE... -- EXTRA-SOURCES...: links a harness.
target() {
    local name=$1; shift
    local objects=()
    rebuilt=""
    while [ $# -gt 0 ] && [ "$1" != "--" ]; do module "$1"; objects+=("$out/$1.o"); shift; done
    [ "${1:-}" = "--" ] && shift
    # Linked from inside $out: swiftc leaves a harness's module files in
    # the working folder.
    local sources=("$root/scripts/fuzz/$name.swift")
    for extra in "$@"; do sources+=("$root/$extra"); done
    (cd "$out" && swiftc "${flags[@]}" -use-ld=lld -module-name "${name//-/_}" -o "$name" \
        "${sources[@]}" "${objects[@]}" -lncursesw)
}

wanted=("$@")
[ ${#wanted[@]} -gt 0 ] || wanted=(parse-fuzz extract-fuzz answer-fuzz plain-input-fuzz replay-fuzz)
for name in "${wanted[@]}"; do
    case "$name" in
        parse-fuzz) target parse-fuzz KazakhText DeckFormat ;;
        extract-fuzz) target extract-fuzz KazakhText DeckFormat Lectures ;;
        answer-fuzz) target answer-fuzz KazakhText ;;
        plain-input-fuzz) target plain-input-fuzz KazakhText DeckFormat FSRS Study TerminalUI ;;
        replay-fuzz) target replay-fuzz KazakhText DeckFormat FSRS -- Sources/jatta/JSONValue.swift Sources/jatta/FSRSReplay.swift ;;
        *) echo "unknown fuzz target: $name" >&2; exit 64 ;;
    esac
done
