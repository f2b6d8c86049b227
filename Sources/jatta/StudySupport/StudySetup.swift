import DeckFormat
import DeckIndex
import FSRS
import Foundation
import ReviewStore
import Study

/// Reads what a study session starts from: the decks and the student's
/// progress on them.
enum StudySetup {
    /// The progress on every face of `decks`, and today's counts for the
    /// daily limits (today = since the last rollover).
    /// The schedules of a large collection come through the table kept by
    /// the last start (`KeptSchedules`) when there is one.
    /// `kept`: the kept schedules of the store, their read begun ahead
    /// (`keptSchedules(of:)`); used only when they are this store's.
    /// `contentHashes`: the decks' files' content hashes as loaded
    /// (`DeckLibrary.Result.contentHashes`), kept with their sections.
    static func snapshot(
        store: ProgressStore, decks: [Deck], dayStart: Date, now: Date, kept ahead: KeptSchedules? = nil,
        contentHashes: [String: UInt64] = [:]
    ) throws -> ProgressSnapshot {
        var basis: KeptBasis?
        return try snapshot(
            store: store, decks: decks, dayStart: dayStart, now: now, kept: ahead, contentHashes: contentHashes,
            basis: &basis)
    }

    /// `snapshot`, telling in `basis` what it read of the kept schedules.
    static func snapshot(
        store: ProgressStore, decks: [Deck], dayStart: Date, now: Date, kept ahead: KeptSchedules?,
        contentHashes: [String: UInt64] = [:], basis: inout KeptBasis?
    ) throws -> ProgressSnapshot {
        // A card renamed by its deck (an `id:` added) keeps its progress.
        try CardAdoption.run(store: store, decks: decks, at: now)
        let kept = keptSchedules(of: store.path, ahead: ahead)
        var snapshot = try progress(
            store: store, decks: decks, kept: kept, contentHashes: contentHashes, basis: &basis)
        let today = try store.studiedCounts(from: dayStart, to: now.addingTimeInterval(1))
        snapshot.newStudiedToday = today.newCards
        snapshot.reviewsDoneToday = today.reviews
        snapshot.failures = try store.failures(since: min(dayStart, now.addingTimeInterval(-CustomStudy.week)))
        return snapshot
    }

    /// The schedules and flags of every face of `decks`, read without
    /// writing anything (`jatta find` reads a store it must not change).
    ///
    /// When the decks hold most of the store's faces the whole state table
    /// is read, row by row, straight into the snapshot: rows of faces not
    /// loaded are kept too, which changes nothing, as every use of a
    /// snapshot looks a face up by its key. Building a set of 100,000 keys
    /// to leave them out, and a dictionary copied again into the snapshot,
    /// was a sixth of a start; the keys go into the snapshot's table
    /// (`ScheduleTable`) as bytes. When they hold few of them (one deck file of
    /// ten) only their rows are read: through the registry's rows of their
    /// files, or else key by key (`ProgressStore.scanPays`,
    /// `forEachProgress(of:registeredUnder:_:)`).
    ///
    /// With `kept`, the whole table comes from the table kept by an earlier
    /// start, brought up to date with the state rows of the cards answered
    /// since (at most `keptChangesRead`), and the hidden faces from the
    /// store's small index of them; the table is kept anew after a read of
    /// every row, or once `keptChangesKept` cards changed since it was. A
    /// start on few of the store's faces takes its files' sections of the
    /// kept table, or the whole table when that costs less than their
    /// look-ups (`KeptSchedules.pays`); having looked them up, it keeps
    /// their sections alone when no table of the whole store is kept
    /// (`keepsSections`).
    static func progress(
        store: ProgressStore, decks: [Deck], kept: KeptSchedules? = nil, contentHashes: [String: UInt64] = [:]
    ) throws -> ProgressSnapshot {
        var basis: KeptBasis?
        return try progress(store: store, decks: decks, kept: kept, contentHashes: contentHashes, basis: &basis)
    }

