/// The cards of one deck file read from the deck index, held as rows of one
/// table instead of a box per card, their bodies decoded when first asked
/// for.
///
/// A start at 100,000 cards holds every card's head (identity, kind, level,
/// tags, place) and shows a handful of bodies. A box per card (its head,
/// its file's name, a reference to the body's source and the body's place)
/// took 176 bytes with the allocator's overhead, 17.6 MB at that size,
/// a fifth of the start's peak memory; here a card is a 36-byte row of
/// numbers, its id's bytes in a run beside the rows, and the deck's file
/// name, tag lists and body source are held once. A card made from a row
/// (`Card`'s `Fields.indexed`) is the table and the row's number; changing
/// such a card moves its fields into a box of its own first, so cards stay
/// values.
///
/// The rows and the ids are bytes in a fixed layout (`Layout`), the same
/// in memory as where the deck index keeps them: a start adopts the bytes
/// it read from an entry as they are (`init?(adopting:…)`, after one pass
/// that checks every row) and decodes a card's fields only when they are
/// asked for, instead of decoding every card's head into rows of its own
/// (a tenth of a start at 100,000 cards, and a copy of every head).
///
/// Rows are added (`append`) before the table's cards are handed out
/// (`cards`), and never after: from then on only the decoded bodies
/// change, under the body source's lock.
public final class IndexedCards: @unchecked Sendable {
    /// Where a row's numbers are, in bytes from the row's start; each
    /// number little-endian. The numbers are part of the deck index's
    /// format: a change of them is a new layout.
    public enum Layout {
        /// Bytes per row.
        public static let rowSize = 36
        /// Where the body starts in the body source, from `firstBody`; for
        /// a wide row, its number in `wideRows` (32 bits).
        static let bodyOffset = 0
        /// The body's length in bytes (32 bits).
        static let bodyLength = 4
        /// See `SourceLocation.line` (32 bits).
        static let line = 8
        /// See `SourceLocation.column` (32 bits).
        static let column = 12
        /// See `Card.Head.definitionLength` (32 bits).
        static let definitionLength = 16
        /// See `Card.level` (32 bits, signed).
        static let level = 20
        /// Where the row's id ends in the ids' bytes; it starts where the
        /// row before's ends (32 bits).
        static let idEnd = 24
        /// The card's tags: their list's number in `tagLists` (16 bits).
        static let tags = 28
        /// The card's section tags: their list's number (16 bits).
        static let sectionTags = 30
        /// See `Card.kind` (`IndexedCards.number(of:)`, 8 bits).
        static let kind = 32
        /// `answerable`, `explicitID`, `wide` (8 bits); two zero bytes follow.
        static let flags = 33
        /// Flag: see `Card.isAnswerable`.
        static let answerable: UInt8 = 1
        /// Flag: see `Card.hasExplicitID`.
        static let explicitID: UInt8 = 2
        /// Flag: the row's body place, place, level and tag lists are in
        /// `wideRows` (its kind, flags, definition length and id end are
        /// in the row).
        static let wide: UInt8 = 4
    }

    /// The number a kind has in a row (and in the deck index's bodies);
    /// part of the format.
    public static func number(of kind: CardKind) -> UInt8 {
        switch kind {
        case .question: 0
        case .term: 1
        case .choice: 2
        case .cloze: 3
        case .open: 4
        }
    }

    /// The kind numbered `number`, or nil for a number no kind has.
    public static func kind(number: UInt8) -> CardKind? {
        switch number {
        case 0: .question
        case 1: .term
        case 2: .choice
        case 3: .cloze
        case 4: .open
        default: nil
        }
    }

    /// A row's numbers in full, for the rare row whose numbers do not fit
    /// its 32 or 16 bits.
    public struct WideRow: Sendable, Equatable {
        /// Where the body starts in the body source (not from `firstBody`).
        public var bodyOffset: Int
        /// The body's length in bytes.
        public var bodyLength: Int
        /// See `Card.level`.
        public var level: Int
        /// The card's tags: their list's number in `tagLists`.
        public var tags: Int
        /// The card's section tags: their list's number in `tagLists`.
        public var sectionTags: Int
        /// See `Card.location`.
        public var location: SourceLocation

        public init(bodyOffset: Int, bodyLength: Int, level: Int, tags: Int, sectionTags: Int, location: SourceLocation) {
            self.bodyOffset = bodyOffset
            self.bodyLength = bodyLength
            self.level = level
            self.tags = tags
            self.sectionTags = sectionTags
            self.location = location
        }
    }

