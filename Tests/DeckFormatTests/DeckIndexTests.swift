import FSRS
import Foundation
import Testing

@testable import DeckFormat
@testable import DeckIndex

#if canImport(Glibc)
    import Glibc
#endif

/// The compiled deck index gives back exactly what the parser gives, and
/// only while the deck file is the one it was made from.
@Suite struct DeckIndexTests {
    /// A scratch folder with a deck folder and an index folder.
    final class Scratch {
        let root: String
        var decks: String { root + "/decks" }
        var indexFolder: String { root + "/index" }

        init() throws {
            root = FileManager.default.temporaryDirectory
                .appendingPathComponent("jatta-deck-index-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: root + "/decks", withIntermediateDirectories: true)
        }

        deinit { try? FileManager.default.removeItem(atPath: root) }

        /// The index of a start at `now` (by default a minute from now: a
        /// later start, by when every file written so far has settled).
        func index(stamp: String = "test-1", now: Int = DeckIndexTests.later) -> DeckIndex {
            DeckIndex(directory: indexFolder, stamp: stamp, now: now)
        }

        @discardableResult
        func write(_ name: String, _ text: String) throws -> String {
            let path = decks + "/" + name
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            return path
        }

        func load(_ path: String, index: DeckIndex? = nil) throws -> (parsed: ParsedDeck, outcome: DeckIndex.Outcome) {
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
            let loaded = (index ?? self.index()).load(bytes, file: path)
            return (loaded.parsed, loaded.outcome)
        }
    }

    /// A deck file's bytes given to the index, counting how often they
    /// are asked for (how often a load reads the file).
    final class FileReads {
        let bytes: [UInt8]
        var count = 0

        init(_ text: String) { bytes = Array(text.utf8) }

        func read() -> [UInt8]? {
            count += 1
            return bytes
        }
    }

    /// Seconds since 1970, now.
    static var now: Int { Int(Date().timeIntervalSince1970) }
    /// A start a minute from now.
    static var later: Int { now + 60 }

    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Deck texts with every kind of card, metadata, sections, tags, levels,
    /// sources, explicit ids, and (the fixture) errors and warnings.
    static func sampleTexts() throws -> [(name: String, text: String)] {
        var texts: [(String, String)] = []
        let folders = [packageRoot.appendingPathComponent("decks").path, packageRoot.appendingPathComponent("scripts/tests/fixtures").path]
        for folder in folders {
            for name in try FileManager.default.contentsOfDirectory(atPath: folder).sorted() where name.hasSuffix(".deck") {
                texts.append((name, try String(contentsOfFile: folder + "/" + name, encoding: .utf8)))
            }
        }
        for seed in 0..<40 {
            var generator = DeckGenerator(random: SeededGenerator(seed: UInt64(seed)))
            var text = DeckPrinter.print(generator.deck(file: "g.deck"))
            // Broken lines and bytes, so the entries hold diagnostics too.
            if seed % 3 == 0 { text += "\nQ: без ответа\n\nX: неизвестное поле\nlevel: 9\n" }
            if seed % 5 == 0 { text += "C: {незакрытый пропуск\n\u{1B}[31m\n" }
            texts.append(("generated-\(seed).deck", text))
        }
        return texts
    }

    @Test func anEntryGivesBackWhatTheParserGives() throws {
        let scratch = try Scratch()
        let samples = try Self.sampleTexts()
        #expect(samples.count > 40)
        var diagnostics = 0
        for sample in samples {
            let path = try scratch.write(sample.name, sample.text)
            let expected = DeckParser.parse(Array(sample.text.utf8), file: path)
            diagnostics += expected.diagnostics.count
            let first = try scratch.load(path)
            #expect(first.outcome == .parsed(entryWritten: true), "\(sample.name)")
            #expect(first.parsed == expected, "\(sample.name)")
            let second = try scratch.load(path)
            #expect(second.outcome == .fromIndex, "\(sample.name)")
            #expect(second.parsed == expected, "\(sample.name): decoded entry differs from the parse")
        }
        #expect(diagnostics > 0, "the samples must hold diagnostics for the test to cover them")
    }

    /// Places name the path the deck is loaded under, whichever spelling
    /// wrote the entry: the same file under another spelling (relative,
    /// through a linked folder) decodes its one entry as parsing it under
    /// that name gives; a link with another file name (another default
    /// namespace for its cards) is parsed again.
    @Test func placesNameThePathTheDeckIsLoadedUnder() throws {
        let scratch = try Scratch()
        let path = try scratch.write("a.deck", "Q: Сұрақ?\nA: Жауап.\nlevel: 7\n")
        _ = try scratch.load(path)
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        // The same absolute file, shown under another name.
        let index = scratch.index()
        let entry = index.entryPath(for: path)
        #expect(FileManager.default.fileExists(atPath: entry))
        let again = index.load(bytes, file: path)
        #expect(again.outcome == .fromIndex)
        #expect(again.parsed.deck.cards.allSatisfy { $0.location.file == path })
        #expect(again.parsed.diagnostics.allSatisfy { $0.location.file == path })
        #expect(!again.parsed.diagnostics.isEmpty)
        // The same file, named relative to its folder: one entry file,
        // decoded under the new name.
        let fromFolder = DeckIndex(directory: scratch.indexFolder, stamp: "test-1", now: Self.later, workingDirectory: scratch.decks)
        #expect(fromFolder.entryPath(for: "a.deck") == entry)
        let relative = fromFolder.load(bytes, file: "a.deck")
        #expect(relative.outcome == .fromIndex)
        #expect(relative.parsed == DeckParser.parse(bytes, file: "a.deck"))
        // Through a linked folder: the same entry.
        try FileManager.default.createSymbolicLink(atPath: scratch.root + "/linked", withDestinationPath: scratch.decks)
        let linked = index.load(bytes, file: scratch.root + "/linked/a.deck")
        #expect(index.entryPath(for: scratch.root + "/linked/a.deck") == entry)
        #expect(linked.outcome == .fromIndex)
        #expect(linked.parsed == DeckParser.parse(bytes, file: scratch.root + "/linked/a.deck"))
        // A link named otherwise: its cards' default namespace differs.
        try FileManager.default.createSymbolicLink(atPath: scratch.root + "/b.deck", withDestinationPath: path)
        let renamed = index.load(bytes, file: scratch.root + "/b.deck")
        #expect(renamed.outcome == .parsed(entryWritten: true))
        #expect(renamed.parsed == DeckParser.parse(bytes, file: scratch.root + "/b.deck"))
        #expect(index.load(bytes, file: path).outcome == .parsed(entryWritten: true))
    }

