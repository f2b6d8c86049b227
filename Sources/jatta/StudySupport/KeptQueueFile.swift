import DeckFormat
import DeckIndex
import Foundation
import ReviewStore
import Study

/// The kept queue (`KeptQueue`) of a store's last starts, in a file beside
/// its kept schedules (`KeptSchedules`): a start on the same decks reads
/// today's queue from it instead of walking every face.
///
/// A cache, as the kept schedules are: what a start shows never depends
/// on it. It is used only when written by this very build for this very
/// store file, its bytes hash as written, it was made for the decks the
/// start loaded (`decksStamp`: their files, contents and order) and it
/// goes with the kept schedules the start read (their log position): the
/// cards answered since are then the ones the store names
/// (`StudySetup.KeptBasis`). It is made the second time a start meets the
/// same decks, not the first: after an edit the decks differ at each
/// start while the instructor works, and making it costs about a walk.
///
/// The file: a magic line, the length of the header, the header (the
/// build's stamp, the store's path, device and inode, the log position,
/// the decks' stamp, the start of the study day it was made on, the length
/// and hash of the queue's bytes), then the queue's bytes
/// (`KeptQueue.bytes`); none when the decks were met once.
struct KeptQueueFile: Sendable {
    /// The file.
    let path: String
    /// Its folder.
    let directory: String
    /// The store file, resolved, as the kept schedules name it.
    let storePath: String
    /// That file's device and inode.
    let storeFile: (device: UInt64, inode: UInt64)

    /// The first bytes of the file.
    static let magic = Array("jatta queue\n".utf8)

    /// The kept queue of the store whose schedules `schedules` keeps, for
    /// starts on the decks `selection` names (deck files and folders, as
    /// the command was given them). Each selection has its own file, so a
    /// student who studies one deck file, then all of them, then the one
    /// again finds each one's queue kept instead of replacing one with
    /// the other at every switch (and walking every face twice after it);
    /// the `keptSelections` last used are kept.
    init(_ schedules: KeptSchedules, selection: [String]) {
        storePath = schedules.storePath
        storeFile = schedules.storeFile
        directory = schedules.directory
        let named = selection.map(StoredDeckFile.of).joined(separator: "\n")
        path = (schedules.path as NSString).deletingPathExtension + "." + CacheFile.name(for: named) + ".queue"
    }

    /// How many selections' queues a store keeps: the least recently made
    /// go when a new one is made.
    static let keptSelections = 4

    /// What the file holds.
    struct Contents: Sendable {
        /// The kept schedules' position it goes with.
        var position: ProgressStore.LogPosition
        /// The decks it was made for (`decksStamp`).
        var decks: UInt64
        /// The start of the study day of the start that made it (or marked
        /// the decks).
        var madeOn: Date
        /// The queue; nil when the decks were met once.
        var queue: KeptQueue?
    }

    /// The stamp of `decks` as loaded (`DeckLibrary.Result.contentHashes`):
    /// this build, and each deck's file name, content hash and card count,
    /// in order. The parser makes the same decks of the same bytes under the
    /// same name, so equal stamps mean the same faces in the same places.
    /// Nil when a file's content hash is not known.
    ///
    /// With an exam ahead (`exams`), also what the exam rule moved the
    /// reviews by: the rule's weights and target, the way days are
    /// counted, and each deck's exam day. A queue made with another exam,
    /// or none, is never used.
    static func decksStamp(
        _ decks: [Deck], contentHashes: [String: UInt64], exams: (scheduler: ExamScheduler, byDeck: [String: Exam])? = nil
    ) -> UInt64? {
        var writer = IndexWriter()
        writer.string(DeckLoading.stamp)
        for deck in decks {
            guard let hash = contentHashes[deck.file] else { return nil }
            writer.string(deck.file)
            writer.fixed64(hash)
            writer.unsigned(UInt64(deck.cards.count))
        }
        if let exams, !exams.byDeck.isEmpty {
            writer.string("exam")
            for word in exams.scheduler.rule.stamp { writer.fixed64(word) }
            switch exams.scheduler.base.configuration.dayCounting {
            case .fullDays: writer.string("full days")
            case .schedulerDays(let rolloverHour, let timeZone):
                writer.unsigned(UInt64(truncatingIfNeeded: rolloverHour))
                writer.string(timeZone.identifier)
            }
            for deck in decks {
                writer.fixed64(UInt64(bitPattern: Int64(exams.byDeck[deck.file]?.date.dayNumber ?? Int.min)))
            }
        }
        return writer.bytes.withUnsafeBytes { CacheFile.hash($0) }
    }