    /// What a start read of the kept schedules, for the kept queue
    /// (`KeptQueueFile`), which goes with them.
    struct KeptBasis {
        /// The position the kept schedules were read at.
        var position: ProgressStore.LogPosition
        /// The keys of the cards changed since, read on top of them.
        var changed: [String]
        /// The position the start kept them anew at, if it did.
        var keptAnew: ProgressStore.LogPosition?
    }

    /// `progress`, telling in `basis` what it read of the kept schedules
    /// (nil when it read none and kept none).
    static func progress(
        store: ProgressStore, decks: [Deck], kept: KeptSchedules?, contentHashes: [String: UInt64] = [:],
        basis: inout KeptBasis?
    ) throws -> ProgressSnapshot {
        var snapshot = ProgressSnapshot()
        func hide(_ key: String, _ p: CardProgress) {
            if p.suspended { snapshot.suspended.insert(key) }
            if let until = p.buriedUntil { snapshot.buriedUntil[key] = until }
        }
        func add(_ key: String, _ p: CardProgress) {
            if let schedule = p.schedule { snapshot.schedules[key] = schedule }
            hide(key, p)
        }
        /// A kept table (whole or in part), with the cards changed since.
        func take(_ table: ScheduleTable, at position: ProgressStore.LogPosition, _ changes: ProgressStore.ProgressChanges) {
            basis = KeptBasis(position: position, changed: changes.changed.map(\.key))
            snapshot.schedules = table
            for (key, p) in changes.changed { snapshot.schedules[key] = p?.schedule }
            for (key, p) in changes.hidden { hide(key, p) }
        }
        // Every card has at least one face.
        let cards = decks.reduce(0) { $0 + $1.cards.count }
        let scan = try store.scanPays(forKeys: cards)
        // A start on some deck files of the store reads their sections of
        // the kept table only, when each has one and it holds every face
        // studied (a card moved into a file since is not in its section).
        // A part reads at most `keptChangesKept` changes on top of it: it
        // never keeps the whole table anew, so a student studying one file
        // would otherwise read more and more of them (past them, its faces
        // are looked up, and kept as sections of their own when the kept
        // file holds only theirs: `keepsSections`).
        if !scan, let kept, let (table, position, keptStamps) = kept.load(sectionsOf: decks.map { StoredDeckFile.of($0.file) }),
            sectionsHoldEveryFace(of: decks, table, keptStamps: keptStamps, contentHashes: contentHashes),
            let changes = try store.progressChanges(since: position, limit: keptChangesKept)
        {
            take(table, at: position, changes)
            return snapshot
        }
        // The kept table holds every face of the store: used for a start on
        // part of it too when reading it costs less than looking each face
        // up (`KeptSchedules.pays`). Kept anew only by a start on most of
        // the store, in that start's order.
        if let kept, scan || kept.pays(forCards: cards), let (table, position) = kept.load(),
            let changes = try store.progressChanges(since: position, limit: scan ? keptChangesRead : keptChangesKept)
        {
            take(table, at: position, changes)
            if scan, changes.changed.count >= keptChangesKept {
                save(snapshot.schedules, of: decks, to: kept, position: changes.position, contentHashes: contentHashes)
                basis?.keptAnew = changes.position
            }
            return snapshot
        }
        if scan {
            // Keys go into the table as bytes; a string is made only for
            // the few suspended or buried faces. Sized here, not before the
            // kept table is tried: that table replaces this one whole, so
            // sizing it first was work thrown away.
            snapshot.schedules.reserveCapacity(cards)
            var hidden: [(String, CardProgress)] = []
            var position: ProgressStore.LogPosition?
            try snapshot.schedules.fill { add in
                position = try store.forEachProgressByKeyBytes { key, p in
                    if let schedule = p.schedule { add(key, schedule) }
                    if p.suspended || p.buriedUntil != nil { hidden.append((String(decoding: key, as: UTF8.self), p)) }
                }
            }
            for (key, p) in hidden { hide(key, p) }
            // Kept in the order the start's walks take, for the next start.
            if let kept, let position {
                save(snapshot.schedules, of: decks, to: kept, position: position, contentHashes: contentHashes)
                basis = KeptBasis(position: position, changed: [], keptAnew: position)
            }
        } else {
            snapshot.schedules.reserveCapacity(cards)
            let keys = decks.flatMap { $0.cards.flatMap { $0.faces.map(\.key) } }
            // Through the registry's rows of the decks' files when every
            // face is registered there (one range each), else key by key.
            let files = Set(decks.map { StoredDeckFile.of($0.file) })
            // The rows of that read are kept aside until it is known to
            // have met every face: the look-ups run in a read of their own,
            // after which another terminal may have undone, unburied or
            // unsuspended a card the first read handed over.
            var registered: [(key: String, progress: CardProgress)] = []
            var position: ProgressStore.LogPosition?
            if try store.forEachProgress(of: keys, registeredUnder: files, position: &position, { registered.append(($0, $1)) }) {
                for row in registered { add(row.key, row.progress) }
            } else {
                try store.forEachProgress(of: keys, position: &position, add)
            }
            // Their sections kept for the next start on them, when no table
            // of the whole store is kept (`keepsSections`).
            if let kept, let position, cards > ProgressStore.keysWorthAScan,
                keepsSections(of: files, coverage: kept.coverage())
            {
                save(
                    snapshot.schedules, of: decks, to: kept, position: position, contentHashes: contentHashes,
                    coversStore: false)
                basis = KeptBasis(position: position, changed: [], keptAnew: position)
            }
        }
        return snapshot
    }