    /// A change that keeps the size and the modification time (the time
    /// set back) is read again, even where the entry's status was settled
    /// (a later start, which reads no unchanged file): the change time,
    /// which no one can set back, differs.
    @Test func aChangedFileWithTheSameSizeAndTimeIsReread() throws {
        let scratch = try Scratch()
        let path = try scratch.write("a.deck", "Q: Бір?\nA: Алма.\n")
        var before = stat()
        stat(path, &before)
        _ = try scratch.load(path)
        try scratch.write("a.deck", "Q: Бір?\nA: Өрік.\n")
        var times = [before.st_atim, before.st_mtim]
        #expect(utimensat(AT_FDCWD, path, &times, 0) == 0)
        let loaded = try scratch.load(path)
        #expect(loaded.outcome == .parsed(entryWritten: true))
        guard case .question(let q) = loaded.parsed.deck.cards.first?.content else {
            Issue.record("no question card")
            return
        }
        #expect(q.answer == "Өрік.")
    }

    /// A new modification time alone (a touch) makes a start read the
    /// file again; the same bytes are not parsed again, and the new status
    /// is kept, so the next start reads nothing.
    @Test func aNewModificationTimeAloneReadsTheFileAgain() throws {
        let scratch = try Scratch()
        let text = "Q: Бір?\nA: Алма.\n"
        let path = try scratch.write("a.deck", text)
        let file = FileReads(text)
        _ = scratch.index().load(file: path, read: file.read)
        var times = [timespec(tv_sec: 1_000_000_000, tv_nsec: 0), timespec(tv_sec: 1_000_000_000, tv_nsec: 0)]
        #expect(utimensat(AT_FDCWD, path, &times, 0) == 0)
        #expect(scratch.index().load(file: path, read: file.read)?.outcome == .fromIndex)
        #expect(file.count == 2, "a touched file was not read")
        #expect(scratch.index().load(file: path, read: file.read)?.outcome == .fromIndex)
        #expect(file.count == 2, "the new status was not kept")
    }

    @Test func anEntryOfAnotherVersionIsRebuilt() throws {
        let scratch = try Scratch()
        let path = try scratch.write("a.deck", "T: Режим\nD: Ережелер жиынтығы.\n")
        _ = try scratch.load(path, index: scratch.index(stamp: "old-build"))
        #expect(try scratch.load(path, index: scratch.index(stamp: "old-build")).outcome == .fromIndex)
        #expect(try scratch.load(path, index: scratch.index(stamp: "new-build")).outcome == .parsed(entryWritten: true))
        #expect(try scratch.load(path, index: scratch.index(stamp: "new-build")).outcome == .fromIndex)
    }

    /// Every way an entry can be damaged — cut short at any length, any
    /// byte changed, replaced by other bytes — gives the parser's result,
    /// never a trap, and the entry is rebuilt. Damage to the header or the
    /// heads is caught at load (the file is parsed and the entry
    /// rewritten); damage to a card body when that body is read (bodies
    /// are not read at start): the deck file gives the bodies instead and
    /// the entry is removed, so the next load rebuilds it.
    @Test func aDamagedEntryIsRebuiltSilently() throws {
        let scratch = try Scratch()
        let text = try Self.sampleTexts().first { $0.name.hasPrefix("generated-0") }!.text
        let path = try scratch.write("a.deck", text)
        let expected = DeckParser.parse(Array(text.utf8), file: path)
        _ = try scratch.load(path)
        let entry = scratch.index().entryPath(for: path)
        let good = [UInt8](try Data(contentsOf: URL(fileURLWithPath: entry)))
        let opened = try #require(EntryFile.load(entry))
        let bodiesStart = opened.headStart + opened.header.headLength
        try #require(bodiesStart < good.count - 100, "the entry has bodies to damage")
        // Each damaged entry, with the byte flipped when one is.
        var damaged: [(bytes: [UInt8], flipped: Int?)] = [
            ([], nil), (Array("not an index".utf8), nil), ([UInt8](repeating: 0xFF, count: good.count), nil),
        ]
        for cut in stride(from: 0, to: good.count, by: max(1, good.count / 97)) { damaged.append((Array(good[..<cut]), nil)) }
        for position in stride(from: 0, to: good.count, by: max(1, good.count / 211)) {
            var flipped = good
            flipped[position] ^= 0x41
            damaged.append((flipped, position))
        }
        // The file's status, the time it was taken and the file's content
        // hash: damage there (short of breaking the layout) only makes a
        // start read and hash the file, which then vouches for the entry,
        // or goes unseen while the status holds, as the content hash is
        // read only when the status differs. Where these bytes fall moves
        // with the lengths of the status's numbers, so the stride above
        // lands in the content hash on some runs only.
        var prefix = IndexWriter()
        prefix.bytes.append(contentsOf: EntryHeader.magic)
        for text in [opened.header.stamp, opened.header.path] { prefix.string(text) }
        // The name the entry was written under: only its default namespace
        // is compared (`DeckIndex.sameParse`), and places take the name
        // loaded, so damage that keeps the namespace changes nothing.
        let fileStart = prefix.bytes.count
        prefix.string(opened.header.file)
        let statusStart = prefix.bytes.count
        opened.header.status.encode(into: &prefix)
        prefix.int(opened.header.checkedAt)
        prefix.fixed64(opened.header.contentHash)
        let statusEnd = prefix.bytes.count
        var bodyDamage = 0
        for (bytes, flipped) in damaged {
            try Data(bytes).write(to: URL(fileURLWithPath: entry))
            let loaded = try scratch.load(path)
            #expect(loaded.parsed == expected)
            if let flipped, flipped >= bodiesStart {
                bodyDamage += 1
                #expect(loaded.outcome == .fromIndex)
                #expect(!FileManager.default.fileExists(atPath: entry), "an entry with a damaged body was kept")
                #expect(try scratch.load(path).outcome == .parsed(entryWritten: true))
            } else if let flipped, (statusStart..<statusEnd).contains(flipped) {
                #expect(loaded.outcome != .parsed(entryWritten: false))
            } else if let flipped, (fileStart..<statusStart).contains(flipped) {
                #expect(loaded.outcome != .parsed(entryWritten: false))
            } else {
                #expect(loaded.outcome == .parsed(entryWritten: true), "a damaged entry of \(bytes.count) bytes was used")
            }
            // Rebuilt: the next start reads neither the file nor a body.
            let file = FileReads(text)
            let again = scratch.index().load(file: path, read: file.read)
            #expect(again?.outcome == .fromIndex)
            #expect(file.count == 0)
            #expect(again?.parsed.deck.cards.contains { $0.isBodyDecoded } == false)
            #expect(again?.parsed == expected)
        }
        #expect(bodyDamage > 10)
    }