    /// A decoded body, in a box of its own so that a row whose body was
    /// never asked for holds one empty reference, not a body's 72 bytes.
    final class KnownBody: Sendable {
        /// The body.
        let body: CardBody

        init(_ body: CardBody) { self.body = body }
    }

    // Why the stored properties below are `@exclusivity(unchecked)`: Swift
    // checks each access to a class's stored `var` at run time (an entry in
    // the thread's access set and its removal), and a walk over every card
    // reads them once per field: `list --json` at 200,000 cards spent
    // about 2.4 % of its time in those checks. They change only in
    // `append`, before any card is handed out (one writer, no reader yet);
    // `known` changes only under the body source's lock. No access can
    // overlap a write, which is what the check looks for.

    /// The rows, `Layout.rowSize` bytes each, in deck order. Memory, not
    /// an array: reading an array kept in a class counts its buffer in and
    /// out of memory at every read, once per field in a walk over every
    /// card.
    @exclusivity(unchecked) private var rows: UnsafeMutableRawPointer
    /// How many rows there are.
    @exclusivity(unchecked) private var rowCount = 0
    /// How many rows `rows` has room for.
    @exclusivity(unchecked) private var rowCapacity: Int
    /// Every row's id, as UTF-8, one after the other: a string each (a box
    /// of its own for an id of more than 15 bytes) was an allocation per
    /// card at every start, and a walk over every card's key a miss of
    /// the processor's cache per card, reaching each box to count it in
    /// and out of memory. An id's string is made when it is asked for
    /// (`id(_:)`); walks read the bytes (`withID(_:_:)`).
    @exclusivity(unchecked) private var idBytes: UnsafeMutableRawPointer
    /// How many bytes of `idBytes` hold ids.
    @exclusivity(unchecked) private var idBytesUsed = 0
    /// How many bytes `idBytes` has room for.
    @exclusivity(unchecked) private var idCapacity: Int
    /// What holds `rows` and `idBytes` when the table adopted them (the
    /// entry's head they were read into), or nil when they are the
    /// table's own, freed with it.
    private let owner: AnyObject?
    /// The derived ids that differ from the row's id (an explicit `id:`),
    /// by row, in row order: most cards have none.
    @exclusivity(unchecked) public private(set) var differingDerivedIDs: [(row: Int, id: CardID)] = []
    /// The numbers of wide rows.
    @exclusivity(unchecked) public private(set) var wideRows: [WideRow] = []
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
        owner = nil
        rowCapacity = max(1, capacity)
        rows = .allocate(byteCount: rowCapacity * Layout.rowSize, alignment: 8)
        // Most ids are derived: a kind and twelve hex digits.
        idCapacity = max(16, capacity * 20)
        idBytes = .allocate(byteCount: idCapacity, alignment: 8)
    }

    /// The table whose rows and ids are `rows` and `ids`, laid out as
    /// `Layout` says and as `withLayout` gives them, held by `owner`,
    /// which must keep them unchanged as long as it lives; `wideRows` and
    /// `differingDerivedIDs` as the table that wrote them gave them, and
    /// the bodies `bodiesLength` bytes from `firstBody` on, one after the
    /// other in row order. Nil when they do not make a table: a kind or a
    /// flag no row can have, a tag list, wide row or derived id out of
    /// range, ids out of order or not UTF-8, bodies that are not where the
    /// rows before them end. Every row is checked here, so that no later
    /// read of a field can go wrong.
    public init?(
        adopting rows: UnsafeRawBufferPointer, ids: UnsafeRawBufferPointer, owner: AnyObject,
        wideRows: [WideRow], differingDerivedIDs: [(row: Int, id: CardID)], file: String, tagLists: [[String]],
        bodies: CardBodySource, firstBody: Int, bodiesLength: Int
    ) {
        guard rows.count % Layout.rowSize == 0 else { return nil }
        self.file = file
        self.tagLists = tagLists
        self.bodies = bodies
        self.firstBody = firstBody
        if let rowBase = rows.baseAddress, !rows.isEmpty {
            self.owner = owner
            self.rows = UnsafeMutableRawPointer(mutating: rowBase)
            rowCount = rows.count / Layout.rowSize
            rowCapacity = rowCount
            // No ids at all (every id empty) still needs a place to point.
            idBytes = UnsafeMutableRawPointer(mutating: ids.baseAddress ?? rowBase)
            idBytesUsed = ids.count
            idCapacity = ids.count
        } else {
            // No rows: memory of its own, so that no pointer is nil.
            self.owner = nil
            self.rows = .allocate(byteCount: Layout.rowSize, alignment: 8)
            rowCapacity = 1
            idBytes = .allocate(byteCount: 16, alignment: 8)
            idCapacity = 16
            guard ids.isEmpty else { return nil }
        }
        self.wideRows = wideRows
        self.differingDerivedIDs = differingDerivedIDs
        guard rowsAreWhole(bodiesLength: bodiesLength), idsAreText(), derivedIDsAreInOrder() else { return nil }
    }

    deinit {
        if owner == nil {
            rows.deallocate()
            idBytes.deallocate()
        }
    }

    // MARK: checks of adopted bytes

    /// Whether every row's kind, flags, tag lists, id and body are as a
    /// table writes them, and the bodies fill `bodiesLength` bytes.
    private func rowsAreWhole(bodiesLength: Int) -> Bool {
        var body = 0
        var idEnd = 0
        let lists = tagLists.count
        for row in 0..<rowCount {
            let flags = byte(row, Layout.flags)
            guard Self.kind(number: byte(row, Layout.kind)) != nil,
                flags & ~(Layout.answerable | Layout.explicitID | Layout.wide) == 0,
                byte(row, Layout.flags + 1) == 0, byte(row, Layout.flags + 2) == 0
            else { return false }
            let end = Int(u32(row, Layout.idEnd))
            guard end >= idEnd, end <= idBytesUsed else { return false }
            idEnd = end
            if flags & Layout.wide != 0 {
                let number = Int(u32(row, Layout.bodyOffset))
                guard number < wideRows.count else { return false }
                let wide = wideRows[number]
                // Its length within what is left of the bodies, so that no
                // sum of lengths can overflow.
                guard wide.tags >= 0, wide.tags < lists, wide.sectionTags >= 0, wide.sectionTags < lists,
                    wide.bodyOffset == firstBody + body, wide.bodyLength >= 0, wide.bodyLength <= bodiesLength - body
                else { return false }
                body += wide.bodyLength
            } else {
                guard Int(u16(row, Layout.tags)) < lists, Int(u16(row, Layout.sectionTags)) < lists,
                    Int(u32(row, Layout.bodyOffset)) == body
                else { return false }
                body += Int(u32(row, Layout.bodyLength))
            }
        }
        return body == bodiesLength && idEnd == idBytesUsed
    }

    /// Whether every id is UTF-8 as written: the bytes a walk reads must
    /// be the id's string's (which `String(decoding:)` would mend).
    private func idsAreText() -> Bool {
        // Most ids are ASCII: one pass over the run, a word at a time,
        // decides for all.
        var highBits: UInt64 = 0
        var at = 0
        while at + 8 <= idBytesUsed {
            highBits |= idBytes.loadUnaligned(fromByteOffset: at, as: UInt64.self)
            at += 8
        }
        while at < idBytesUsed {
            highBits |= UInt64(idBytes.load(fromByteOffset: at, as: UInt8.self))
            at += 1
        }
        guard highBits & 0x8080_8080_8080_8080 != 0 else { return true }
        return (0..<rowCount).allSatisfy { row in
            withID(row) { String(decoding: $0, as: UTF8.self).utf8.elementsEqual($0) }
        }
    }

    /// Whether the differing derived ids name rows in increasing order.
    private func derivedIDsAreInOrder() -> Bool {
        var previous = -1
        for (row, _) in differingDerivedIDs {
            guard row > previous, row < rowCount else { return false }
            previous = row
        }
        return true
    }

    // MARK: adding rows

    /// Adds a card whose body is the `length` bytes at `offset` in the
    /// body source; `kind`, `isAnswerable` and `definitionLength` must be
    /// what that body gives, `tags` and `sectionTags` numbers of tag lists
    /// given at `init`. False (and nothing added) when a tag list's number
    /// is out of range, the ids pass 4 GiB, or the table adopted its rows.
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

    /// `append(id:…location:…)` with the id as its bytes, the derived id
    /// only when it is not `id` (else nil), the place's file only when it
    /// is not the table's.
    private func append(
        idBytes id: UnsafeBufferPointer<UInt8>, hasExplicitID: Bool, derivedID: consuming CardID?, kind: CardKind,
        isAnswerable: Bool, definitionLength: Int, level: Int, tags: Int, sectionTags: Int, line: Int, column: Int,
        otherFile: String?, bodyAt offset: Int, length: Int
    ) -> Bool {
        guard owner == nil, tags >= 0, tags < tagLists.count, sectionTags >= 0, sectionTags < tagLists.count,
            let idEnd = UInt32(exactly: idBytesUsed + id.count)
        else { return false }
        var numbers: (bodyOffset: UInt32, bodyLength: UInt32, line: UInt32, column: UInt32, level: Int32)
        var lists: (tags: UInt16, sectionTags: UInt16) = (0, 0)
        var flags = (isAnswerable ? Layout.answerable : 0) | (hasExplicitID ? Layout.explicitID : 0)
        if otherFile.map({ $0 == file }) ?? true, let bodyOffset = UInt32(exactly: offset - firstBody),
            let bodyLength = UInt32(exactly: length), let narrowLine = UInt32(exactly: line),
            let narrowColumn = UInt32(exactly: column), let level = Int32(exactly: level),
            let tags = UInt16(exactly: tags), let sectionTags = UInt16(exactly: sectionTags)
        {
            numbers = (bodyOffset, bodyLength, narrowLine, narrowColumn, level)
            lists = (tags, sectionTags)
        } else {
            guard let number = UInt32(exactly: wideRows.count) else { return false }
            flags |= Layout.wide
            numbers = (number, 0, 0, 0, 0)
            wideRows.append(
                WideRow(
                    bodyOffset: offset, bodyLength: length, level: level, tags: tags, sectionTags: sectionTags,
                    location: SourceLocation(file: otherFile ?? file, line: line, column: column)))
        }
        if let derivedID, !derivedID.rawValue.utf8.elementsEqual(id) { differingDerivedIDs.append((rowCount, derivedID)) }
        if idBytesUsed + id.count > idCapacity { growIDs(to: max(2 * idCapacity, idBytesUsed + id.count)) }
        if let from = id.baseAddress { (idBytes + idBytesUsed).copyMemory(from: from, byteCount: id.count) }
        idBytesUsed += id.count
        if rowCount == rowCapacity { growRows(to: 2 * rowCapacity) }
        let at = rows + rowCount * Layout.rowSize
        func store<T: FixedWidthInteger>(_ value: T, _ offset: Int) {
            at.storeBytes(of: value.littleEndian, toByteOffset: offset, as: T.self)
        }
        store(numbers.bodyOffset, Layout.bodyOffset)
        store(numbers.bodyLength, Layout.bodyLength)
        store(numbers.line, Layout.line)
        store(numbers.column, Layout.column)
        store(Card.headLength(definitionLength), Layout.definitionLength)
        store(numbers.level, Layout.level)
        store(idEnd, Layout.idEnd)
        store(lists.tags, Layout.tags)
        store(lists.sectionTags, Layout.sectionTags)
        store(Self.number(of: kind), Layout.kind)
        store(flags, Layout.flags)
        store(UInt16(0), Layout.flags + 1)
        rowCount += 1
        return true
    }

    /// Makes room for `count` rows in all.
    private func growRows(to count: Int) {
        let grown = UnsafeMutableRawPointer.allocate(byteCount: count * Layout.rowSize, alignment: 8)
        grown.copyMemory(from: rows, byteCount: rowCount * Layout.rowSize)
        rows.deallocate()
        rows = grown
        rowCapacity = count
    }

    /// Makes room for `count` bytes of ids in all.
    private func growIDs(to count: Int) {
        let grown = UnsafeMutableRawPointer.allocate(byteCount: count, alignment: 8)
        grown.copyMemory(from: idBytes, byteCount: idBytesUsed)
        idBytes.deallocate()
        idBytes = grown
        idCapacity = count
    }

    /// Calls `body` with the rows' and the ids' bytes as `Layout` lays them
    /// out, for the deck index to keep as they are.
    public func withLayout<Result>(_ body: (_ rows: UnsafeRawBufferPointer, _ ids: UnsafeRawBufferPointer) -> Result)
        -> Result
    {
        body(
            UnsafeRawBufferPointer(start: rows, count: rowCount * Layout.rowSize),
            UnsafeRawBufferPointer(start: idBytes, count: idBytesUsed))
    }

    /// The table's cards, in the order they were added.
    public var cards: [Card] {
        (0..<rowCount).map { Card(table: self, row: $0) }
    }

    /// How many cards the table holds.
    public var count: Int { rowCount }

    // MARK: a card's fields

    @inline(__always) private func byte(_ row: Int, _ field: Int) -> UInt8 {
        rows.load(fromByteOffset: row &* Layout.rowSize &+ field, as: UInt8.self)
    }

    @inline(__always) private func u16(_ row: Int, _ field: Int) -> UInt16 {
        UInt16(littleEndian: rows.loadUnaligned(fromByteOffset: row &* Layout.rowSize &+ field, as: UInt16.self))
    }

    @inline(__always) private func u32(_ row: Int, _ field: Int) -> UInt32 {
        UInt32(littleEndian: rows.loadUnaligned(fromByteOffset: row &* Layout.rowSize &+ field, as: UInt32.self))
    }

    /// The row's wide numbers, when it has them.
    @inline(__always) private func wide(_ row: Int) -> WideRow? {
        byte(row, Layout.flags) & Layout.wide == 0 ? nil : wideRows[Int(u32(row, Layout.bodyOffset))]
    }

    func kind(_ row: Int) -> CardKind {
        // Checked when the rows were added or adopted.
        Self.kind(number: byte(row, Layout.kind)) ?? .question
    }

    func isAnswerable(_ row: Int) -> Bool { byte(row, Layout.flags) & Layout.answerable != 0 }

    func hasExplicitID(_ row: Int) -> Bool { byte(row, Layout.flags) & Layout.explicitID != 0 }

    func definitionLength(_ row: Int) -> UInt32 { u32(row, Layout.definitionLength) }

    func id(_ row: Int) -> CardID {
        withID(row) { CardID(rawValue: String(decoding: $0, as: UTF8.self)) }
    }

    /// Calls `body` with the UTF-8 bytes of the row's id, where they lie.
    func withID<Result>(_ row: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        let start = row == 0 ? 0 : Int(u32(row - 1, Layout.idEnd))
        let end = Int(u32(row, Layout.idEnd))
        return body(UnsafeBufferPointer(start: (idBytes + start).assumingMemoryBound(to: UInt8.self), count: end - start))
    }

    func derivedID(_ row: Int) -> CardID {
        // Rows were added in order: a binary search of the few that differ.
        var (low, high) = (0, differingDerivedIDs.count)
        while low < high {
            let middle = (low + high) / 2
            if differingDerivedIDs[middle].row < row { low = middle + 1 } else { high = middle }
        }
        return low < differingDerivedIDs.count && differingDerivedIDs[low].row == row
            ? differingDerivedIDs[low].id : id(row)
    }

    func level(_ row: Int) -> Int {
        wide(row)?.level ?? Int(Int32(bitPattern: u32(row, Layout.level)))
    }

    func tags(_ row: Int) -> [String] {
        tagLists[wide(row)?.tags ?? Int(u16(row, Layout.tags))]
    }

    func sectionTags(_ row: Int) -> [String] {
        tagLists[wide(row)?.sectionTags ?? Int(u16(row, Layout.sectionTags))]
    }

    func location(_ row: Int) -> SourceLocation {
        wide(row)?.location
            ?? SourceLocation(file: file, line: Int(u32(row, Layout.line)), column: Int(u32(row, Layout.column)))
    }

    /// Where the row's body is in the body source, and its length.
    private func bodyPlace(_ row: Int) -> (offset: Int, length: Int) {
        if let wide = wide(row) { return (wide.bodyOffset, wide.bodyLength) }
        return (firstBody + Int(u32(row, Layout.bodyOffset)), Int(u32(row, Layout.bodyLength)))
    }

    /// The card's head as a box of its own holds it.
    func head(_ row: Int) -> Card.Head {
        Card.Head(
            id: id(row), hasExplicitID: hasExplicitID(row), definitionLength: definitionLength(row),
            derivedID: derivedID(row), kind: kind(row), isAnswerable: isAnswerable(row), level: level(row),
            tags: tags(row), sectionTags: sectionTags(row), location: location(row))
    }

    /// The card's body, decoded on first use (copies of a card on other
    /// threads may ask at once: the source's lock is held).
    func body(_ row: Int) -> CardBody {
        bodies.lock.withLock { _ in
            if !known.isEmpty, let body = known[row] { return body.body }
            let place = bodyPlace(row)
            let decoded = bodies.decoder.body(at: place.offset, length: place.length) ?? placeholder(row)
            if known.isEmpty { known = [KnownBody?](repeating: nil, count: rowCount) }
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
            switch kind(row) {
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
