import ArgumentParser
import DeckFormat
import Foundation
import TerminalUI

/// `jatta list PATH...`: every card the decks hold, for people (a table)
/// and for programs (`--json`, one object per card per line).
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the cards of deck files.",
        discussion: """
            PATH is a deck file or a folder, searched recursively for *.deck files. \
            With --json, each card is one JSON object per line with the keys id, kind \
            (question, term, choice, cloze, open), prompt, answer, options \
            ([{text, correct}], choice cards), alternatives, key_points (open), gaps \
            (cloze: the accepted answers of each gap), level, tags (section and card \
            tags), source, file, line, explicit_id and faces (the progress keys: the id, \
            and ID/reverse for a term). Problems go to standard error.

            Exit status: 0 no errors, 1 errors in a deck (the cards that could be read \
            are still listed), 2 a path could not be read, 64 wrong usage.
            """
    )

    @Argument(help: "Deck files or folders.")
    var paths: [String]

    @Flag(help: "Print one JSON object per card, one per line.")
    var json = false

    @OptionGroup var languageOptions: LanguageOptions

    func run() throws {
        let language = languageOptions.resolved(environment: ProcessEnvironment.variables)
        // The cards go out as they are made, so the output of 200,000 cards
        // is never held whole.
        let listing = CardListing.run(paths: paths, json: json, language: language, emit: Console.out(bytes:))
        Console.err(listing.problems)
        if listing.status != 0 { throw ExitCode(listing.status) }
    }
}

/// The logic of `jatta list`, callable without a process.
enum CardListing {
    struct Listing: Equatable {
        /// The cards (standard output).
        var output: String
        /// Diagnostics (standard error), compiler style.
        var problems: String
        var status: Int32
    }

    static func run(paths: [String], json: Bool, language: Language, width: Int = 100) -> Listing {
        var output: [UInt8] = []
        var listing = run(paths: paths, json: json, language: language, width: width) { output += $0 }
        listing.output = String(decoding: output, as: UTF8.self)
        return listing
    }

    /// Lists the cards into `emit` as UTF-8, in pieces of about `chunk`
    /// bytes (one JSON line at a time, never a line cut), and returns the
    /// problems and the status; the returned `output` is empty.
    static func run(
        paths: [String], json: Bool, language: Language, width: Int = 100, chunk: Int = 1 << 16,
        emit: ([UInt8]) -> Void
    ) -> Listing {
        let result = DeckLoading.load(paths: paths)
        if json {
            var writer = JSONWriter(style: .compact, capacity: chunk + chunk / 4)
            for deck in result.decks {
                // By index: a card handed over, not copied.
                for index in deck.cards.indices {
                    CardJSON.write(deck.cards[index], to: &writer)
                    writer.raw("\n")
                    if writer.bytes.count >= chunk {
                        emit(writer.bytes)
                        writer.bytes.removeAll(keepingCapacity: true)
                    }
                }
            }
            if !writer.bytes.isEmpty { emit(writer.bytes) }
        } else {
            var piece = ""
            piece.reserveCapacity(chunk + chunk / 4)
            table(result.decks.flatMap(\.cards), width: width, language: language) { row in
                piece += row
                if piece.utf8.count >= chunk {
                    emit(Array(piece.utf8))
                    piece.removeAll(keepingCapacity: true)
                }
            }
            if !piece.isEmpty { emit(Array(piece.utf8)) }
        }
        var formatter = DiagnosticFormatter(language: language)
        let problems = result.diagnostics.map { formatter.format($0) }.joined()
        let errors = result.diagnostics.contains { $0.severity == .error }
        let status: Int32 = result.hasUnreadablePaths ? DeckCheck.unreadable : errors ? DeckCheck.errorsFound : DeckCheck.clean
        return Listing(output: "", problems: problems, status: status)
    }