    /// A later start trusts an unchanged file's status: the file is not
    /// read, and the deck is still the parse.
    @Test func anUnchangedFileIsNotReadByALaterStart() throws {
        let scratch = try Scratch()
        let text = try Self.sampleTexts().first { $0.name.hasPrefix("generated-1") }!.text
        let path = try scratch.write("a.deck", text)
        let file = FileReads(text)
        #expect(scratch.index().load(file: path, read: file.read)?.outcome == .parsed(entryWritten: true))
        #expect(file.count == 1)
        let warm = scratch.index().load(file: path, read: file.read)
        #expect(warm?.outcome == .fromIndex)
        #expect(file.count == 1, "an unchanged, settled file was read")
        #expect(warm?.parsed == DeckParser.parse(Array(text.utf8), file: path))
        #expect(warm?.contentHash == DeckIndex.contentHash(of: Array(text.utf8)))
    }

    /// An entry made in the seconds after its file changed cannot vouch
    /// for it by status (an edit within the same clock tick would keep
    /// it): starts then read and hash the file, until a start late enough
    /// to vouch keeps the status — and then no start reads it.
    @Test func aFileChangedJustBeforeItsEntryIsHashedUntilItSettles() throws {
        let scratch = try Scratch()
        let text = try Self.sampleTexts().first { $0.name.hasPrefix("generated-2") }!.text
        let path = try scratch.write("a.deck", text)
        let file = FileReads(text)
        let soon = scratch.index(now: Self.now)
        #expect(soon.load(file: path, read: file.read)?.outcome == .parsed(entryWritten: true))
        let entry = soon.entryPath(for: path)
        let written = [UInt8](try Data(contentsOf: URL(fileURLWithPath: entry)))
        #expect(soon.load(file: path, read: file.read)?.outcome == .fromIndex)
        #expect(file.count == 2, "a status taken as the file changed was trusted")
        #expect([UInt8](try Data(contentsOf: URL(fileURLWithPath: entry))) == written, "rewritten before it could vouch")
        let late = scratch.index()
        #expect(late.load(file: path, read: file.read)?.outcome == .fromIndex)
        #expect(file.count == 3)
        #expect([UInt8](try Data(contentsOf: URL(fileURLWithPath: entry))) != written, "the settled status was not kept")
        let loaded = late.load(file: path, read: file.read)
        #expect(loaded?.outcome == .fromIndex)
        #expect(file.count == 3, "a settled file was read")
        #expect(loaded?.parsed == DeckParser.parse(Array(text.utf8), file: path))
    }

    /// The same bytes in another file put in its place (a copy renamed
    /// over it, its modification time kept: another inode): read and
    /// hashed, not parsed; the new status is kept.
    @Test func theSameBytesInAnotherFileAreNotParsedAgain() throws {
        let scratch = try Scratch()
        let text = try Self.sampleTexts().first { $0.name.hasPrefix("generated-3") }!.text
        let path = try scratch.write("a.deck", text)
        let file = FileReads(text)
        _ = scratch.index().load(file: path, read: file.read)
        var before = stat()
        stat(path, &before)
        let copy = try scratch.write("copy.tmp", text)
        var times = [before.st_atim, before.st_mtim]
        #expect(utimensat(AT_FDCWD, copy, &times, 0) == 0)
        #expect(rename(copy, path) == 0)
        #expect(scratch.index().load(file: path, read: file.read)?.outcome == .fromIndex)
        #expect(file.count == 2, "another file with the old size and time was not read")
        #expect(scratch.index().load(file: path, read: file.read)?.outcome == .fromIndex)
        #expect(file.count == 2, "the new status was not kept")
    }

    /// A file that changes while it is read gets no entry: the status
    /// taken before the read would vouch for bytes it never held.
    @Test func aFileChangedWhileReadGetsNoEntry() throws {
        let scratch = try Scratch()
        let text = try Self.sampleTexts().first { $0.name.hasPrefix("generated-4") }!.text
        let path = try scratch.write("a.deck", text)
        let loaded = scratch.index().load(file: path) {
            // What was read, then an edit before the read ends.
            let bytes = Array(text.utf8)
            _ = try? scratch.write("a.deck", text + "\nQ: Кейін?\nA: Иә.\n")
            return bytes
        }
        #expect(loaded?.outcome == .parsed(entryWritten: false))
        #expect(loaded?.parsed == DeckParser.parse(Array(text.utf8), file: path))
        #expect(!FileManager.default.fileExists(atPath: scratch.index().entryPath(for: path)))
    }

