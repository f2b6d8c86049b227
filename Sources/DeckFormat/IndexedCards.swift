/// The cards of one deck file read from the deck index, held as rows of one
/// table instead of a box per card, their bodies decoded when first asked
/// for.
///
/// A start at 100,000 cards holds every card's head (identity, kind, level,
/// tags, place) and shows a handful of bodies. A box per card (its head,
/// its file's name, a reference to the body's source and the body's place)
/// took 176 bytes with the allocator's overhead, 17.6 MB at that size,
/// a fifth of the start's peak memory; here a card is a 32-byte row of
/// numbers in one array, its id's bytes in another, and the deck's file name, tag
/// lists and body source are held once (the start's peak went from 82 to
/// 73 MB). A card made from a row (`Card`'s
/// `Fields.indexed`) is the table and the row's number; changing such a
/// card moves its fields into a box of its own first, so cards stay values.
///
/// Rows are added (`append`) before the table's cards are handed out
/// (`cards`), and never after: from then on only the decoded bodies
/// change, under the body source's lock.
public final class IndexedCards: @unchecked Sendable {
    /// One card's head in 32 bytes: what `Card.Head` holds, but for the id,
    /// the derived id and the strings, which are held beside the rows.
    /// Numbers that do not fit (a level past 32 bits, a place in another
    /// file, a deck of more than 65,536 tag lists) are kept in full in
    /// `wide`, which the row then names.
    struct Row {
        /// Where the body starts in the body source, from `firstBody`; for
        /// a wide row, its number in `wide`.
        var bodyOffset: UInt32
        /// The body's length in bytes.
        var bodyLength: UInt32
        /// See `SourceLocation.line`.
        var line: UInt32
        /// See `SourceLocation.column`.
        var column: UInt32
        /// See `Card.Head.definitionLength`.
        var definitionLength: UInt32
        /// See `Card.level`.
        var level: Int32
        /// The card's tags: their list's number in `tagLists`.
        var tags: UInt16
        /// The card's section tags: their list's number in `tagLists`.
        var sectionTags: UInt16
        /// See `Card.kind`.
        var kind: CardKind
        /// See `Card.isAnswerable`.
        var isAnswerable: Bool
        /// See `Card.hasExplicitID`.
        var hasExplicitID: Bool
        /// Whether the numbers below `definitionLength` are in `wide`.
        var isWide: Bool
    }

    /// A row's numbers in full, for the rare row whose numbers do not fit
    /// in 32 bits.
    struct Wide {
        /// See `Row.bodyOffset` (from the body source's start).
        var bodyOffset: Int
        /// See `Row.bodyLength`.
        var bodyLength: Int
        /// See `Card.level`.
        var level: Int
        /// See `Row.tags`.
        var tags: Int
        /// See `Row.sectionTags`.
        var sectionTags: Int
        /// See `Card.location`.
        var location: SourceLocation
    }

    /// A decoded body, in a box of its own so that a row whose body was
    /// never asked for holds one empty reference, not a body's 72 bytes.
    final class KnownBody: Sendable {
        /// The body.
        let body: CardBody

        init(_ body: CardBody) { self.body = body }
    }

    // Why the arrays below are `@exclusivity(unchecked)`: Swift checks
    // each access to a class's stored `var` at run time (an entry in the
    // thread's access set and its removal), and a walk over every card
    // reads them once per field: `list --json` at 200,000 cards spent
    // about 2.4 % of its time in those checks. The rows, id bytes, derived ids
    // and wide rows change only in `append`, before any card is handed out
    // (one writer, no reader yet); `known` changes only under the body
    // source's lock. No access can overlap a write, which is what the
    // check looks for.

    /// The rows, one per card in deck order.
    @exclusivity(unchecked) private var rows: [Row] = []
    /// Every row's id, as UTF-8, one after the other: a string each (a box
    /// of its own for an id of more than 15 bytes) was an allocation per
    /// card at every start, and a walk over every card's key a miss of
    /// the processor's cache per card, reaching each box to count it in
    /// and out of memory. An id's string is made when it is asked for
    /// (`id(_:)`); walks read the bytes (`withID(_:_:)`).
    ///
    /// Memory of the table's own (freed with it), not an array: reading
    /// an array kept in a class counts its buffer in and out of memory at
    /// every read, once per face in a walk over every card.
    @exclusivity(unchecked) private var idBytes = UnsafeMutableBufferPointer<UInt8>(start: nil, count: 0)
    /// How many bytes of `idBytes` hold ids.
    @exclusivity(unchecked) private var idBytesUsed = 0
    /// Where each row's id ends in `idBytes` (it starts where the row
    /// before's ends).
    @exclusivity(unchecked) private var idEnds: [Int] = []
    /// The derived ids that differ from the row's id (an explicit `id:`),
    /// by row, in row order: most cards have none.
    @exclusivity(unchecked) private var derivedIDs: [(row: Int, id: CardID)] = []
    /// The numbers of wide rows.
    @exclusivity(unchecked) private var wide: [Wide] = []
    /// The tag lists rows name by number.
    private let tagLists: [[String]]
    /// The deck file every place of a row that is not wide names.
    private let file: String
    /// Where bodies are decoded from; its lock guards `known`.
    private let bodies: CardBodySource
    /// Where the first body starts in `bodies`: rows' offsets count from it.
    private let firstBody: Int
    /// The bodies decoded so far, by row; empty until the first one is.
    @exclusivity(unchecked) private var known: [KnownBody?] = []