    /// ID, kind, level, the prompt's first line cut to fit, and the place.
    /// The id is printed whole, however long: `history --card` and
    /// `unsuspend` need it as it is, so only the prompt gives way. Handed to
    /// `line` a line at a time (each with its line break), so that 200,000
    /// cards' table is never held whole.
    static func table(_ cards: [Card], width: Int, language: Language, line: (String) -> Void) {
        let header = language.pick(kk: ["ИД", "ТҮРІ", "ДЕҢГЕЙ", "СҰРАҚ", "ОРНЫ"], en: ["ID", "KIND", "LEVEL", "PROMPT", "PLACE"])
        let idWidth = max(DisplayWidth.of(header[0]), cards.map { DisplayWidth.of($0.id.rawValue) }.max() ?? 0)
        let kindWidth = max(header[1].count, CardKind.allCases.map(\.rawValue.count).max() ?? 8)
        let levelWidth = header[2].count
        let promptWidth = max(20, width - idWidth - kindWidth - levelWidth - 6 - 24)
        func row(_ raw: [String]) -> String {
            // A tab moves the cursor to the next stop: inside a cell it
            // pushed the rest of the row out of its columns.
            let cells = raw.map { cell in
                let shown = TerminalText.oneLine(cell)
                return shown.utf8.contains(0x09) ? String(shown.map { $0 == "\t" ? " " : $0 }) : shown
            }
            return pad(cells[0], idWidth) + "  " + pad(cells[1], kindWidth) + "  " + pad(cells[2], levelWidth) + "  "
                + pad(cells[3], promptWidth) + "  " + cells[4]
        }
        line(row(header) + "\n")
        for card in cards {
            line(
                row([
                    card.id.rawValue, card.kind.rawValue, String(card.level), firstLine(of: card.prompt),
                    "\(card.location.file):\(card.location.line)",
                ]) + "\n")
        }
    }

    /// `text` up to its first line break: the first "\n" character, which
    /// is a line feed not after a carriage return ("\r\n" is one character
    /// of its own), found in the UTF-8 bytes rather than character by
    /// character (a fifth of the table's time at 200,000 cards).
    static func firstLine(of text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            var previous: UInt8 = 0
            for (i, byte) in bytes.enumerated() {
                if byte == 0x0A, previous != 0x0D { return String(decoding: bytes[..<i], as: UTF8.self) }
                previous = byte
            }
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    /// `text` cut or padded to `width` display columns.
    static func pad(_ text: String, _ width: Int) -> String {
        let full = DisplayWidth.of(text)
        if full <= width { return text + String(repeating: " ", count: width - full) }
        var out = ""
        var used = 0
        for scalar in text.unicodeScalars {
            let w = DisplayWidth.of(scalar)
            if used + w > width - 1 { break }
            out.unicodeScalars.append(scalar)
            used += w
        }
        return out + "…" + String(repeating: " ", count: max(0, width - used - 1))
    }
}

/// A card as one JSON object (the format of `jatta list --json`), written
/// straight into the bytes of the listing.
enum CardJSON {
    static func write(_ card: Card, to out: inout JSONWriter) {
        // A card read from the deck index decodes its body and builds its
        // place through its deck's table on every read: each is read once
        // here, and the prompt, answer and alternatives are taken from the
        // content in hand.
        let content = card.content
        let location = card.location
        // A cloze's text is split into gaps once, for its answer and its gaps.
        var clozeGaps: [ClozeGap]? = nil
        if case .cloze(let cloze) = content { clozeGaps = cloze.gaps }
        out.raw("{")
        out.key("id", first: true)
        out.string(card.id.rawValue)
        out.key("kind")
        out.string(card.kind.rawValue)
        out.key("prompt")
        out.string(content.prompt)
        out.key("answer")
        out.string(clozeGaps.map(ClozeCard.answer(gaps:)) ?? content.answer)
        switch content {
        case .choice(let choice):
            out.key("options")
            out.array(choice.options) { out, option in
                out.raw("{")
                out.key("text", first: true)
                out.string(option.text)
                out.key("correct")
                out.bool(option.isCorrect)
                out.raw("}")
            }
        case .open(let open):
            out.key("key_points")
            out.strings(open.keyPoints)
        case .cloze(let cloze):
            out.key("text")
            out.string(cloze.text)
            out.key("gaps")
            out.array(clozeGaps ?? cloze.gaps) { $0.strings($1.answers) }
        case .question, .term:
            break
        }
        out.key("alternatives")
        out.strings(content.alternatives)
        out.key("level")
        out.int(card.level)
        out.key("tags")
        out.strings(card.allTags)
        out.key("source")
        out.optional(card.source)
        out.key("file")
        out.string(location.file)
        out.key("line")
        out.int(location.line)
        out.key("explicit_id")
        out.bool(card.hasExplicitID)
        out.key("faces")
        out.raw("[")
        card.forEachFace { face, index in
            if index > 0 { out.separator() }
            out.string(face.key)
        }
        out.raw("]")
        out.raw("}")
    }
}