    /// A file that cannot be read gives no deck (the library reports it),
    /// whatever its entry holds.
    @Test func anUnreadableFileGivesNoDeck() throws {
        let scratch = try Scratch()
        let path = try scratch.write("a.deck", "Q: Бір?\nA: Алма.\n")
        _ = try scratch.load(path)
        try FileManager.default.removeItem(atPath: path)
        #expect(scratch.index().load(file: path, read: { nil }) == nil)
    }

    /// The index sits in front of the parser in `DeckLibrary.load`: the whole
    /// result (decks, diagnostics with cross-deck lint, files) is the same
    /// with it, cold or warm.
    @Test func aLibraryLoadedThroughTheIndexEqualsOneParsed() throws {
        let scratch = try Scratch()
        for sample in try Self.sampleTexts() { try scratch.write(sample.name, sample.text) }
        let index = scratch.index()
        let plain = DeckLibrary.load(paths: [scratch.decks])
        let cold = DeckLibrary.load(paths: [scratch.decks]) { index.load($0, file: $1).parsed }
        let warm = DeckLibrary.load(paths: [scratch.decks]) { index.load($0, file: $1).parsed }
        #expect(cold == plain)
        #expect(warm == plain)
    }

    /// A warm load decodes the cards' heads only: no body is decoded until a
    /// card is asked for one, and then only that card's; the deck still
    /// equals the parse (which decodes every body to compare).
    @Test func aWarmLoadDecodesBodiesOnlyWhenAsked() throws {
        let scratch = try Scratch()
        let text = try Self.sampleTexts().first { $0.name.hasPrefix("generated-0") }!.text
        let path = try scratch.write("a.deck", text)
        let cold = try scratch.load(path)
        #expect(cold.parsed.deck.cards.allSatisfy { $0.isBodyDecoded })
        let warm = try scratch.load(path)
        #expect(warm.outcome == .fromIndex)
        let cards = warm.parsed.deck.cards
        try #require(cards.count >= 3)
        #expect(!cards.contains { $0.isBodyDecoded }, "a warm load decoded card bodies")
        // What every walk over all cards reads does not decode a body.
        var walked = 0
        for card in cards {
            walked += card.id.rawValue.count + card.level + card.allTags.count + card.location.line
            _ = (card.kind, card.isAnswerable, card.formerIDs, card.definitionLength)
            card.forEachFace { _ in walked += 1 }
        }
        #expect(walked > 0)
        #expect(!cards.contains { $0.isBodyDecoded }, "a walk over the heads decoded card bodies")
        let shown = cards[2]
        #expect(shown.content == cold.parsed.deck.cards[2].content)
        #expect(cards[2].isBodyDecoded, "a copy shares the decoded body")
        #expect(cards.filter { $0.isBodyDecoded }.count == 1)
        #expect(warm.parsed == cold.parsed)
    }

    /// A warm load knows each term's definition length (what a quiz ranks
    /// wrong options by) from the entry's card heads, without decoding a
    /// body: the definition's length in Unicode scalars, 0 for the other
    /// kinds, equal to the parse's.
    @Test func aWarmLoadKnowsDefinitionLengthsWithoutTheBodies() throws {
        let scratch = try Scratch()
        var terms = 0
        for sample in try Self.sampleTexts() {
            let path = try scratch.write(sample.name, sample.text)
            let cold = try scratch.load(path).parsed.deck.cards
            let warm = try scratch.load(path)
            #expect(warm.outcome == .fromIndex, "\(sample.name)")
            let lengths = warm.parsed.deck.cards.map(\.definitionLength)
            #expect(!warm.parsed.deck.cards.contains { $0.isBodyDecoded }, "\(sample.name)")
            let expected = cold.map { card -> Int in
                guard case .term(let term) = card.content else { return 0 }
                return term.definition.unicodeScalars.count
            }
            #expect(lengths == expected, "\(sample.name)")
            terms += expected.filter { $0 > 0 }.count
        }
        #expect(terms > 50)
    }

    /// Bodies are read from the open entry a window at a time: whatever
    /// the order cards are asked in (deck order as `list` walks them,
    /// backwards, at random, across the windows' edges), each body is its
    /// own card's, equal to the parse.
    @Test func bodiesReadInAnyOrderAreTheirCards() throws {
        let scratch = try Scratch()
        let generated = try Self.sampleTexts().filter { $0.name.hasPrefix("generated-") }.map(\.text)
        // Ten rounds of the generated decks (ids repeat: diagnostics, which entries hold too).
        let text = Array(repeating: generated, count: 10).joined().joined(separator: "\n")
        try #require(text.utf8.count > 4 * (64 << 10), "the deck spans several read-ahead windows")
        let path = try scratch.write("big.deck", text)
        let cold = try scratch.load(path).parsed.deck.cards
        var random = SeededGenerator(seed: 20)
        let orders: [[Int]] = [
            Array(cold.indices), Array(cold.indices.reversed()), Array(cold.indices).shuffled(using: &random),
        ]
        for order in orders {
            let warm = try scratch.load(path)
            #expect(warm.outcome == .fromIndex)
            let cards = warm.parsed.deck.cards
            try #require(cards.count == cold.count)
            for index in order {
                #expect(cards[index].content == cold[index].content, "card \(index)")
                #expect(cards[index].source == cold[index].source, "card \(index)")
            }
        }
    }

    /// A card read from the index changes like any value: the change is its
    /// own, the other copies and the entry keep theirs.
    @Test func aChangedIndexedCardIsItsOwn() throws {
        let scratch = try Scratch()
        let text = try Self.sampleTexts().first { $0.name.hasPrefix("generated-0") }!.text
        let path = try scratch.write("a.deck", text)
        let parsed = try scratch.load(path).parsed.deck.cards
        let warm = try scratch.load(path).parsed.deck.cards
        var changed = warm[1]
        changed.source = "changed:1"
        changed.level = 7
        #expect(changed.source == "changed:1" && changed.level == 7)
        #expect(changed.content == parsed[1].content)
        #expect(warm[1] == parsed[1])
        #expect(try scratch.load(path).parsed.deck.cards[1] == parsed[1])
    }

