import DeckFormat
import FSRS
import Foundation
import ReviewStore
import Study
import Testing

@testable import jatta

/// A start through the schedules kept by the last one (`KeptSchedules`)
/// reads the same snapshot as a read of every state row, whatever happened
/// to the store or the kept file in between: answers, undos, suspensions
/// and burials since, a rebuild, a damaged, cut or foreign file.
@Suite struct KeptSchedulesTests {
    static let now = StudySetupProgressTests.now

    /// A file store holding a deck large enough to be read in one pass,
    /// half its faces answered, and the kept schedules of that store.
    func setUp(_ folder: URL) throws -> (store: ProgressStore, deck: Deck, kept: KeptSchedules) {
        let helper = StudySetupProgressTests()
        let deck = helper.deck(ProgressStore.keysWorthAScan + 100, file: "decks/a.deck")
        let store = try ProgressStore(path: folder.appendingPathComponent("p.sqlite").path)
        let keys = deck.cards.flatMap { $0.faces.map(\.key) }
        try store.record(keys.enumerated().filter { $0.offset % 2 == 0 }.map { helper.answer($0.element, file: deck.file, $0.offset) })
        try store.register(EffectPerformer.registry([deck]), at: Self.now)
        #expect(try store.scanPays(forKeys: deck.cards.count))
        let kept = try #require(
            KeptSchedules(storePath: store.path, indexDirectory: folder.appendingPathComponent("index").path))
        return (store, deck, kept)
    }

    /// The snapshot through `kept` equals the one read from every row.
    func expectSameSnapshot(_ store: ProgressStore, _ deck: Deck, _ kept: KeptSchedules, _ what: Comment) throws {
        let read = try StudySetup.progress(store: store, decks: [deck])
        let throughKept = try StudySetup.progress(store: store, decks: [deck], kept: kept)
        // Compared first: a failed expectation on the tables prints both whole.
        let sameSchedules = throughKept.schedules == read.schedules
        #expect(sameSchedules, what)
        #expect(throughKept.suspended == read.suspended, what)
        #expect(throughKept.buriedUntil == read.buriedUntil, what)
        #expect(!read.schedules.isEmpty)
    }

    /// Keeps, at the kept position, the kept table with `key`'s schedule
    /// altered (its hashes made anew): the altered schedule.
    func keepAltered(_ kept: KeptSchedules, key: String) throws -> CardSchedule {
        let first = try #require(kept.load())
        var altered = first.table
        var schedule = try #require(altered[key])
        schedule.reps += 40
        altered[key] = schedule
        kept.save(altered, position: first.position)
        return schedule
    }

    func withFolder(_ body: (URL) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jatta-kept-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try body(folder)
    }

    @Test func theKeptTableIsReadAndBroughtUpToDate() throws {
        try withFolder { folder in
            let (store, deck, kept) = try setUp(folder)
            #expect(kept.load() == nil)
            try expectSameSnapshot(store, deck, kept, "no file yet")
            let first = try #require(kept.load())
            #expect(first.table == (try StudySetup.progress(store: store, decks: [deck]).schedules))

            // The kept table is what the start reads: one altered in the
            // file (its hashes made anew) is what the snapshot shows.
            let keys = deck.cards.flatMap { $0.faces.map(\.key) }
            let schedule = try keepAltered(kept, key: keys[0])
            #expect(try StudySetup.progress(store: store, decks: [deck], kept: kept).schedules[keys[0]] == schedule)
            kept.save(first.table, position: first.position)

            // Answers, undos, suspensions and burials since.
            var rng = SeededGenerator(seed: 4)
            let helper = StudySetupProgressTests()
            for round in 0..<6 {
                for _ in 0..<40 {
                    let key = keys.randomElement(using: &rng) ?? keys[0]
                    switch Int.random(in: 0..<10, using: &rng) {
                    case 0..<5: try store.record(helper.answer(key, file: deck.file, Int.random(in: 0..<100, using: &rng)))
                    case 5..<7: _ = try store.undoLast(at: Self.now)
                    case 7: _ = try store.suspend(key: key, at: Self.now)
                    case 8: _ = try store.unsuspend(key: key, at: Self.now)
                    default: _ = try store.bury(key: key, until: Self.now.addingTimeInterval(3600), at: Self.now)
                    }
                }
                try expectSameSnapshot(store, deck, kept, "round \(round)")
            }
            // Fewer than `keptChangesKept` changed cards: the file stays as it was.
            #expect(kept.load()?.position == first.position)

            // Many changed cards: the table is kept anew.
            try store.record(keys.prefix(StudySetup.keptChangesKept + 10).enumerated().map {
                helper.answer($0.element, file: deck.file, $0.offset + 3)
            })
            try expectSameSnapshot(store, deck, kept, "many answers")
            let now = try #require(try store.forEachProgressByKeyBytes { _, _ in })
            #expect(kept.load()?.position == now)
        }
    }

    /// A read begun ahead (while the decks are read, before the store is
    /// opened) gives what a read then would, and is used for its own
    /// store file only.
    @Test func aReadBegunAheadIsUsedForItsOwnStoreOnly() throws {
        try withFolder { folder in
            let (store, deck, kept) = try setUp(folder)
            let index = folder.appendingPathComponent("index").path
            #expect(kept.readingAhead().load() == nil, "no file yet")
            try expectSameSnapshot(store, deck, kept, "no file yet")
            let keys = deck.cards.flatMap { $0.faces.map(\.key) }
            let schedule = try keepAltered(kept, key: keys[0])

            let ahead = try #require(StudySetup.keptSchedules(of: store.path, ahead: kept.readingAhead(), indexDirectory: index))
            #expect(ahead.isReadAhead)
            let readAhead = try #require(ahead.load())
            let readNow = try #require(kept.load())
            #expect(readAhead.table == readNow.table)
            #expect(readAhead.position == readNow.position)
            #expect(try StudySetup.progress(store: store, decks: [deck], kept: ahead).schedules[keys[0]] == schedule)

            // Another store file, with the same cards and answers.
            let otherFolder = folder.appendingPathComponent("other")
            try FileManager.default.createDirectory(at: otherFolder, withIntermediateDirectories: true)
            let (other, _, _) = try setUp(otherFolder)
            let chosen = try #require(StudySetup.keptSchedules(of: other.path, ahead: kept.readingAhead(), indexDirectory: index))
            #expect(chosen.path != kept.path)
            #expect(!chosen.isReadAhead)
            // Compared first: a failed expectation on the load would print a whole table.
            let nothingKeptForTheOther = chosen.load() == nil
            #expect(nothingKeptForTheOther)
            #expect(try StudySetup.progress(store: other, decks: [deck], kept: chosen).schedules[keys[0]] != schedule)
            #expect(StudySetup.keptSchedules(of: ":memory:", ahead: kept.readingAhead(), indexDirectory: index) == nil)

            // The store file replaced after the read began (a restored copy:
            // another file under the same name) gets kept schedules of its own.
            let begun = kept.readingAhead()
            let copy = folder.appendingPathComponent("restored.sqlite").path
            try FileManager.default.copyItem(atPath: store.path, toPath: copy)
            #expect(rename(copy, store.path) == 0)
            let afterReplace = try #require(StudySetup.keptSchedules(of: store.path, ahead: begun, indexDirectory: index))
            #expect(!afterReplace.isReadAhead)
        }
    }

    /// A start on part of the store (one deck file of ten) reads the kept
    /// table when that costs less than looking its faces up, gives each of
    /// its faces what the look-ups give, and keeps nothing anew; a start
    /// on a few cards looks them up.
    @Test func aPartOfTheStoreTakesTheKeptTableWhenItPays() throws {
        try withFolder { folder in
            let (store, deck, kept) = try setUp(folder)
            try expectSameSnapshot(store, deck, kept, "no file yet")
            let keys = deck.cards.flatMap { $0.faces.map(\.key) }
            let schedule = try keepAltered(kept, key: keys[0])
            let written = try #require(kept.load()?.position)

            var part = deck
            part.cards = Array(deck.cards.prefix(1_000))
            #expect(!(try store.scanPays(forKeys: part.cards.count)))
            #expect(kept.pays(forCards: part.cards.count))
            // The kept table is what this start reads: the altered schedule.
            #expect(try StudySetup.progress(store: store, decks: [part], kept: kept).schedules[keys[0]] == schedule)
            kept.save(try #require(kept.load()?.table).following(facesOf: [deck]), position: written)

            // A few cards are looked up: the kept file is not read. (A card
            // with progress, answered before the file was written: through
            // the file it would show the altered schedule.)
            let whole = try StudySetup.progress(store: store, decks: [deck])
            let card = try #require(deck.cards.last { whole.schedules[$0.faces[0].key] != nil })
            var few = deck
            few.cards = [card]
            #expect(!kept.pays(forCards: few.cards.count))
            let alteredOfFew = try keepAltered(kept, key: card.faces[0].key)
            #expect(try StudySetup.progress(store: store, decks: [few], kept: kept).schedules[card.faces[0].key] != alteredOfFew)
            #expect(try StudySetup.progress(store: store, decks: [few], kept: kept).schedules[card.faces[0].key] == whole.schedules[card.faces[0].key])

            // A face of the part with a kept schedule that no answer below
            // touches, altered in the file: through the file, the part
            // shows the altered schedule.
            let helper = StudySetupProgressTests()
            let partKeys = part.cards.flatMap { $0.faces.map(\.key) }
            let table = try #require(kept.load()?.table)
            let untouched = try #require(partKeys.last { table[$0] != nil })
            let altered = try keepAltered(kept, key: untouched)
            // Keys answered one each, so that each is one changed card.
            let answered = partKeys.filter { !$0.hasSuffix("/reverse") && $0 != untouched }
            func answer(_ keys: ArraySlice<String>, from offset: Int) throws {
                try store.record(keys.enumerated().map { helper.answer($0.element, file: deck.file, $0.offset + offset) })
            }
            /// The part through the file, each of its faces but `untouched`
            /// checked against its look-ups.
            func throughKeptAsLookedUp(_ what: Comment) throws -> ProgressSnapshot {
                let lookedUp = try StudySetup.progress(store: store, decks: [part])
                let throughKept = try StudySetup.progress(store: store, decks: [part], kept: kept)
                for key in partKeys where key != untouched {
                    #expect(throughKept.schedules[key] == lookedUp.schedules[key], "\(key), \(what)")
                    #expect(throughKept.suspended.contains(key) == lookedUp.suspended.contains(key), "\(key), \(what)")
                    #expect(throughKept.buriedUntil[key] == lookedUp.buriedUntil[key], "\(key), \(what)")
                }
                return throughKept
            }

            // Answers, a suspension and a burial since, on 200 cards.
            try answer(answered.prefix(200), from: 7)
            _ = try store.suspend(key: answered[3], at: Self.now)
            _ = try store.bury(key: answered[5], until: Self.now.addingTimeInterval(3600), at: Self.now)
            #expect(try throughKeptAsLookedUp("200 changed").schedules[untouched] == altered)
            // Up to `keptChangesKept` changed cards the part reads the file,
            // and keeps nothing anew.
            try answer(answered[200..<StudySetup.keptChangesKept], from: 300)
            #expect(try throughKeptAsLookedUp("\(StudySetup.keptChangesKept) changed").schedules[untouched] == altered)
            #expect(kept.load()?.position == written)
            // One more, and the part looks its faces up.
            try answer(answered[StudySetup.keptChangesKept...StudySetup.keptChangesKept], from: 900)
            #expect(try throughKeptAsLookedUp("one more").schedules[untouched] != altered)
            #expect(kept.load()?.position == written)

        }
    }

    /// A store of two deck files, a.deck (`keysWorthAScan` × 2 cards, every
    /// other face answered) and b.deck (a quarter of that, every third),
    /// and its schedules kept by a start on both: in a section each.
    /// `contentHashes`: the files' content hashes that start loaded them
    /// with (none by default).
    func twoFiles(_ folder: URL, contentHashes: [String: UInt64] = [:]) throws -> (
        store: ProgressStore, a: Deck, b: Deck, kept: KeptSchedules
    ) {
        let helper = StudySetupProgressTests()
        let size = ProgressStore.keysWorthAScan * 2
        let a = helper.deck(size, file: "decks/a.deck", words: "а")
        let b = helper.deck(size / 4, file: "decks/b.deck", words: "б")
        let store = try ProgressStore(path: folder.appendingPathComponent("p.sqlite").path)
        for (deck, every) in [(a, 2), (b, 3)] {
            let keys = deck.cards.flatMap { $0.faces.map(\.key) }
            try store.record(
                keys.enumerated().filter { $0.offset % every == 0 }.map { helper.answer($0.element, file: deck.file, $0.offset) })
        }
        try store.register(EffectPerformer.registry([a, b]), at: Self.now)
        let kept = try #require(
            KeptSchedules(storePath: store.path, indexDirectory: folder.appendingPathComponent("index").path))
        // The whole collection: every row read, the table kept in sections.
        _ = try StudySetup.progress(store: store, decks: [a, b], kept: kept, contentHashes: contentHashes)
        return (store, a, b, kept)
    }

    /// A start on some deck files reads their sections of the kept table
    /// only: the table it reads holds their faces' entries and no other
    /// file's, with the schedules the whole table holds, and the snapshot
    /// is what looking them up gives.
    @Test func aStartOnOneFileReadsItsSection() throws {
        try withFolder { folder in
            let (store, a, b, kept) = try twoFiles(folder)
            let keysA = a.cards.flatMap { $0.faces.map(\.key) }
            let keysB = b.cards.flatMap { $0.faces.map(\.key) }
            let whole = try #require(kept.load())
            let part = try #require(kept.load(sectionsOf: [StoredDeckFile.of(b.file)]))
            #expect(part.position == whole.position)
            #expect(part.table.hasEntries(forFacesOf: [b]))
            // Kept without the files' content hashes: none to compare.
            #expect(part.sectionStamps.isEmpty)
            for key in keysB { #expect(part.table[key] == whole.table[key], "\(key)") }
            for key in keysA.prefix(50) {
                let bytes = Array(key.utf8)
                #expect(!bytes.withUnsafeBufferPointer { part.table.hasEntry($0) }, "\(key) of a.deck read for b.deck")
            }
            // Begun ahead for b.deck alone (a fifth of the table), its
            // section is read; for a.deck (most of it), the whole table.
            let aheadB = kept.readingAhead(files: [StoredDeckFile.of(b.file)])
            #expect(aheadB.aheadSections == [StoredDeckFile.of(b.file)])
            #expect(aheadB.load(sectionsOf: [StoredDeckFile.of(b.file)])?.table == part.table)
            #expect(aheadB.load()?.table == whole.table)
            let aheadA = kept.readingAhead(files: [StoredDeckFile.of(a.file)])
            #expect(aheadA.aheadSections == nil)
            #expect(aheadA.load()?.table == whole.table)
            #expect(kept.readingAhead(files: [StoredDeckFile.of("decks/c.deck")]).aheadSections == nil)
            // No section for a file the kept table does not hold.
            #expect(kept.load(sectionsOf: [StoredDeckFile.of("decks/c.deck")]) == nil)
            // The part's snapshot through its section is its look-ups'.
            #expect(!(try store.scanPays(forKeys: b.cards.count)))
            let lookedUp = try StudySetup.progress(store: store, decks: [b])
            let throughSection = try StudySetup.progress(store: store, decks: [b], kept: kept)
            for key in keysB { #expect(throughSection.schedules[key] == lookedUp.schedules[key], "\(key)") }
            // A byte changed in a.deck's section (the file's middle: its
            // section is most of the file): that section and the whole
            // table are not read, b.deck's section still is.
            let file = try #require(FileManager.default.contents(atPath: kept.path))
            var damaged = file
            damaged[damaged.count / 2] ^= 0x40
            try damaged.write(to: URL(fileURLWithPath: kept.path))
            #expect(kept.load(sectionsOf: [StoredDeckFile.of(a.file)]) == nil)
            #expect(kept.load() == nil)
            #expect(kept.load(sectionsOf: [StoredDeckFile.of(b.file)])?.table == part.table)
        }
    }

    /// A card with progress moved into the file studied after the table
    /// was kept is in another file's section: the start does not take the
    /// section, and the card keeps its progress.
    @Test func aCardMovedIntoTheFileKeepsItsProgress() throws {
        try withFolder { folder in
            var (store, a, b, kept) = try twoFiles(folder)
            #expect(kept.load(sectionsOf: [StoredDeckFile.of(b.file)]) != nil)
            // An answered card of a.deck, now written in b.deck.
            let ofA = try StudySetup.progress(store: store, decks: [a])
            let moved = try #require(a.cards.first { ofA.schedules[$0.faces[0].key] != nil })
            b.cards.append(moved)
            let key = moved.faces[0].key
            let expected = try #require(ofA.schedules[key])
            #expect(try StudySetup.progress(store: store, decks: [b], kept: kept).schedules[key] == expected)
        }
    }

    /// A section is kept with its file's content hash as loaded. A start
    /// on that file with the same hash takes the section without looking
    /// each face up (`StudySetup.sectionsHoldEveryFace`): the same bytes
    /// are the same faces. With another hash (the file edited: here a card
    /// with progress moved into it) every face is looked up, and the moved
    /// card keeps its progress; claimed unchanged, the section is taken as
    /// it is, which shows the hash alone decided.
    @Test func aSectionKeptWithItsFilesHashIsTakenWhileTheHashHolds() throws {
        try withFolder { folder in
            let hashes = ["decks/a.deck": UInt64(0xA11), "decks/b.deck": UInt64(0xB22)]
            var (store, a, b, kept) = try twoFiles(folder, contentHashes: hashes)
            let part = try #require(kept.load(sectionsOf: [StoredDeckFile.of(b.file)]))
            let stampB = try #require(StudySetup.sectionStamp(of: b, contentHashes: hashes))
            #expect(part.sectionStamps == [StoredDeckFile.of(b.file): stampB])
            #expect(kept.load(sectionsOf: [StoredDeckFile.of(a.file), StoredDeckFile.of(b.file)])?.sectionStamps.count == 2)
            let keysB = b.cards.flatMap { $0.faces.map(\.key) }
            let lookedUp = try StudySetup.progress(store: store, decks: [b])
            let unchanged = try StudySetup.progress(store: store, decks: [b], kept: kept, contentHashes: hashes)
            for key in keysB { #expect(unchanged.schedules[key] == lookedUp.schedules[key], "\(key)") }

            let ofA = try StudySetup.progress(store: store, decks: [a])
            let moved = try #require(a.cards.first { ofA.schedules[$0.faces[0].key] != nil })
            b.cards.append(moved)
            let key = moved.faces[0].key
            let expected = try #require(ofA.schedules[key])
            var edited = hashes
            edited["decks/b.deck"] = 0xB23
            #expect(try StudySetup.progress(store: store, decks: [b], kept: kept, contentHashes: edited).schedules[key] == expected)
            #expect(try StudySetup.progress(store: store, decks: [b], kept: kept, contentHashes: hashes).schedules[key] == nil)
            // Unknown now, the file's faces are looked up as well.
            #expect(try StudySetup.progress(store: store, decks: [b], kept: kept).schedules[key] == expected)
        }
    }

    /// A file store of one deck file of more than `keysWorthAScan` cards,
    /// half its faces answered, one suspended and one buried, beside a
    /// file of 20,000 answered cards: a start on the first looks its faces
    /// up (`scanPays` is false).
    func oneFileOfALargeStore(_ folder: URL) throws -> (store: ProgressStore, loaded: Deck, other: Deck, kept: KeptSchedules) {
        let helper = StudySetupProgressTests()
        let loaded = helper.deck(ProgressStore.keysWorthAScan + 50, file: "decks/a.deck")
        let other = helper.deck(20_000, file: "decks/other.deck", words: " басқа")
        let store = try ProgressStore(path: folder.appendingPathComponent("p.sqlite").path)
        let keys = loaded.cards.flatMap { $0.faces.map(\.key) }
        var answers = keys.enumerated().filter { $0.offset % 2 == 0 }.map { helper.answer($0.element, file: loaded.file, $0.offset) }
        answers += other.cards.enumerated().map { helper.answer($0.element.faces[0].key, file: other.file, $0.offset) }
        try store.record(answers)
        try store.register(EffectPerformer.registry([loaded, other]), at: Self.now)
        try store.suspend(key: keys[1], at: Self.now)
        try store.bury(key: keys[4], until: Self.now.addingTimeInterval(3600), at: Self.now)
        #expect(try !store.scanPays(forKeys: loaded.cards.count))
        let kept = try #require(
            KeptSchedules(storePath: store.path, indexDirectory: folder.appendingPathComponent("index").path))
        return (store, loaded, other, kept)
    }

    /// A student whose starts all name one deck file of a large store: the
    /// first start looks the file's faces up and keeps their section alone
    /// (no table of the whole store was kept); the next reads it, with the
    /// cards answered since on top, and sees what looking them up gives. A
    /// start on most of the store keeps the whole table over it, and a
    /// start on the file that cannot use its section leaves that table.
    @Test func aStartOnOneFileOfALargeStoreKeepsItsSection() throws {
        try withFolder { folder in
            var (store, loaded, other, kept) = try oneFileOfALargeStore(folder)
            let hashes = [loaded.file: UInt64(0xA1), other.file: UInt64(0x0E)]
            let file = StoredDeckFile.of(loaded.file)
            let keys = loaded.cards.flatMap { $0.faces.map(\.key) }
            func expectLookedUp(_ snapshot: ProgressSnapshot, _ what: Comment) throws {
                let lookedUp = try StudySetup.progress(store: store, decks: [loaded])
                var same = 0
                for key in keys where snapshot.schedules[key] == lookedUp.schedules[key] { same += 1 }
                #expect(same == keys.count, what)
                #expect(snapshot.suspended == lookedUp.suspended && snapshot.buriedUntil == lookedUp.buriedUntil, what)
                #expect(lookedUp.suspended.count == 1 && lookedUp.buriedUntil.count == 1)
            }
            #expect(kept.coverage() == .none)
            var basis: StudySetup.KeptBasis?
            let first = try StudySetup.progress(store: store, decks: [loaded], kept: kept, contentHashes: hashes, basis: &basis)
            try expectLookedUp(first, "the start that looked them up")
            #expect(kept.coverage() == .sectionsOf([file]))
            #expect(basis?.keptAnew != nil && basis?.keptAnew == basis?.position)
            #expect(kept.load() == nil, "a table of one file's section is no table of the store")
            let stamp = try #require(StudySetup.sectionStamp(of: loaded, contentHashes: hashes))
            #expect(kept.load(sectionsOf: [file])?.sectionStamps == [file: stamp])
            #expect(kept.readingAhead(files: [file]).aheadSections == [file])

            // The next start reads the section, and what was answered since.
            try store.record(keys.prefix(9).enumerated().map { StudySetupProgressTests().answer($0.element, file: loaded.file, $0.offset + 3) })
            basis = nil
            let second = try StudySetup.progress(store: store, decks: [loaded], kept: kept, contentHashes: hashes, basis: &basis)
            try expectLookedUp(second, "through the kept section")
            #expect(basis != nil && basis?.keptAnew == nil && basis?.changed.count == 9)

            // A start on most of the store keeps the whole table over it.
            _ = try StudySetup.progress(store: store, decks: [loaded, other], kept: kept, contentHashes: hashes)
            #expect(kept.coverage() == .wholeStore)
            // A card moved into the file: its section cannot serve; looked
            // up, the whole table is left as it is.
            let moved = try #require(other.cards.first)
            loaded.cards.append(moved)
            var edited = hashes
            edited[loaded.file] = 0xA2
            basis = nil
            let afterMove = try StudySetup.progress(store: store, decks: [loaded], kept: kept, contentHashes: edited, basis: &basis)
            #expect(afterMove.schedules[moved.faces[0].key] != nil)
            #expect(kept.coverage() == .wholeStore)
        }
    }

    /// Which kept file a start on some files' look-ups writes its sections
    /// over: none usable, or the same files' sections; never a table of
    /// the whole store or another selection's sections.
    @Test func sectionsAreKeptOverNothingOrTheSameFilesOnly() {
        let files: Set<String> = ["a.deck", "b.deck"]
        #expect(StudySetup.keepsSections(of: files, coverage: .none))
        #expect(StudySetup.keepsSections(of: files, coverage: .sectionsOf(files)))
        #expect(!StudySetup.keepsSections(of: files, coverage: .sectionsOf(["a.deck"])))
        #expect(!StudySetup.keepsSections(of: files, coverage: .sectionsOf(["c.deck"])))
        #expect(!StudySetup.keepsSections(of: files, coverage: .wholeStore))
    }

    /// A deck file read through a link of another name is the same stored
    /// file (its resolved path) but gives its own ids' keys another
    /// namespace (`CardID.defaultNamespace`): a section kept by a start
    /// through the file's own name is not taken as it is for a start
    /// through the link, whose faces (answered through the link before)
    /// are looked up and keep their progress. The stamp
    /// (`StudySetup.sectionStamp`) holds the name's namespace beside the
    /// content hash; the content hash alone would have taken the section.
    @Test func aSectionIsNotTakenForTheSameFileReadThroughALinkOfAnotherName() throws {
        try withFolder { folder in
            let helper = StudySetupProgressTests()
            let decks = folder.appendingPathComponent("decks")
            try FileManager.default.createDirectory(at: decks, withIntermediateDirectories: true)
            let real = decks.appendingPathComponent("course.deck").path
            let link = decks.appendingPathComponent("current.deck").path
            let text = (0..<(ProgressStore.keysWorthAScan + 50)).map { "Q: сұрақ \($0)?\nA: жауап \($0)\nid: q\($0)\n" }
                .joined(separator: "\n")
            try Data(text.utf8).write(to: URL(fileURLWithPath: real))
            try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: real)
            let byName = DeckParser.parse(Array(text.utf8), file: real).deck
            let byLink = DeckParser.parse(Array(text.utf8), file: link).deck
            #expect(StoredDeckFile.of(real) == StoredDeckFile.of(link))
            let linkKeys = byLink.cards.flatMap { $0.faces.map(\.key) }
            #expect(Set(linkKeys).isDisjoint(with: byName.cards.flatMap { $0.faces.map(\.key) }))
            let other = helper.deck(20_000, file: "decks/other.deck", words: " басқа")
            let store = try ProgressStore(path: folder.appendingPathComponent("p.sqlite").path)
            var answers = linkKeys.enumerated().filter { $0.offset % 2 == 0 }.map { helper.answer($0.element, file: link, $0.offset) }
            answers += other.cards.enumerated().map { helper.answer($0.element.faces[0].key, file: other.file, $0.offset) }
            try store.record(answers)
            #expect(try !store.scanPays(forKeys: byLink.cards.count))
            let kept = try #require(
                KeptSchedules(storePath: store.path, indexDirectory: folder.appendingPathComponent("index").path))
            let hashes = [real: UInt64(0xC0), link: UInt64(0xC0)]
            #expect(StudySetup.sectionStamp(of: byName, contentHashes: hashes) != StudySetup.sectionStamp(of: byLink, contentHashes: hashes))

            _ = try StudySetup.progress(store: store, decks: [byName], kept: kept, contentHashes: hashes)
            #expect(kept.coverage() == .sectionsOf([StoredDeckFile.of(real)]))
            let throughLink = try StudySetup.progress(store: store, decks: [byLink], kept: kept, contentHashes: hashes)
            let lookedUp = try StudySetup.progress(store: store, decks: [byLink])
            var same = 0
            for key in linkKeys where throughLink.schedules[key] == lookedUp.schedules[key] { same += 1 }
            #expect(same == linkKeys.count)
            #expect(linkKeys.filter { throughLink.schedules[$0] != nil }.count == (linkKeys.count + 1) / 2)
        }
    }

    @Test func aRebuildOrAFileNotAsWrittenIsNotUsed() throws {
        try withFolder { folder in
            let (store, deck, kept) = try setUp(folder)
            try expectSameSnapshot(store, deck, kept, "no file yet")
            let keys = deck.cards.flatMap { $0.faces.map(\.key) }
            let original = try Data(contentsOf: URL(fileURLWithPath: kept.path))

            // A rebuild changes rows without an entry in the log: a kept
            // table unlike the rows (as a rebuild may make them) is not
            // used after it.
            let schedule = try keepAltered(kept, key: keys[0])
            #expect(try StudySetup.progress(store: store, decks: [deck], kept: kept).schedules[keys[0]] == schedule)
            try store.rebuildState()
            #expect(kept.load() != nil)
            try expectSameSnapshot(store, deck, kept, "after a rebuild")
            #expect(try StudySetup.progress(store: store, decks: [deck], kept: kept).schedules[keys[0]] != schedule)

            // Bytes changed anywhere in the table, or the file cut short.
            let written = try Data(contentsOf: URL(fileURLWithPath: kept.path))
            for offset in [written.count / 3, written.count - 1] {
                var damaged = written
                damaged[offset] ^= 0x40
                try damaged.write(to: URL(fileURLWithPath: kept.path))
                #expect(kept.load() == nil, "byte \(offset)")
            }
            try written.prefix(written.count - 8).write(to: URL(fileURLWithPath: kept.path))
            #expect(kept.load() == nil)
            // Parts said to be near `Int.max` bytes long, the rest of the
            // header as written: refused, their sizes never added.
            let lengthAt = KeptSchedules.magic.count
            let headerLength = (0..<8).reduce(0) { $0 | Int(written[lengthAt + $1]) << (8 * $1) }
            let headerAt = lengthAt + 8
            var forged = try #require(
                Array(written[headerAt..<headerAt + headerLength]).withUnsafeBufferPointer { KeptSchedules.Header($0) })
            #expect(forged.parts.count == 3)
            for part in 0..<2 { forged.parts[part].size = 1 << 62 }
            let forgedBytes = forged.bytes
            var huge = Data(KeptSchedules.magic)
            huge.append(contentsOf: (0..<8).map { UInt8(truncatingIfNeeded: forgedBytes.count >> (8 * $0)) })
            huge.append(contentsOf: forgedBytes)
            huge.append(written[(headerAt + headerLength)...])
            try huge.write(to: URL(fileURLWithPath: kept.path))
            #expect(kept.load() == nil)
            try Data("jatta schedules\n".utf8).write(to: URL(fileURLWithPath: kept.path))
            #expect(kept.load() == nil)
            try expectSameSnapshot(store, deck, kept, "damaged")

            // Another build's file, or another store file at the same path.
            try original.write(to: URL(fileURLWithPath: kept.path))
            var foreign = original
            // The stamp after the header's length and its own (one byte
            // below 128).
            #expect(DeckLoading.stamp.utf8.count < 128)
            let stampStart = KeptSchedules.magic.count + 8 + 1
            foreign[stampStart] ^= 0x01
            try foreign.write(to: URL(fileURLWithPath: kept.path))
            #expect(kept.load() == nil)
            try written.write(to: URL(fileURLWithPath: kept.path))
            #expect(kept.load() != nil)
            let moved = folder.appendingPathComponent("p2.sqlite")
            try FileManager.default.copyItem(at: URL(fileURLWithPath: store.path), to: moved)
            let elsewhere = try #require(KeptSchedules(storePath: moved.path, indexDirectory: folder.appendingPathComponent("index").path))
            #expect(elsewhere.path != kept.path)
            #expect(elsewhere.load() == nil)
        }
    }

    @Test func noKeptSchedulesWithoutAFolderOrAFile() throws {
        try withFolder { folder in
            let store = folder.appendingPathComponent("p.sqlite")
            try Data().write(to: store)
            let index = folder.appendingPathComponent("index").path
            // The same store file with a folder has kept schedules: each
            // nil below is for the one thing missing.
            #expect(KeptSchedules(storePath: store.path, indexDirectory: index) != nil)
            #expect(KeptSchedules(storePath: store.path, indexDirectory: nil) == nil)
            #expect(KeptSchedules(storePath: ":memory:", indexDirectory: index) == nil)
            #expect(KeptSchedules(storePath: folder.appendingPathComponent("none.sqlite").path, indexDirectory: index) == nil)
            #expect(KeptSchedules(storePath: folder.path, indexDirectory: index) == nil)
        }
    }
}