    /// Whether a start on the deck files `files` (by the names
    /// `StoredDeckFile` gives), having looked up their faces' progress, keeps
    /// their sections (`KeptSchedules.save` of some files only) in a kept
    /// file that now holds `coverage`. A student whose starts all name one
    /// deck file of ten never had a kept table (one is kept by a start on
    /// most of the store), and each start looked up that file's 12,000
    /// faces: 28.6 ms at 100,000 cards, against 13.4 through a kept
    /// section. Kept when there is no usable file, or one of the same
    /// files' sections that could not serve (more than `keptChangesKept`
    /// cards answered since, a card moved into a file); a table of the whole
    /// store is left for the starts on most of it, and another selection's
    /// sections for that selection, so that two selections taking turns do
    /// not write the file at each start.
    static func keepsSections(of files: Set<String>, coverage: KeptSchedules.Coverage) -> Bool {
        switch coverage {
        case .none: true
        case .wholeStore: false
        case .sectionsOf(let kept): kept == files
        }
    }

    /// Whether the kept sections `table` (`KeptSchedules.load(sectionsOf:)`)
    /// have an entry for every face of `decks`. A section holds every face
    /// its file had when it was kept, so a file whose stamp is the one kept
    /// with its section (`keptStamps`; `sectionStamp` of the file as loaded
    /// now) has the same faces, all there; any other file's faces are
    /// looked up (a card moved into it since is in another file's
    /// section). Looking up the 12,000 faces of one deck file of ten was an
    /// eighth of a start on it at 100,000 cards.
    static func sectionsHoldEveryFace(
        of decks: [Deck], _ table: ScheduleTable, keptStamps: [String: UInt64], contentHashes: [String: UInt64]
    ) -> Bool {
        let changed = decks.filter { deck in
            guard let now = sectionStamp(of: deck, contentHashes: contentHashes),
                let kept = keptStamps[StoredDeckFile.of(deck.file)]
            else { return true }
            return now != kept
        }
        return changed.isEmpty || table.hasEntries(forFacesOf: changed)
    }

    /// What the faces of `deck`'s file follow from, as loaded: its content
    /// hash (`contentHashes`, by path) and the namespace its name gives
    /// cards with an id of their own when it declares none
    /// (`CardID.defaultNamespace`). Sections are named by the file's
    /// resolved path, which a link of another name shares: the same bytes
    /// read through `current.deck` give other keys than through
    /// `lecture-3.deck`. Nil when the content hash is not known.
    static func sectionStamp(of deck: Deck, contentHashes: [String: UInt64]) -> UInt64? {
        guard let hash = contentHashes[deck.file] else { return nil }
        var bytes = withUnsafeBytes(of: hash.littleEndian) { Array($0) }
        bytes += CardID.defaultNamespace(file: deck.file).utf8
        return DeckIndex.contentHash(of: bytes)
    }