    /// A head longer than the first read (`EntryFile.firstRead`) is read on
    /// into the same buffer: the deck decodes equal to the parse, and an
    /// entry cut or changed in that later part of the head is refused.
    @Test func aHeadPastTheFirstReadIsReadWhole() throws {
        let scratch = try Scratch()
        let generated = try Self.sampleTexts().filter { $0.name.hasPrefix("generated-") }.map(\.text)
        let text = Array(repeating: generated, count: 12).joined().joined(separator: "\n")
        let path = try scratch.write("big.deck", text)
        let expected = DeckParser.parse(Array(text.utf8), file: path)
        _ = try scratch.load(path)
        let entry = scratch.index().entryPath(for: path)
        let opened = try #require(EntryFile.load(entry))
        let headEnd = opened.headStart + opened.header.headLength
        try #require(headEnd > EntryFile.firstRead + 1000, "the head runs past the first read")
        let warm = try scratch.load(path)
        #expect(warm.outcome == .fromIndex)
        #expect(warm.parsed == expected)
        let good = [UInt8](try Data(contentsOf: URL(fileURLWithPath: entry)))
        for damage in 0..<2 {
            var bytes = good
            if damage == 0 {
                bytes = Array(good[..<(headEnd - 10)])
            } else {
                bytes[headEnd - 10] ^= 0x41
            }
            try Data(bytes).write(to: URL(fileURLWithPath: entry))
            #expect(EntryFile.load(entry) == nil, "damage \(damage) past the first read")
            let again = try scratch.load(path)
            #expect(again.outcome == .parsed(entryWritten: true) && again.parsed == expected)
        }
    }

    /// Every field of a card read from the index, each through its own
    /// accessor (not only `==`, which compares whole heads), is the parsed
    /// card's: ids, kind, level, tags, places (also of cards whose place
    /// names another file), body, hash; and the cards of one entry are
    /// rows of one table, not a box each.
    @Test func everyFieldOfAnIndexedCardIsTheParsedCards() throws {
        let scratch = try Scratch()
        var compared = 0
        var explicit = 0
        for sample in try Self.sampleTexts() {
            let path = try scratch.write(sample.name, sample.text)
            let parsed = try scratch.load(path).parsed.deck.cards
            let warm = try scratch.load(path)
            #expect(warm.outcome == .fromIndex, "\(sample.name)")
            let cards = warm.parsed.deck.cards
            try #require(cards.count == parsed.count)
            for (card, expected) in zip(cards, parsed) {
                let name = "\(sample.name) \(expected.id)"
                #expect(card.id == expected.id, "\(name)")
                #expect(card.hasExplicitID == expected.hasExplicitID, "\(name)")
                #expect(card.derivedID == expected.derivedID, "\(name)")
                #expect(card.formerIDs == expected.formerIDs, "\(name)")
                #expect(card.kind == expected.kind, "\(name)")
                #expect(card.isAnswerable == expected.isAnswerable, "\(name)")
                #expect(card.definitionLength == expected.definitionLength, "\(name)")
                #expect(card.level == expected.level, "\(name)")
                #expect(card.tags == expected.tags, "\(name)")
                #expect(card.sectionTags == expected.sectionTags, "\(name)")
                #expect(card.location == expected.location, "\(name)")
                #expect(!card.isBodyDecoded, "\(name): a head's field decoded the body")
                #expect(card.content == expected.content, "\(name)")
                #expect(card.source == expected.source, "\(name)")
                #expect(card.lastLine == expected.lastLine, "\(name)")
                #expect(card.hashValue == expected.hashValue, "\(name)")
                if expected.hasExplicitID { explicit += 1 }
                compared += 1
            }
            if let first = cards.first, case .indexed(let table, _) = first.fields {
                #expect(cards.allSatisfy { if case .indexed(let t, _) = $0.fields { t === table } else { false } })
            } else {
                #expect(cards.isEmpty, "\(sample.name): a warm card is not a row of its entry's table")
            }
        }
        #expect(compared > 300 && explicit > 100, "\(compared) cards, \(explicit) with explicit ids")
    }

    /// A card read from the index keeps its id as bytes beside the rows
    /// (`IndexedCards`): the bytes a walk reads (`withIDBytes`) are the
    /// parsed card's id, and the id made from them is that id — for ids of
    /// every length (inline and boxed strings alike), explicit ids with
    /// Kazakh letters, a namespace, and derived ids differing from them.
    @Test func anIndexedCardsIDBytesAreItsID() throws {
        let scratch = try Scratch()
        var text = "# Ids\nnamespace: сынақ\n\n"
        for n in 0..<40 { text += "Q: Сұрақ \(n)?\nA: Жауап \(n).\n" + (n % 3 == 0 ? "id: қ\(String(repeating: "ә", count: n))\n" : "") + "\n" }
        let samples = try Self.sampleTexts() + [("ids.deck", text)]
        var compared = 0
        var nonASCII = 0
        for sample in samples {
            let path = try scratch.write(sample.name, sample.text)
            let parsed = try scratch.load(path).parsed.deck.cards
            let warm = try scratch.load(path)
            #expect(warm.outcome == .fromIndex, "\(sample.name)")
            for (card, expected) in zip(warm.parsed.deck.cards, parsed) {
                let bytes = card.withIDBytes { Array($0) }
                #expect(bytes == Array(expected.id.rawValue.utf8), "\(sample.name) \(expected.id)")
                #expect(expected.withIDBytes { Array($0) } == bytes, "a parsed card's bytes: \(expected.id)")
                #expect(card.id == expected.id && card.derivedID == expected.derivedID)
                if bytes.contains(where: { $0 >= 0x80 }) { nonASCII += 1 }
                compared += 1
            }
        }
        #expect(compared > 300 && nonASCII >= 14, "\(compared) cards, \(nonASCII) with non-ASCII ids")
    }

