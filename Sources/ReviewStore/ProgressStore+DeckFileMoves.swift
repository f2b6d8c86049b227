import Foundation
import GRDB

/// A deck file's cards moving to another deck file name as a whole: the
/// file renamed (`git mv a.deck b.deck`), or the same file under the one
/// spelling the store now keeps (docs/progress-store.md, "Deck file
/// names"). Moving card by card makes the triggers on `card` move each
/// card's group and each answered card's answer summaries (2.3 s for a
/// 12,000-card file; 22 s for 100,000 cards); moving the file's groups
/// (`card_group`) under the new name keeps every group number, so the
/// state rows' `grp`, the summaries' `grp` and the registry's rows, which
/// name their group, stay right without a write.
extension ProgressStore {
    /// Every deck file name the store holds: the registry's groups, the
    /// registered fingerprints and the log's deck files (the log's names
    /// that are not sessions, each asked of the session index).
    public func deckFileNames() throws -> Set<String> {
        try read { db in try Self.deckFileNames(db) }
    }

    /// `deckFileNames()` in a transaction already open.
    static func deckFileNames(_ db: Database) throws -> Set<String> {
            var names = Set(try String.fetchAll(db, sql: "SELECT deck_file FROM registered_deck"))
            if try KeptCounts.isKept(db) {
                names.formUnion(try String.fetchAll(db, sql: "SELECT DISTINCT deck_file FROM card_group"))
            } else {
                names.formUnion(try String.fetchAll(db, sql: "SELECT DISTINCT deck_file FROM card"))
            }
            if try Schema.hasTable(db, "log_name") {
                names.formUnion(
                    try String.fetchAll(
                        db,
                        sql: """
                            SELECT name FROM log_name l
                            WHERE NOT EXISTS (SELECT 1 FROM review r WHERE r.session = l.id)
                            """))
            }
            return names
    }

    /// Renames the deck file `old` to `new` everywhere the store names it,
    /// for one file spelt two ways (the spelling of an older jatta, the
    /// one kept now): its registry rows and groups, and the log's name
    /// with the answer summaries that follow it, so statistics and history
    /// speak of one file. Nothing about a card or an answer changes but
    /// the name. Where the log already holds `new` too (the file was
    /// studied under both spellings) the log keeps both names, since its
    /// rows cannot be rewritten, and so do the summaries that follow it.
    public func respell(_ old: String, as new: String) throws {
        guard old != new else { return }
        try write { db in try Self.respell(db, old, as: new) }
    }

    /// `respell(_:as:)` in a transaction already open.
    static func respell(_ db: Database, _ old: String, as new: String) throws {
        try moveCards(db, from: old, to: new)
        try renameInLog(db, from: old, to: new)
    }

    /// Respells, before a registration of `registering`, each name the
    /// store holds that `respelling` says is another spelling of one of
    /// `changed` (the files registered anew); nil: not a spelling of one.
    static func respellOlderNames(
        _ db: Database, registering: Set<String>, changed: Set<String>, respelling: (String) -> String?
    ) throws {
        for (old, new) in olderSpellings(
            in: try deckFileNames(db), of: changed, keeping: registering, respelling: respelling)
        {
            try respell(db, old, as: new)
        }
    }

    /// The names the store holds that are older spellings of one of
    /// `files` (see the next), sorted: the statistics of `files` count
    /// what the store keeps under them too.
    public func olderSpellings(of files: Set<String>, respelling: (String) -> String?) throws -> [String] {
        let names = try deckFileNames()
        return Self.olderSpellings(in: names, of: files, keeping: files, respelling: respelling).map(\.old)
    }

    /// The names of `names`, sorted, that are another spelling of one of
    /// `files` — not among `keeping`, and spelt by `respelling` as
    /// another name, one of `files` — each with that name: the one rule
    /// by which a registration respells them and the statistics find them.
    static func olderSpellings(
        in names: Set<String>, of files: Set<String>, keeping: Set<String>, respelling: (String) -> String?
    ) -> [(old: String, new: String)] {
        names.sorted().compactMap { name in
            guard !keeping.contains(name), let new = respelling(name), new != name, files.contains(new) else {
                return nil
            }
            return (name, new)
        }
    }

    /// Moves every registry row of `old` to `new`: the groups renamed
    /// when `new` has no group of their level yet (or only an empty one
    /// left by earlier moves), else card by card through the triggers.
    /// With `keeping` (a JSON array of the keys `new` holds), the cards of
    /// `old` not among them go back to `old` afterwards, card by card: a
    /// renamed file whose cards' keys partly changed with its name (ids
    /// scoped by the file name) costs what those cards cost.
    static func moveCards(_ db: Database, from old: String, to new: String, keeping: String? = nil) throws {
        try moveAllCards(db, from: old, to: new)
        if let keeping {
            try db.execute(
                sql: "UPDATE card SET deck_file = ? WHERE deck_file = ? AND key NOT IN (SELECT value FROM json_each(?))",
                arguments: [old, new, keeping])
        }
    }