    /// Keeps `schedules` in `kept`, in the order the start's walks over
    /// `decks` take, with a section for each deck file whose faces lie
    /// together (`KeptSchedules.load(sectionsOf:)`) and its stamp as
    /// loaded (`sectionStamp`): a file whose decks are apart, or one of
    /// whose keys an earlier file has, gets none.
    static func save(
        _ schedules: ScheduleTable, of decks: [Deck], to kept: KeptSchedules, position: ProgressStore.LogPosition,
        contentHashes: [String: UInt64] = [:], coversStore: Bool = true
    ) {
        let (table, ranges) = schedules.following(facesOfDecks: decks)
        var sections: [(file: String, entries: Range<Int>?, stamp: UInt64?)] = []
        var seen: Set<String> = []
        var apart: Set<String> = []
        for (deck, range) in zip(decks, ranges) {
            let file = StoredDeckFile.of(deck.file)
            if let last = sections.last, last.file == file {
                // The next deck of the same file, right after the last.
                if let joined = last.entries, let range, range.lowerBound == joined.upperBound {
                    sections[sections.count - 1].entries = joined.lowerBound..<range.upperBound
                } else {
                    sections[sections.count - 1].entries = nil
                }
                continue
            }
            if !seen.insert(file).inserted { apart.insert(file) }
            sections.append((file, range, sectionStamp(of: deck, contentHashes: contentHashes)))
        }
        kept.save(
            table, position: position,
            sections: sections.compactMap { section in
                guard let entries = section.entries, !apart.contains(section.file) else { return nil }
                return (section.file, entries, section.stamp)
            }, coversStore: coversStore)
    }

    /// Where the schedules of the store file at `storePath` are kept
    /// between starts, with the deck index in `indexDirectory` (by default
    /// where the environment puts it); nil when nowhere (the deck index
    /// switched off, a store in memory or not yet made). `ahead`, kept
    /// schedules whose read was begun before the store was opened, is
    /// that only when it is for this very store file: a demo's store in
    /// memory or a file replaced since gets its own.
    static func keptSchedules(
        of storePath: String, ahead: KeptSchedules? = nil,
        indexDirectory: String? = DeckLoading.directory(environment: ProcessEnvironment.variables)
    ) -> KeptSchedules? {
        guard let kept = KeptSchedules(storePath: storePath, indexDirectory: indexDirectory) else { return nil }
        if let ahead, ahead.isSame(as: kept) { return ahead }
        return kept
    }

    /// At most this many cards answered since the kept table are read
    /// from the store on top of it; with more, every state row is read.
    static let keptChangesRead = 20_000

    /// Once this many cards changed since the kept table, it is kept anew.
    static let keptChangesKept = 500

    /// The hour at which a study day starts, local time (Anki's default).
    static let rolloverHour = DayCounting.ankiRolloverHour

    /// The scheduler of real sessions: the student's own parameters and
    /// desired retention when `jatta optimize` stored them (else FSRS-6's
    /// defaults), days starting at 4 a.m. local time.
    static func scheduler(timeZone: TimeZone, store: ProgressStore? = nil) throws -> Scheduler {
        var configuration = SchedulerConfiguration(dayCounting: .anki(timeZone: timeZone))
        if let store {
            if let weights = try store.currentParameters()?.parameters { configuration.parameters = weights }
            if let retention = try store.desiredRetention() { configuration.desiredRetention = retention }
        }
        return try Scheduler(configuration)
    }

    /// The start of the current study day and of the next.
    static func day(of now: Date, timeZone: TimeZone) -> (start: Date, end: Date) {
        let today = SchedulerDay.number(of: now, rolloverHour: rolloverHour, timeZone: timeZone)
        return (
            SchedulerDay.start(of: today, rolloverHour: rolloverHour, timeZone: timeZone),
            SchedulerDay.start(of: today + 1, rolloverHour: rolloverHour, timeZone: timeZone)
        )
    }
}