    /// Rows keep every number as given: those that do not fit a row's 32
    /// or 16 bits (a level past 32 bits, a place in another file than the
    /// deck's, a tag list numbered past 65,535, a body past 4 GiB into the
    /// entry) are kept whole beside the rows, and rows after them are
    /// still their own.
    @Test func aTableKeepsNumbersThatDoNotFitARow() throws {
        let decoder = PlaceDecoder()
        let lists = (0..<70_000).map { ["t\($0)"] }
        let table = IndexedCards(
            file: "a.deck", tagLists: lists, bodies: CardBodySource(decoder), firstBody: 100, capacity: 0)
        let plain = (level: 2, tags: 3, sectionTags: 4, place: SourceLocation(file: "a.deck", line: 7, column: 2), offset: 100, length: 9)
        let rows = [
            plain,
            (level: 1 << 40, tags: 1, sectionTags: 2, place: plain.place, offset: 109, length: 3),
            (level: -5, tags: 69_999, sectionTags: 65_536, place: plain.place, offset: 112, length: 3),
            (level: 1, tags: 0, sectionTags: 0, place: SourceLocation(file: "b.deck", line: 3, column: 1), offset: 115, length: 1),
            (level: 3, tags: 0, sectionTags: 5, place: SourceLocation(file: "a.deck", line: 1 << 33, column: 1), offset: 100 + (1 << 33), length: 1 << 32),
            (level: 3, tags: 6, sectionTags: 7, place: SourceLocation(file: "a.deck", line: 90, column: 1), offset: 200, length: 5),
        ]
        for (n, row) in rows.enumerated() {
            let added = table.append(
                id: CardID(rawValue: "question-\(n)"), hasExplicitID: n == 2, derivedID: CardID(rawValue: n == 2 ? "d" : "question-\(n)"),
                kind: .question, isAnswerable: true, definitionLength: 0, level: row.level, tags: row.tags,
                sectionTags: row.sectionTags, location: row.place, bodyAt: row.offset, length: row.length)
            #expect(added)
        }
        #expect(!table.append(
            id: CardID(rawValue: "x"), hasExplicitID: false, derivedID: CardID(rawValue: "x"), kind: .question,
            isAnswerable: true, definitionLength: 0, level: 1, tags: 70_000, sectionTags: 0, location: plain.place,
            bodyAt: 0, length: 0), "a tag list out of range is refused")
        let cards = table.cards
        try #require(cards.count == rows.count)
        for (card, row) in zip(cards, rows) {
            #expect(card.level == row.level)
            #expect(card.tags == lists[row.tags] && card.sectionTags == lists[row.sectionTags])
            #expect(card.location == row.place)
            #expect(card.lastLine == row.place.line, "no body: empty text at the card's line")
        }
        #expect(decoder.asked == rows.map { [$0.offset, $0.length] })
        #expect(cards.map(\.derivedID.rawValue) == ["question-0", "question-1", "d", "question-3", "question-4", "question-5"])
    }

    /// What a card read from the index costs: a 36-byte row in its deck's
    /// table (the id's bytes beside it) and a card of two words (the table
    /// and the row's number), against a box of about 180 bytes each before
    /// (docs/progress-store.md, "Memory at 100,000 cards").
    @Test func aTableRowIsThirtySixBytes() throws {
        let table = try Self.table(rows: 50)
        table.withLayout { rows, ids in
            #expect(rows.count == 50 * 36)
            #expect(ids.count == (0..<50).map { "question-\($0)".utf8.count }.reduce(0, +))
        }
        #expect(MemoryLayout<Card>.stride == 16)
    }

    /// A table of `rows` question cards with bodies of 3 bytes from 100 on,
    /// every fifth with an explicit id, the fourth wide (a place in
    /// another file), tag lists 0–2 of three.
    static func table(rows: Int, id: (Int) -> String = { "question-\($0)" }) throws -> IndexedCards {
        let table = IndexedCards(
            file: "a.deck", tagLists: [[], ["x"], ["y", "z"]], bodies: CardBodySource(PlaceDecoder()), firstBody: 100,
            capacity: 4)
        for n in 0..<rows {
            let file = n == 3 ? "b.deck" : "a.deck"
            try #require(
                table.append(
                    id: CardID(rawValue: id(n)), hasExplicitID: n % 5 == 0,
                    derivedID: CardID(rawValue: n % 5 == 0 ? "d\(n)" : id(n)), kind: CardKind.allCases[n % 5],
                    isAnswerable: n % 7 != 0, definitionLength: n, level: n % 4, tags: n % 3, sectionTags: (n + 1) % 3,
                    location: SourceLocation(file: file, line: n + 1, column: 1), bodyAt: 100 + 3 * n, length: 3))
        }
        return table
    }

    /// A table adopted from the bytes a table lays out gives every card
    /// back, and bytes no table writes are refused whole (a start then
    /// parses the deck file) instead of giving a card a kind, tag list, id
    /// or body it does not have: each field of a row changed alone, the
    /// ids out of order, cut or not UTF-8, wide rows and derived ids that
    /// do not fit.
    @Test func adoptedRowsAreCheckedWhole() throws {
        let made = try Self.table(rows: 30, id: { $0 == 7 ? "қ\($0)" : "question-\($0)" })
        let (rows, ids) = made.withLayout { (Array($0), Array($1)) }
        let wide = made.wideRows
        let derived = made.differingDerivedIDs
        try #require(wide.count == 1 && derived.count == 6)
        final class Owner {}
        func adopt(
            _ rows: [UInt8], _ ids: [UInt8], wide: [IndexedCards.WideRow]? = nil,
            derived: [(row: Int, id: CardID)]? = nil, bodiesLength: Int = 90
        ) -> [Card]? {
            rows.withUnsafeBytes { rows in
                ids.withUnsafeBytes { ids in
                    IndexedCards(
                        adopting: rows, ids: ids, owner: Owner(), wideRows: wide ?? made.wideRows,
                        differingDerivedIDs: derived ?? made.differingDerivedIDs, file: "a.deck",
                        tagLists: [[], ["x"], ["y", "z"]], bodies: CardBodySource(PlaceDecoder()), firstBody: 100,
                        bodiesLength: bodiesLength)?.cards
                }
            }
        }
        let adopted = try #require(adopt(rows, ids))
        #expect(adopted.count == 30)
        for (card, expected) in zip(adopted, made.cards) {
            #expect(card.id == expected.id && card.derivedID == expected.derivedID)
            #expect(card.kind == expected.kind && card.isAnswerable == expected.isAnswerable)
            #expect(card.hasExplicitID == expected.hasExplicitID && card.definitionLength == expected.definitionLength)
            #expect(card.level == expected.level && card.tags == expected.tags)
            #expect(card.sectionTags == expected.sectionTags && card.location == expected.location)
        }
        #expect(adopted[3].location.file == "b.deck")
        #expect(adopted[7].id.rawValue == "қ7")
        // Row 2 (not wide): each field set to what no table writes.
        let row = 2 * IndexedCards.Layout.rowSize
        let damage: [(String, Int, [UInt8])] = [
            ("kind", 32, [5]), ("flags", 33, [8]), ("padding", 34, [1]), ("padding", 35, [1]),
            ("tags", 28, [3, 0]), ("section tags", 30, [3, 0]), ("body offset", 0, [7, 0, 0, 0]),
            ("body length", 4, [4, 0, 0, 0]), ("id end before the row before's", 24, [0, 0, 0, 0]),
            ("id end past the ids", 24, [0xFF, 0xFF, 0, 0]), ("wide flag", 33, [5]),
        ]
        for (field, at, bytes) in damage {
            var changed = rows
            changed.replaceSubrange((row + at)..<(row + at + bytes.count), with: bytes)
            #expect(changed != rows && adopt(changed, ids) == nil, "\(field)")
        }
        #expect(adopt(Array(rows.dropLast()), ids) == nil, "a row cut short")
        #expect(adopt(Array(rows.dropLast(36)), ids) == nil, "a row missing")
        #expect(adopt(rows, Array(ids.dropLast())) == nil, "ids cut short")
        #expect(adopt(rows, ids, bodiesLength: 91) == nil, "bodies longer than the rows'")
        var notText = ids
        let letter = try #require(ids.firstIndex(of: 0xD2))
        notText[letter] = 0xFF
        #expect(adopt(rows, notText) == nil, "an id that is not UTF-8")
        var movedWide = wide
        movedWide[0].bodyOffset += 1
        #expect(adopt(rows, ids, wide: movedWide) == nil, "a wide row's body elsewhere")
        var wideTags = wide
        wideTags[0].tags = 3
        #expect(adopt(rows, ids, wide: wideTags) == nil, "a wide row's tag list out of range")
        #expect(adopt(rows, ids, wide: []) == nil, "a wide row missing")
        var endless = wide
        endless[0].bodyLength = .max
        #expect(adopt(rows, ids, wide: endless) == nil, "a wide row's body past every other")
        #expect(adopt(rows, ids, derived: derived.reversed()) == nil, "derived ids out of order")
        #expect(adopt(rows, ids, derived: derived + [(30, CardID(rawValue: "x"))]) == nil, "a derived id past the rows")
        #expect(adopt([], [], wide: [], derived: [], bodiesLength: 0)?.isEmpty == true, "no cards")
        #expect(adopt([], [1], wide: [], derived: [], bodiesLength: 0) == nil, "ids without rows")
    }

    /// Gives no body, and keeps where each was asked for.
    final class PlaceDecoder: CardBodyDecoding, @unchecked Sendable {
        var asked: [[Int]] = []

        func body(at offset: Int, length: Int) -> CardBody? {
            asked.append([offset, length])
            return nil
        }
    }

    /// The value the caller derives from a parsed deck (the registry's
    /// fingerprint) is kept in the entry and given back by a warm load,
    /// without deriving again; a new content derives anew.
    @Test func theDerivedValueIsKeptInTheEntry() throws {
        let scratch = try Scratch()
        let text = try Self.sampleTexts().first { $0.name.hasPrefix("generated-0") }!.text
        let path = try scratch.write("a.deck", text)
        let bytes = Array(text.utf8)
        var derivations = 0
        let derive: (ParsedDeck) -> UInt64? = { parsed in
            derivations += 1
            return UInt64(parsed.deck.cards.count) &* 0x9E37_79B9_7F4A_7C15
        }
        let cold = scratch.index().load(bytes, file: path, derive: derive)
        let warm = scratch.index().load(bytes, file: path, derive: derive)
        #expect(warm.outcome == .fromIndex)
        #expect(derivations == 1)
        #expect(cold.derived != nil && warm.derived == cold.derived)
        #expect(warm.contentHash == cold.contentHash)
        let edited = text + "\nQ: Тағы бір сұрақ?\nA: Жауап.\n"
        try scratch.write("a.deck", edited)
        let again = scratch.index().load(Array(edited.utf8), file: path, derive: derive)
        #expect(again.outcome == .parsed(entryWritten: true))
        #expect(derivations == 2)
        #expect(again.derived == UInt64(again.parsed.deck.cards.count) &* 0x9E37_79B9_7F4A_7C15)
        #expect(again.contentHash != cold.contentHash)
    }

    /// The cross-deck lint is kept for the same files with the same
    /// contents, computed again when any file's content or the build
    /// changes, and a damaged kept lint is computed again, never used.
    @Test func theCrossDeckLintIsKeptPerContents() throws {
        let scratch = try Scratch()
        // A deck twice over (every id a duplicate) and another.
        let samples = try Self.sampleTexts()
        try scratch.write("a.deck", samples[0].text)
        try scratch.write("b.deck", samples[0].text)
        try scratch.write("c.deck", samples[1].text)
        let decks = DeckLibrary.load(paths: [scratch.decks]).decks
        try #require(decks.count == 3)
        let expected = DeckLinter.lint(decks)
        try #require(!expected.isEmpty, "no cross-deck finding: the test would prove little")
        var hashes: [String: UInt64] = [:]
        for deck in decks {
            hashes[deck.file] = DeckIndex.contentHash(of: [UInt8](try Data(contentsOf: URL(fileURLWithPath: deck.file))))
        }
        var computed = 0
        let compute: ([Deck]) -> [Diagnostic] = { decks in
            computed += 1
            return DeckLinter.lint(decks)
        }
        #expect(scratch.index().crossDeckLint(decks, hashes: hashes, compute: compute) == expected)
        #expect(scratch.index().crossDeckLint(decks, hashes: hashes, compute: compute) == expected)
        #expect(computed == 1)
        var other = hashes
        other[decks[1].file]! ^= 1
        #expect(scratch.index().crossDeckLint(decks, hashes: other, compute: compute) == expected)
        #expect(computed == 2)
        #expect(scratch.index(stamp: "test-2").crossDeckLint(decks, hashes: other, compute: compute) == expected)
        #expect(computed == 3)
        #expect(scratch.index().crossDeckLint(Array(decks.prefix(2)), hashes: hashes, compute: compute) == DeckLinter.lint(Array(decks.prefix(2))))
        #expect(computed == 4)
        // Keep the three files' lint alone, then damage it byte by byte.
        func keptLints() throws -> [String] {
            try FileManager.default.contentsOfDirectory(atPath: scratch.indexFolder)
                .filter { $0.hasSuffix(".cross-deck-lint") }.map { scratch.indexFolder + "/" + $0 }
        }
        for path in try keptLints() { try FileManager.default.removeItem(atPath: path) }
        #expect(scratch.index().crossDeckLint(decks, hashes: hashes, compute: compute) == expected)
        let kept = try keptLints()
        try #require(kept.count == 1)
        let file = kept[0]
        let good = [UInt8](try Data(contentsOf: URL(fileURLWithPath: file)))
        #expect(scratch.index().crossDeckLint(decks, hashes: hashes, compute: compute) == expected)
        let before = computed
        var damagedCount = 0
        for position in stride(from: 0, to: good.count, by: max(1, good.count / 97)) {
            var flipped = good
            flipped[position] ^= 0x41
            try Data(flipped).write(to: URL(fileURLWithPath: file))
            #expect(scratch.index().crossDeckLint(decks, hashes: hashes, compute: compute) == expected)
            damagedCount += 1
        }
        #expect(computed == before + damagedCount, "a damaged kept lint was used")
    }

    /// Any one changed bit of a buffer of any length up to three rounds of
    /// the hash (tails of every length) changes the content hash.
    @Test func everyChangedBitChangesTheContentHash() {
        var generator = SeededGenerator(seed: 20)
        for length in 0...100 {
            let bytes = (0..<length).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            let hash = bytes.withUnsafeBufferPointer(ContentHash.of)
            var seen: Set<UInt64> = [hash]
            for position in 0..<length {
                for bit in 0..<8 {
                    var flipped = bytes
                    flipped[position] ^= 1 << UInt8(bit)
                    seen.insert(flipped.withUnsafeBufferPointer(ContentHash.of))
                }
            }
            #expect(seen.count == 1 + 8 * length, "length \(length)")
            if length > 0 {
                // One zero byte more is another content.
                #expect((bytes + [0]).withUnsafeBufferPointer(ContentHash.of) != hash)
            }
        }
    }

    /// The hash of bytes handed over in parts (`CacheFile.Hasher`) is the
    /// hash of the whole, wherever the parts are cut (within a round of 32
    /// bytes, on its edge, empty parts); with fewer or more bytes than it
    /// was told, it gives none.
    @Test func theHashOfPartsIsTheHashOfTheWhole() {
        var generator = SeededGenerator(seed: 21)
        for length in Array(0...97) + [4_095, 65_536, 70_001] {
            let bytes = (0..<length).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            let whole = bytes.withUnsafeBytes { CacheFile.hash($0) }
            for _ in 0..<4 {
                var hasher = CacheFile.Hasher(count: length)
                var at = 0
                while at < length {
                    let size = Int(generator.next() % 3 == 0 ? generator.next() % 3 : generator.next() % 80)
                    let end = min(length, at + size)
                    bytes[at..<end].withUnsafeBytes { hasher.add($0) }
                    at = end
                }
                #expect(hasher.finish() == whole, "length \(length)")
            }
            var short = CacheFile.Hasher(count: length + 1)
            bytes.withUnsafeBytes { short.add($0) }
            #expect(short.finish() == nil)
        }
    }

    /// An entry is written part by part: the file holds the parts in
    /// order, whole (more than one `write` can take for the large one),
    /// readable by its owner only, and no temporary
    /// file is left; a file that cannot be replaced leaves nothing either.
    @Test func anEntryIsWrittenPartByPart() throws {
        let scratch = try Scratch()
        let index = scratch.index()
        let path = scratch.indexFolder + "/parts.deckindex"
        let large = (0..<(9 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 11) }
        let parts: [[UInt8]] = [Array("head".utf8), [], large, [7]]
        #expect(index.replace(path, with: parts[0], parts[1], parts[2], parts[3]))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(parts.joined()))
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.indexFolder) == ["parts.deckindex"])
        // A folder where the entry should go cannot be renamed over.
        try FileManager.default.createDirectory(
            atPath: scratch.indexFolder + "/folder.deckindex/x", withIntermediateDirectories: true)
        #expect(!index.replace(scratch.indexFolder + "/folder.deckindex", with: [1, 2, 3]))
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.indexFolder).sorted() == ["folder.deckindex", "parts.deckindex"])
    }
}