    /// The most cards answered since the kept schedules whose places are
    /// looked up for the kept queue: with more, the walk costs less.
    static let changesPlaced = 5_000

    /// Gives `catalog` (the start's decks and progress, brought to any exam
    /// ahead) the kept queue `read` holds when it was made for these decks
    /// (`decks`, their stamp, which names the exam) and the kept schedules
    /// of `basis`; and keeps a queue for the next start, on the thread of
    /// the index's writes, when that one will not do. `today`: the start of
    /// this start's study day. `exams`: the scheduler and each deck's exam
    /// when an exam lies ahead; the exam rule then moved reviews of the
    /// catalog, so the reviews the queue lists as due since the day it was
    /// made are placed anew (`KeptQueue.changingReviews`), and a queue made
    /// keeps each card's readiness for its exam (`KeptReadiness`, judged at
    /// `now`, the start's clock).
    static func take(
        _ read: Contents?, basis: StudySetup.KeptBasis, decks: UInt64, into catalog: inout StudyCatalog,
        file: KeptQueueFile, today: Date, exams: (scheduler: ExamScheduler, byDeck: [String: Exam])? = nil,
        now: Date
    ) {
        let examAhead = exams.map { !$0.byDeck.isEmpty } ?? false
        let keptAt = basis.keptAnew ?? basis.position
        if let read, read.decks == decks, read.position == basis.position, let queue = read.queue,
            basis.changed.count <= changesPlaced
        {
            let named = queue.changing(basis.changed, in: catalog)
            var placed = examAhead ? named.changingReviews(dueFrom: read.madeOn, before: today) : named
            if placed.changedCount <= changesPlaced {
                // The cards' readiness brought to today once, for every
                // exam (`KeptReadiness.brought`): the outlooks read it, and
                // a queue made again keeps it.
                if let exams, let readiness = placed.readiness {
                    placed.readiness = readiness.brought(
                        to: catalog, kept: placed, examDays: catalog.decks.map { exams.byDeck[$0.file]?.date.dayNumber },
                        scheduler: exams.scheduler, now: now)
                }
                catalog.keptQueue = placed
                // Still right for the next start unless the schedules were
                // kept anew, an exam's reviews came due since it was made,
                // or its cards' readiness was of an earlier day.
                guard
                    basis.keptAnew != nil || placed.changedCount > named.changedCount
                        || placed.readiness?.day != queue.readiness?.day
                else { return }
            }
        }
        guard let read, read.decks == decks else {
            // The first start on these decks: marked, not made.
            DeckIndexWrites.add { file.save(Contents(position: keptAt, decks: decks, madeOn: today, queue: nil)) }
            return
        }
        var unkept = catalog
        unkept.keptQueue = nil
        let made = unkept
        let readiness = examAhead ? exams : nil
        // Records already brought to today are kept as they are; only a
        // queue made without them judges every card.
        let brought = catalog.keptQueue?.readiness
        DeckIndexWrites.add {
            guard var queue = KeptQueue.make(made) else { return }
            if let readiness {
                queue.readiness =
                    brought
                    ?? KeptReadiness.make(
                        catalog: made, examDays: made.decks.map { readiness.byDeck[$0.file]?.date.dayNumber },
                        scheduler: readiness.scheduler, now: now)
            }
            file.save(Contents(position: keptAt, decks: decks, madeOn: today, queue: queue))
        }
    }