    /// `moveCards` without cards left behind. When `new` has cards
    /// already in a group of the same level, the smaller side moves card
    /// by card: `new`'s cards join `old` first (a file renamed back, whose
    /// cards with file-scoped ids stayed under the name), and then `old`'s
    /// groups move whole; or `old`'s cards move one by one.
    private static func moveAllCards(_ db: Database, from old: String, to new: String) throws {
        func byCard() throws {
            try db.execute(sql: "UPDATE card SET deck_file = ? WHERE deck_file = ?", arguments: [new, old])
            try db.execute(sql: "DELETE FROM registered_deck WHERE deck_file IN (?, ?)", arguments: [old, new])
        }
        guard try KeptCounts.isKept(db) else { return try byCard() }
        if try !wholeGroupsCanMove(db, from: old, to: new) {
            let count = "SELECT count(*) FROM card WHERE deck_file = ?"
            guard try Int.fetchOne(db, sql: count, arguments: [new]) ?? 0 < Int.fetchOne(db, sql: count, arguments: [old]) ?? 0
            else { return try byCard() }
            try db.execute(sql: "UPDATE card SET deck_file = ? WHERE deck_file = ?", arguments: [old, new])
            guard try wholeGroupsCanMove(db, from: old, to: new) else { return try byCard() }
        }
        // The registry's rows name their group (`GroupedRegistry`): they
        // take the new name with it.
        try db.execute(sql: "UPDATE card_group SET deck_file = ? WHERE deck_file = ?", arguments: [new, old])
        // The fingerprints were made with the old name.
        try db.execute(sql: "DELETE FROM registered_deck WHERE deck_file IN (?, ?)", arguments: [old, new])
    }

    /// Whether every group of `old` can take the name `new` as it is: no
    /// group of `new` has the same level, but for empty ones (no card
    /// counted, no answer summed under it), which are taken away.
    private static func wholeGroupsCanMove(_ db: Database, from old: String, to new: String) throws -> Bool {
        let clashes = try Row.fetchAll(
            db,
            sql: """
                SELECT n.id, n.total, n.answered FROM card_group o JOIN card_group n
                ON n.deck_file = ? AND n.level_key = o.level_key WHERE o.deck_file = ?
                """,
            arguments: [new, old])
        var empty: [Int64] = []
        let grouped = try AnswerSummaries.areGrouped(db)
        for clash in clashes {
            let (id, total, answered): (Int64, Int64?, Int64?) = (clash[0], clash[1], clash[2])
            guard total == 0, answered == 0 else { return false }
            if grouped,
                try Bool.fetchOne(db, sql: "SELECT 1 FROM answer_slot WHERE grp = ? LIMIT 1", arguments: [id]) == true
            {
                return false
            }
            empty.append(id)
        }
        // No card is in an empty group, so no state row names it.
        for id in empty { try db.execute(sql: "DELETE FROM card_group WHERE id = ?", arguments: [id]) }
        return true
    }

    /// Renames `old` in the log's names and in the summaries that follow
    /// them, when the log does not hold `new` already.
    private static func renameInLog(_ db: Database, from old: String, to new: String) throws {
        guard try Schema.hasTable(db, "log_name"),
            try Bool.fetchOne(db, sql: "SELECT 1 FROM log_name WHERE name = ?", arguments: [new]) != true
        else { return }
        try db.execute(sql: "UPDATE log_name SET name = ? WHERE name = ?", arguments: [new, old])
        guard try AnswerSummaries.areKept(db) else { return }
        // No row of `new` exists (the log never named it), so renaming
        // cannot meet a row of the same key.
        try db.execute(sql: "UPDATE answer_slot SET deck_file = ? WHERE deck_file = ?", arguments: [new, old])
        try db.execute(sql: "UPDATE quiz_summary SET deck_file = ? WHERE deck_file = ?", arguments: [new, old])
    }

    /// The deck files at least half of whose registered cards are among
    /// `keys` (the cards of the deck file `file`, about to be registered)
    /// while none of `registering` is one of them: a deck file renamed,
    /// whose cards can move to `file` as a whole (and the few left behind
    /// move back, `moveCards(keeping:)`). A few keys are asked first (the
    /// first, middle and last): when none is registered under another
    /// file, the file was edited, not renamed, and nothing more is read.
    /// Otherwise every key is looked up (the registry's key index), as
    /// registering them does anyway.
    static func renamedInto(
        _ file: String, keys: [String], registering: Set<String>, db: Database
    ) throws -> [String] {
        let statement = try db.cachedStatement(sql: "SELECT deck_file FROM card WHERE key = ?")
        func elsewhere(_ key: String) throws -> String? {
            guard let deckFile = try String.fetchOne(statement, arguments: [key]), deckFile != file,
                !registering.contains(deckFile)
            else { return nil }
            return deckFile
        }
        let samples = keys.isEmpty ? [] : [0, keys.count / 2, keys.count - 1]
        guard try samples.contains(where: { try elsewhere(keys[$0]) != nil }) else { return [] }
        var found: [String: Int] = [:]
        for key in keys {
            guard let deckFile = try elsewhere(key) else { continue }
            found[deckFile, default: 0] += 1
        }
        return try found.keys.sorted().filter { old in
            let moving = found[old] ?? 0
            return try moving * 2 >= (Int.fetchOne(db, sql: "SELECT count(*) FROM card WHERE deck_file = ?", arguments: [old]) ?? 0)
        }
    }
}