    /// An empty table for the cards of the deck `file`, whose rows name
    /// their tag lists in `tagLists` and their bodies' places in `bodies`
    /// (the first at `firstBody`), with room for `capacity` rows.
    public init(file: String, tagLists: [[String]], bodies: CardBodySource, firstBody: Int, capacity: Int) {
        self.file = file
        self.tagLists = tagLists
        self.bodies = bodies
        self.firstBody = firstBody
        rows.reserveCapacity(capacity)
        idEnds.reserveCapacity(capacity)
        // Most ids are derived: a kind and twelve hex digits.
        reserveIDBytes(capacity * 20)
    }

    deinit { idBytes.deallocate() }

    /// Makes room for `count` bytes of ids in all.
    private func reserveIDBytes(_ count: Int) {
        guard count > idBytes.count else { return }
        let grown = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: count)
        if idBytesUsed > 0, let old = idBytes.baseAddress, let new = grown.baseAddress {
            new.update(from: old, count: idBytesUsed)
        }
        idBytes.deallocate()
        idBytes = grown
    }

    /// Adds a card whose body is the `length` bytes at `offset` in the
    /// body source; `kind`, `isAnswerable` and `definitionLength` must be
    /// what that body gives, `tags` and `sectionTags` numbers of tag lists
    /// given at `init`. False (and nothing added) when a tag list's number
    /// is out of range.
    public func append(
        id: CardID, hasExplicitID: Bool, derivedID: CardID, kind: CardKind, isAnswerable: Bool,
        definitionLength: Int, level: Int, tags: Int, sectionTags: Int, location: SourceLocation,
        bodyAt offset: Int, length: Int
    ) -> Bool {
        var raw = id.rawValue
        return raw.withUTF8 { bytes in
            append(
                idBytes: bytes, hasExplicitID: hasExplicitID, derivedID: derivedID, kind: kind,
                isAnswerable: isAnswerable, definitionLength: definitionLength, level: level, tags: tags,
                sectionTags: sectionTags, line: location.line, column: location.column,
                otherFile: location.file == file ? nil : location.file, bodyAt: offset, length: length)
        }
    }

    /// `append(id:…location:…)` as the deck index reads a card, which
    /// makes no value it would only hand over and drop: the id as the
    /// bytes it is read from (kept as they are, `idBytes`), the derived
    /// id only when it is not `id` (else nil), the place's file only when
    /// it is not the table's. At 100,000 cards the copies and drops of
    /// those strings (retains and releases) were a thirtieth of a start,
    /// and making each id's string a twentieth.
    public func append(
        idBytes id: UnsafeBufferPointer<UInt8>, hasExplicitID: Bool, derivedID: consuming CardID?, kind: CardKind,
        isAnswerable: Bool, definitionLength: Int, level: Int, tags: Int, sectionTags: Int, line: Int, column: Int,
        otherFile: String?, bodyAt offset: Int, length: Int
    ) -> Bool {
        guard tags >= 0, tags < tagLists.count, sectionTags >= 0, sectionTags < tagLists.count else { return false }
        var row = Row(
            bodyOffset: 0, bodyLength: 0, line: 0, column: 0, definitionLength: Card.headLength(definitionLength),
            level: 0, tags: 0, sectionTags: 0, kind: kind, isAnswerable: isAnswerable, hasExplicitID: hasExplicitID,
            isWide: false)
        if otherFile.map({ $0 == file }) ?? true, let bodyOffset = UInt32(exactly: offset - firstBody),
            let bodyLength = UInt32(exactly: length), let narrowLine = UInt32(exactly: line),
            let narrowColumn = UInt32(exactly: column), let level = Int32(exactly: level),
            let tags = UInt16(exactly: tags), let sectionTags = UInt16(exactly: sectionTags)
        {
            (row.bodyOffset, row.bodyLength, row.line, row.column) = (bodyOffset, bodyLength, narrowLine, narrowColumn)
            (row.level, row.tags, row.sectionTags) = (level, tags, sectionTags)
        } else {
            guard let number = UInt32(exactly: wide.count) else { return false }
            row.isWide = true
            row.bodyOffset = number
            wide.append(
                Wide(
                    bodyOffset: offset, bodyLength: length, level: level, tags: tags, sectionTags: sectionTags,
                    location: SourceLocation(file: otherFile ?? file, line: line, column: column)))
        }
        if let derivedID, !derivedID.rawValue.utf8.elementsEqual(id) { derivedIDs.append((rows.count, derivedID)) }
        if idBytesUsed + id.count > idBytes.count { reserveIDBytes(max(2 * idBytes.count, idBytesUsed + id.count)) }
        if let from = id.baseAddress, let to = idBytes.baseAddress { (to + idBytesUsed).update(from: from, count: id.count) }
        idBytesUsed += id.count
        idEnds.append(idBytesUsed)
        rows.append(row)
        return true
    }

    /// The table's cards, in the order they were added.
    public var cards: [Card] {
        (0..<rows.count).map { Card(table: self, row: $0) }
    }

    /// How many cards the table holds.
    public var count: Int { rows.count }

    // MARK: a card's fields

    func row(_ row: Int) -> Row { rows[row] }

    func id(_ row: Int) -> CardID {
        withID(row) { CardID(rawValue: String(decoding: $0, as: UTF8.self)) }
    }

    /// Calls `body` with the UTF-8 bytes of the row's id, where they lie.
    func withID<Result>(_ row: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        let start = row == 0 ? 0 : idEnds[row - 1]
        return body(UnsafeBufferPointer(start: idBytes.baseAddress.map { $0 + start }, count: idEnds[row] - start))
    }

    func derivedID(_ row: Int) -> CardID {
        // Rows were added in order: a binary search of the few that differ.
        var (low, high) = (0, derivedIDs.count)
        while low < high {
            let middle = (low + high) / 2
            if derivedIDs[middle].row < row { low = middle + 1 } else { high = middle }
        }
        return low < derivedIDs.count && derivedIDs[low].row == row ? derivedIDs[low].id : id(row)
    }

    func level(_ row: Int) -> Int {
        let r = rows[row]
        return r.isWide ? wide[Int(r.bodyOffset)].level : Int(r.level)
    }

    func tags(_ row: Int) -> [String] {
        let r = rows[row]
        return tagLists[r.isWide ? wide[Int(r.bodyOffset)].tags : Int(r.tags)]
    }

    func sectionTags(_ row: Int) -> [String] {
        let r = rows[row]
        return tagLists[r.isWide ? wide[Int(r.bodyOffset)].sectionTags : Int(r.sectionTags)]
    }

    func location(_ row: Int) -> SourceLocation {
        let r = rows[row]
        return r.isWide ? wide[Int(r.bodyOffset)].location : SourceLocation(file: file, line: Int(r.line), column: Int(r.column))
    }

    /// Where the row's body is in the body source, and its length.
    private func bodyPlace(_ row: Int) -> (offset: Int, length: Int) {
        let r = rows[row]
        if r.isWide { return (wide[Int(r.bodyOffset)].bodyOffset, wide[Int(r.bodyOffset)].bodyLength) }
        return (firstBody + Int(r.bodyOffset), Int(r.bodyLength))
    }

    /// The card's head as a box of its own holds it.
    func head(_ row: Int) -> Card.Head {
        let r = rows[row]
        return Card.Head(
            id: id(row), hasExplicitID: r.hasExplicitID, definitionLength: r.definitionLength,
            derivedID: derivedID(row), kind: r.kind, isAnswerable: r.isAnswerable, level: level(row),
            tags: tags(row), sectionTags: sectionTags(row), location: location(row))
    }

    /// The card's body, decoded on first use (copies of a card on other
    /// threads may ask at once: the source's lock is held).
    func body(_ row: Int) -> CardBody {
        bodies.lock.withLock { _ in
            if !known.isEmpty, let body = known[row] { return body.body }
            let place = bodyPlace(row)
            let decoded = bodies.decoder.body(at: place.offset, length: place.length) ?? placeholder(row)
            if known.isEmpty { known = [KnownBody?](repeating: nil, count: rows.count) }
            known[row] = KnownBody(decoded)
            return decoded
        }
    }

    /// Whether the card's body has been decoded.
    func isBodyKnown(_ row: Int) -> Bool {
        bodies.lock.withLock { _ in !known.isEmpty && known[row] != nil }
    }

    /// What a card shows when its body cannot be had after all (its
    /// entry's block damaged and the deck file edited since the start, so
    /// neither can give it): empty text of the card's kind, and no trap.
    private func placeholder(_ row: Int) -> CardBody {
        let content: CardContent =
            switch rows[row].kind {
            case .question: .question(QuestionCard(question: "", answer: ""))
            case .term: .term(TermCard(term: "", definition: ""))
            case .choice: .choice(ChoiceCard(question: "", options: []))
            case .cloze: .cloze(ClozeCard(text: "", alternatives: [], prompt: ""))
            case .open: .open(OpenCard(question: "", modelAnswer: "", keyPoints: []))
            }
        return CardBody(content: content, source: nil, lastLine: location(row).line)
    }

    /// A table with no rows, which a card being changed names for a moment
    /// (`Card.ownFields`).
    static let none = IndexedCards(
        file: "", tagLists: [], bodies: CardBodySource(NoBodies()), firstBody: 0, capacity: 0)

    /// The body source of `none`, which has no bodies.
    private struct NoBodies: CardBodyDecoding {
        func body(at offset: Int, length: Int) -> CardBody? { nil }
    }
}