    /// The file's contents, checked against this build and store; nil when
    /// there is none this start may use.
    func read() -> Contents? {
        guard let file = CacheFile.Reader(path: path),
            let headerBytes = KeptFileOrigin.header(of: file, magic: Self.magic),
            let header = headerBytes.withUnsafeBufferPointer({ Header($0) }),
            header.origin.isOf(storePath: storePath, storeFile: storeFile), header.length <= file.size,
            file.size == file.offset + header.length
        else { return nil }
        let position = header.origin.position
        guard header.length > 0 else {
            return Contents(position: position, decks: header.decks, madeOn: header.madeOn, queue: nil)
        }
        guard let body = KeptFileOrigin.body(of: file, length: header.length, hash: header.hash),
            let queue = body.withUnsafeBytes({ KeptQueue(bytes: $0) })
        else { return nil }
        return Contents(position: position, decks: header.decks, madeOn: header.madeOn, queue: queue)
    }

    /// Keeps `contents` for the next start; a failure to write is ignored.
    ///
    /// The queue's bytes are made twice, a part at a time, never whole:
    /// once to hash them, once to write them (`KeptQueue.write`).
    func save(_ contents: Contents) {
        let length = contents.queue?.byteCount ?? 0
        var hasher = CacheFile.Hasher(count: length)
        contents.queue?.write { part in
            hasher.add(part)
            return true
        }
        guard let hash = hasher.finish() else { return }
        let header = Header(
            origin: KeptFileOrigin(storePath: storePath, storeFile: storeFile, position: contents.position),
            decks: contents.decks, madeOn: contents.madeOn, length: length, hash: hash
        ).bytes
        _ = CacheFile.replace(path, directory: directory) { write in
            KeptFileOrigin.writeHeading(magic: Self.magic, header: header, write) && (contents.queue?.write(write) ?? true)
        }
        removeOtherSelections()
    }

    /// Removes the queues of this store's other selections but the
    /// `keptSelections` − 1 last written (and one of a build that kept a
    /// single queue per store, named without a selection).
    private func removeOtherSelections() {
        let own = (path as NSString).lastPathComponent
        // The store's part of the name (`STORE.SELECTION.queue`).
        let prefix = ((own as NSString).deletingPathExtension as NSString).deletingPathExtension
        // A single queue's file is never read by this build.
        unlink((directory as NSString).appendingPathComponent(prefix + ".queue"))
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        var others: [(name: String, modified: Int)] = []
        for name in names where name != own && name.hasPrefix(prefix + ".") && name.hasSuffix(".queue") {
            var status = stat()
            guard stat((directory as NSString).appendingPathComponent(name), &status) == 0 else { continue }
            others.append((name, status.st_mtim.tv_sec * 1_000_000_000 + status.st_mtim.tv_nsec))
        }
        others.sort { $0.modified > $1.modified }
        for other in others.dropFirst(Self.keptSelections - 1) {
            unlink((directory as NSString).appendingPathComponent(other.name))
        }
    }

    /// What the file says before the queue.
    struct Header {
        /// The build, store file and the kept schedules' position it goes with.
        var origin: KeptFileOrigin
        /// The decks' stamp.
        var decks: UInt64
        /// The start of the study day it was made on.
        var madeOn: Date
        /// The length of the queue's bytes (0: none).
        var length: Int
        /// Their hash (`CacheFile.hash`).
        var hash: UInt64
    }
}

extension KeptQueueFile.Header {
    /// The header read back from its bytes; nil when they do not decode.
    init?(_ bytes: UnsafeBufferPointer<UInt8>) {
        var reader = IndexReader(bytes)
        do {
            let origin = try KeptFileOrigin(&reader)
            let decks = try reader.fixed64()
            let madeOn = Date(timeIntervalSinceReferenceDate: Double(bitPattern: try reader.fixed64()))
            let length = try reader.number()
            let hash = try reader.fixed64()
            guard reader.isAtEnd else { return nil }
            self.init(origin: origin, decks: decks, madeOn: madeOn, length: length, hash: hash)
        } catch {
            return nil
        }
    }

    /// The header's bytes, in the deck index's layout (`IndexWriter`).
    var bytes: [UInt8] {
        var writer = IndexWriter()
        origin.write(&writer)
        writer.fixed64(decks)
        writer.fixed64(madeOn.timeIntervalSinceReferenceDate.bitPattern)
        writer.unsigned(UInt64(length))
        writer.fixed64(hash)
        return writer.bytes
    }
}
