/// One card as written in a deck file: what is asked, what counts as right,
/// and the metadata an instructor attached to it.
///
/// A `Card` is a value parsed from text; it knows nothing about a student's
/// progress. Progress is keyed by `StudyFace.key`, which is derived from `id`.
public struct Card: Hashable, Sendable {
    /// Where the card's fields are, shared by its copies until one of them
    /// is changed. A card is copied into every face, study item and queue
    /// entry; copying its strings and arrays one by one (a retain and a
    /// release each) was a quarter of a start at 100,000 cards, where one
    /// reference is copied now.
    private(set) var fields: Fields

    /// Where a card's fields are.
    enum Fields: Sendable {
        /// In a box of their own (a parsed card, or one changed since).
        case own(Storage)
        /// In a row of the table its deck was read into from the deck
        /// index (`IndexedCards`), with the row's number.
        case indexed(IndexedCards, Int)
    }

    /// What every walk over all cards reads (identity, kind, level, tags,
    /// place): always held, never decoded later.
    struct Head: Hashable, Sendable {
        /// See `Card.id`.
        var id: CardID
        /// See `Card.hasExplicitID`.
        var hasExplicitID: Bool
        /// See `Card.definitionLength`: kept so that a quiz choosing wrong
        /// options by length decodes only the definitions it shows. Stored
        /// here, as 32 bits, where the alignment of the next field leaves
        /// room: it makes no head larger.
        var definitionLength: UInt32
        /// See `Card.derivedID`.
        var derivedID: CardID
        /// See `Card.kind`: kept beside the content so that it is known
        /// before the content is decoded.
        var kind: CardKind
        /// See `Card.isAnswerable`, kept for the same reason.
        var isAnswerable: Bool
        /// See `Card.level`.
        var level: Int
        /// See `Card.tags`.
        var tags: [String]
        /// See `Card.sectionTags`.
        var sectionTags: [String]
        /// See `Card.location`.
        var location: SourceLocation
    }

    /// The box of a card's own fields: copied before a change when another
    /// card still shares it, so cards stay values.
    final class Storage: @unchecked Sendable {
        /// The head; changed only through a box no other card holds.
        var head: Head
        /// The body; changed only through a box no other card holds.
        var body: CardBody

        init(head: Head, body: CardBody) {
            self.head = head
            self.body = body
        }
    }

    /// A card read from the deck index: row `row` of `table`.
    init(table: IndexedCards, row: Int) {
        fields = .indexed(table, row)
    }

    /// The whole head.
    private var head: Head {
        get {
            switch fields {
            case .own(let storage): storage.head
            case .indexed(let table, let row): table.head(row)
            }
        }
        _modify {
            let storage = ownFields()
            yield &storage.head
        }
    }

    /// The body, decoded from the deck index on first use.
    private var body: CardBody {
        get {
            switch fields {
            case .own(let storage): storage.body
            case .indexed(let table, let row): table.body(row)
            }
        }
        _modify {
            let storage = ownFields()
            yield &storage.body
        }
    }

    /// Whether this card's body has been decoded (always, for a parsed
    /// card): the deck index decodes a body only when it is first needed.
    var isBodyDecoded: Bool {
        switch fields {
        case .own: true
        case .indexed(let table, let row): table.isBodyKnown(row)
        }
    }

    /// The box of this card's fields, made its own before a change: a row
    /// of the deck index's table is copied into a box, and a box another
    /// card shares is copied.
    private mutating func ownFields() -> Storage {
        switch fields {
        case .indexed(let table, let row):
            let storage = Storage(head: table.head(row), body: table.body(row))
            fields = .own(storage)
            return storage
        case .own(var storage):
            // Named nowhere else for the check, so that only other cards
            // count as sharing it.
            fields = .indexed(IndexedCards.none, 0)
            if !isKnownUniquelyReferenced(&storage) { storage = Storage(head: storage.head, body: storage.body) }
            fields = .own(storage)
            return storage
        }
    }

    /// Stable identity: the explicit `id:` scoped by the deck's namespace
    /// (`NAMESPACE:ID`) when the author gave one, else a hash of the kind
    /// and the normalised prompt (see `CardID`).
    public var id: CardID {
        get {
            switch fields {
            case .own(let storage): storage.head.id
            case .indexed(let table, let row): table.id(row)
            }
        }
        set { head.id = newValue }
    }
    /// Calls `body` with the UTF-8 bytes of `id`, without making its
    /// string when the card is a row of the deck index's table (whose ids
    /// are kept as bytes, `IndexedCards`): walks over every card look
    /// keys up by their bytes.
    public func withIDBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        switch fields {
        case .own(let storage):
            var raw = storage.head.id.rawValue
            return raw.withUTF8(body)
        case .indexed(let table, let row):
            return table.withID(row, body)
        }
    }
    /// Whether `id` was written in the file (`id:`) or derived from the prompt.
    public var hasExplicitID: Bool {
        get {
            switch fields {
            case .own(let storage): storage.head.hasExplicitID
            case .indexed(let table, let row): table.hasExplicitID(row)
            }
        }
        set { head.hasExplicitID = newValue }
    }
    /// The id the card's kind and prompt give, even when an explicit `id:`
    /// wins: progress recorded before the `id:` was added lives under it,
    /// and is handed over to `id` (`formerIDs`).
    public var derivedID: CardID {
        get {
            switch fields {
            case .own(let storage): storage.head.derivedID
            case .indexed(let table, let row): table.derivedID(row)
            }
        }
        set { head.derivedID = newValue }
    }
    /// What kind of card this is, with the content that kind needs.
    public var content: CardContent {
        get { body.content }
        set {
            body.content = newValue
            head.kind = newValue.kind
            head.isAnswerable = newValue.isAnswerable
            head.definitionLength = Self.headLength(newValue.definitionLength)
        }
    }
    /// Exam level 1–3 (1 recall, 2 explain, 3 analyse). Values outside 1–3
    /// are kept as written (a warning): such a card is studied like any
    /// other but belongs to no level, so no level filter picks it.
    public var level: Int {
        get {
            switch fields {
            case .own(let storage): storage.head.level
            case .indexed(let table, let row): table.level(row)
            }
        }
        set { head.level = newValue }
    }
    /// Tags written on the card (`tags:`), in file order, without the
    /// section tags.
    public var tags: [String] {
        get {
            switch fields {
            case .own(let storage): storage.head.tags
            case .indexed(let table, let row): table.tags(row)
            }
        }
        set { head.tags = newValue }
    }
    /// Tags inherited from the sections (`##`, `###`) the card stands in,
    /// outermost first.
    public var sectionTags: [String] {
        get {
            switch fields {
            case .own(let storage): storage.head.sectionTags
            case .indexed(let table, let row): table.sectionTags(row)
            }
        }
        set { head.sectionTags = newValue }
    }
    /// Where the content came from, e.g. lecture notes at `FILE:LINE`.
    public var source: String? {
        get { body.source }
        set { body.source = newValue }
    }
    /// Where the card starts in its deck file (for diagnostics, `list`, and
    /// opening the card in an editor).
    public var location: SourceLocation {
        get {
            switch fields {
            case .own(let storage): storage.head.location
            case .indexed(let table, let row): table.location(row)
            }
        }
        set { head.location = newValue }
    }
    /// The card's last line that is not blank or a comment: where a line
    /// added to the card (`id:`) goes.
    public var lastLine: Int {
        get { body.lastLine }
        set { body.lastLine = newValue }
    }

    public init(
        id: CardID, hasExplicitID: Bool = false, derivedID: CardID? = nil, content: CardContent, level: Int = 1,
        tags: [String] = [], sectionTags: [String] = [], source: String? = nil,
        location: SourceLocation, lastLine: Int? = nil
    ) {
        fields = .own(
            Storage(
            head: Head(
                id: id, hasExplicitID: hasExplicitID, definitionLength: Self.headLength(content.definitionLength),
                derivedID: derivedID ?? CardID.derived(kind: content.kind, prompt: content.prompt),
                kind: content.kind, isAnswerable: content.isAnswerable, level: level, tags: tags,
                sectionTags: sectionTags, location: location),
            body: CardBody(content: content, source: source, lastLine: lastLine ?? location.line)))
    }

    /// A card whose body (content, source, last line) is decoded from the
    /// `length` bytes at `offset` in `source` when first asked for;
    /// `kind`, `isAnswerable` and `definitionLength` must be what that
    /// content gives. (The deck index makes a table of a whole deck's
    /// cards, `IndexedCards`; this is a table of one.)
    public init(
        id: CardID, hasExplicitID: Bool, derivedID: CardID, kind: CardKind, isAnswerable: Bool,
        definitionLength: Int, level: Int, tags: [String], sectionTags: [String], location: SourceLocation,
        bodyAt offset: Int, length: Int, in source: CardBodySource
    ) {
        let table = IndexedCards(
            file: location.file, tagLists: [tags, sectionTags], bodies: source, firstBody: offset, capacity: 1)
        // Tag lists 0 and 1 of two: always added.
        _ = table.append(
            id: id, hasExplicitID: hasExplicitID, derivedID: derivedID, kind: kind, isAnswerable: isAnswerable,
            definitionLength: definitionLength, level: level, tags: 0, sectionTags: 1, location: location,
            bodyAt: offset, length: length)
        fields = .indexed(table, 0)
    }

    /// Equal fields, whether shared or not, decoded or not.
    public static func == (a: Card, b: Card) -> Bool {
        switch (a.fields, b.fields) {
        case (.own(let x), .own(let y)) where x === y: true
        case (.indexed(let t, let i), .indexed(let u, let j)) where t === u && i == j: true
        default: a.head == b.head && a.body == b.body
        }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(head)
        hasher.combine(body)
    }

    /// Section tags followed by the card's own tags, without repeats.
    public var allTags: [String] {
        // A card has a few tags: looking back along the short list beats
        // hashing into a set, which was a twentieth of `list --json` on
        // 200,000 cards (issue 20). A long list still goes through a set,
        // so no card's tags cost quadratic time.
        let count = sectionTags.count + tags.count
        guard count > 1 else { return sectionTags + tags }
        var all: [String] = []
        all.reserveCapacity(count)
        if count <= 16 {
            for tag in sectionTags where !all.contains(tag) { all.append(tag) }
            for tag in tags where !all.contains(tag) { all.append(tag) }
            return all
        }
        var seen = Set<String>()
        for tag in sectionTags where seen.insert(tag).inserted { all.append(tag) }
        for tag in tags where seen.insert(tag).inserted { all.append(tag) }
        return all
    }

    public var kind: CardKind {
        switch fields {
        case .own(let storage): storage.head.kind
        case .indexed(let table, let row): table.kind(row)
        }
    }

    /// The ids this card's progress may have been stored under before, most
    /// specific first: for an explicit id, the id as jatta 0.1 stored it
    /// (without the namespace), then the derived id (the card before its
    /// `id:` was written). Empty for a derived id, which has no other.
    public var formerIDs: [CardID] {
        guard hasExplicitID else { return [] }
        var former: [CardID] = []
        if let unscoped = CardID.unscoped(id) { former.append(unscoped) }
        if derivedID != id { former.append(derivedID) }
        return former
    }

    /// The id as a deck file writes it after `id:` (the explicit id
    /// without its namespace, which the deck header carries), or the
    /// derived id for a card without `id:`.
    public var idAsWritten: String {
        hasExplicitID ? (CardID.unscoped(id) ?? id).rawValue : id.rawValue
    }

    /// Whether the card can be asked and answered right: every card the
    /// parser keeps, except a multiple-choice question with no correct
    /// option. Study queues, counts and quizzes leave the others out.
    public var isAnswerable: Bool {
        switch fields {
        case .own(let storage): storage.head.isAnswerable
        case .indexed(let table, let row): table.isAnswerable(row)
        }
    }

    /// A term card's definition length in Unicode scalars (0 for the other
    /// kinds; see `CardContent.definitionLength`), known without decoding
    /// the body.
    public var definitionLength: Int {
        switch fields {
        case .own(let storage): Int(storage.head.definitionLength)
        case .indexed(let table, let row): Int(table.definitionLength(row))
        }
    }

    /// A length as the head keeps it: a definition of more than 4 billion
    /// scalars is not a deck anyone writes, and is kept as the largest.
    static func headLength(_ length: Int) -> UInt32 { UInt32(clamping: length) }
}

/// What a card holds beyond its head: what it asks and answers, where it
/// came from, and its last line. A card read from the deck index decodes
/// it on first use.
public struct CardBody: Hashable, Sendable {
    /// See `Card.content`.
    public var content: CardContent
    /// See `Card.source`.
    public var source: String?
    /// See `Card.lastLine`.
    public var lastLine: Int

    public init(content: CardContent, source: String?, lastLine: Int) {
        self.content = content
        self.source = source
        self.lastLine = lastLine
    }
}

/// The kinds of card jatta knows. The raw value is what `jatta list --json`
/// prints and what the identity hash is seeded with, so it must not change.
public enum CardKind: String, Hashable, Sendable, CaseIterable, Codable {
    /// `Q:` + `A:` — self-graded question and answer.
    case question
    /// `T:` + `D:` — studied both ways: term→definition and definition→term.
    case term
    /// `Q:` + `*`/`-` options — one or several correct options.
    case choice
    /// `C:` — text with `{gaps}` to fill in.
    case cloze
    /// `Q:` + `A:` + `-` key points — an open exam question (levels 2–3).
    case open
}

/// What each kind of card holds.
public enum CardContent: Hashable, Sendable {
    case question(QuestionCard)
    case term(TermCard)
    case choice(ChoiceCard)
    case cloze(ClozeCard)
    case open(OpenCard)

    public var kind: CardKind {
        switch self {
        case .question: .question
        case .term: .term
        case .choice: .choice
        case .cloze: .cloze
        case .open: .open
        }
    }

    /// See `Card.isAnswerable`.
    public var isAnswerable: Bool {
        if case .choice(let choice) = self { return choice.hasCorrectOption }
        return true
    }

    /// A term's definition length in Unicode scalars, 0 for the other
    /// kinds: what a quiz compares to choose wrong options of plausible
    /// length. Scalars, not Characters: close enough for "plausible
    /// length", and counting them needs no grapheme breaking. Counted as
    /// the UTF-8 bytes that start a scalar (a String's bytes are valid
    /// UTF-8): walking the scalar view was a twentieth of a quiz.
    public var definitionLength: Int {
        guard case .term(let term) = self else { return 0 }
        let text = term.definition
        return text.utf8.withContiguousStorageIfAvailable { bytes in
            bytes.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
        } ?? text.unicodeScalars.count
    }
}

public struct QuestionCard: Hashable, Sendable {
    /// The question as shown to the student.
    public var question: String
    /// The answer the student compares against.
    public var answer: String
    /// Other answers that count as exactly right when typed (`alt:`).
    public var alternatives: [String]

    public init(question: String, answer: String, alternatives: [String] = []) {
        self.question = question
        self.answer = answer
        self.alternatives = alternatives
    }
}

public struct TermCard: Hashable, Sendable {
    /// The term (`T:`), e.g. «Режим».
    public var term: String
    /// Its definition (`D:`).
    public var definition: String
    /// Other spellings of the term accepted when typed (`alt:`), e.g. a
    /// lecture's own spelling «Неоколонолизм».
    public var alternatives: [String]

    public init(term: String, definition: String, alternatives: [String] = []) {
        self.term = term
        self.definition = definition
        self.alternatives = alternatives
    }
}

public struct ChoiceCard: Hashable, Sendable {
    /// The question (`Q:`).
    public var question: String
    /// The options in the order written; the order is the author's and the
    /// study screen may shuffle it.
    public var options: [ChoiceOption]

    public init(question: String, options: [ChoiceOption]) {
        self.question = question
        self.options = options
    }

    public var correctOptions: [ChoiceOption] { options.filter(\.isCorrect) }
    /// False for a question whose author marked no option with `*`: it is
    /// kept (with a warning) so `jatta list` shows it, but it cannot be
    /// answered right, so it is neither studied nor quizzed.
    public var hasCorrectOption: Bool { options.contains(where: \.isCorrect) }
    /// True when more than one option is correct: the student must pick all.
    public var allowsSeveral: Bool { correctOptions.count > 1 }
}

public struct ChoiceOption: Hashable, Sendable {
    /// The option's text.
    public var text: String
    /// `*` marks a correct option, `-` a wrong one.
    public var isCorrect: Bool

    public init(text: String, isCorrect: Bool) {
        self.text = text
        self.isCorrect = isCorrect
    }
}

public struct ClozeCard: Hashable, Sendable {
    /// The text with gaps, as written: `Қазақстан БҰҰ-ға {1992} жылы мүше болды.`
    public var text: String { didSet { prompt = Self.prompt(of: text) } }
    /// Other whole answers accepted for a single-gap cloze (`alt:`).
    public var alternatives: [String]
    /// The text with every gap shown as `[…]` (`prompt(of:)`): what the
    /// student sees, and what the identity hash is taken over (so fixing a
    /// gap's answer keeps progress). Kept beside the text, made when the
    /// text is set: every start asks for it several times per card (the
    /// registry, the identity hand-over), and splitting the text by
    /// characters each time was a fifth of a start at 10,000 cards.
    public private(set) var prompt: String

    public init(text: String, alternatives: [String] = []) {
        self.text = text
        self.alternatives = alternatives
        self.prompt = Self.prompt(of: text)
    }

    /// A cloze card whose prompt was made by `prompt(of:)` from this very
    /// text and kept (the deck index stores it beside the text).
    public init(text: String, alternatives: [String], prompt: String) {
        self.text = text
        self.alternatives = alternatives
        self.prompt = prompt
    }

    /// The text split into plain runs and gaps.
    public var segments: [ClozeSegment] { ClozeSegment.split(text) }
    /// The gaps in order.
    public var gaps: [ClozeGap] {
        segments.compactMap { if case .gap(let g) = $0 { g } else { nil } }
    }
    /// The card's answer: each gap's first answer, in order, joined by
    /// "; ". Takes the gaps already split, so a caller needing both splits
    /// the text once.
    public static func answer(gaps: [ClozeGap]) -> String {
        gaps.map(\.answer).joined(separator: "; ")
    }
    /// `text` with every gap shown as `[…]`.
    public static func prompt(of text: String) -> String {
        ClozeSegment.split(text).map { segment in
            switch segment {
            case .text(let t): t
            case .gap: "[…]"
            }
        }.joined()
    }
}

/// A piece of a cloze text.
public enum ClozeSegment: Hashable, Sendable {
    case text(String)
    case gap(ClozeGap)

    /// Splits `a {b|c} d` into text and gaps. `\{` and `\}` stand for literal
    /// braces; an unclosed `{` is kept as text (the parser reports it).
    public static func split(_ text: String) -> [ClozeSegment] {
        splitByBytes(text) ?? splitByCharacters(text)
    }

    /// `split` over the UTF-8 bytes, with no `Character` made: a start, a
    /// `list --json` and a quiz split every cloze, and walking the text by
    /// grapheme clusters was a tenth of a listing of 200,000 cards (issue
    /// 20). The rule is the one of `splitByCharacters`, whose units are
    /// characters; bytes give the same result as long as every `\`, `{`,
    /// `}` and `|` is a character by itself. Nil when one is not (a
    /// combining mark after it, a prepended mark before it): then a
    /// character may hide the mark, and only `splitByCharacters` is right.
    static func splitByBytes(_ text: String) -> [ClozeSegment]? {
        var text = text
        return text.withUTF8 { utf8 -> [ClozeSegment]? in
            let backslash = UInt8(ascii: "\\"), open = UInt8(ascii: "{"), close = UInt8(ascii: "}")
            let bar = UInt8(ascii: "|")
            var result: [ClozeSegment] = []
            // The plain run and the open gap's content read so far.
            var plain: [UInt8] = []
            var piece: [UInt8] = []
            var inGap = false
            var escaped = false
            var index = 0
            while index < utf8.count {
                let byte = utf8[index]
                if !escaped, !isSpecial(byte) {
                    // A run of ordinary bytes, copied whole.
                    var end = index + 1
                    while end < utf8.count, !isSpecial(utf8[end]) { end += 1 }
                    let run = UnsafeBufferPointer(rebasing: utf8[index..<end])
                    if inGap { piece.append(contentsOf: run) } else { plain.append(contentsOf: run) }
                    index = end
                    continue
                }
                if isSpecial(byte), !standsAlone(utf8, at: index) { return nil }
                if escaped {
                    // The whole next scalar: a multi-byte one is not cut.
                    let length = Self.scalarLength(lead: byte)
                    let end = min(index + length, utf8.count)
                    let scalar = UnsafeBufferPointer(rebasing: utf8[index..<end])
                    if inGap { piece.append(contentsOf: scalar) } else { plain.append(contentsOf: scalar) }
                    escaped = false
                    index = end
                    continue
                }
                switch byte {
                case backslash:
                    escaped = true
                case open where !inGap:
                    if !plain.isEmpty {
                        result.append(.text(String(decoding: plain, as: UTF8.self)))
                        plain.removeAll(keepingCapacity: true)
                    }
                    inGap = true
                case close where inGap:
                    let answers = piece.split(separator: bar, omittingEmptySubsequences: false).map { bytes in
                        let answer = String(decoding: bytes, as: UTF8.self)
                        let padded = answer.first?.isWhitespace == true || answer.last?.isWhitespace == true
                        return padded ? answer.trimmingSpaces() : answer
                    }
                    result.append(.gap(ClozeGap(answers: answers)))
                    piece.removeAll(keepingCapacity: true)
                    inGap = false
                default:
                    if inGap { piece.append(byte) } else { plain.append(byte) }
                }
                index += 1
            }
            if escaped { plain.append(backslash) }
            if inGap {
                plain.append(open)
                plain += piece
            }
            if !plain.isEmpty { result.append(.text(String(decoding: plain, as: UTF8.self))) }
            return result
        }
    }

    /// How many bytes the UTF-8 scalar starting with `lead` has.
    private static func scalarLength(lead: UInt8) -> Int {
        lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
    }

    /// The bytes that mean something in a cloze's text: `\`, `{`, `}`, `|`.
    static func isSpecial(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "{") || byte == UInt8(ascii: "}") || byte == UInt8(ascii: "|")
    }

    /// Whether the ASCII byte at `index` is a character by itself: neither
    /// the scalar before it (a prepended mark) nor the one after it (a
    /// combining mark, a joiner) joins it. Swift's own grapheme breaking
    /// decides, on the pair, only where a neighbour is not ASCII. A
    /// neighbour that is not well-formed UTF-8 (the parser's bytes may hold
    /// one) reads as U+FFFD, which joins nothing; measured as a whole
    /// scalar, a lone lead byte would take the brace after it in.
    static func standsAlone(_ utf8: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        if index > 0, utf8[index - 1] >= 0x80 {
            var start = index - 1
            while start > 0, index - start < 4, utf8[start] & 0xC0 == 0x80 { start -= 1 }
            if UTF8Scan.sequenceLength(utf8, start, index) == index - start,
                String(decoding: UnsafeBufferPointer(rebasing: utf8[start...index]), as: UTF8.self).count != 2
            {
                return false
            }
        }
        if index + 1 < utf8.count, utf8[index + 1] >= 0x80 {
            let length = UTF8Scan.sequenceLength(utf8, index + 1, utf8.count)
            if length > 0,
                String(decoding: UnsafeBufferPointer(rebasing: utf8[index...(index + length)]), as: UTF8.self).count != 2
            {
                return false
            }
        }
        return true
    }

    /// `split` by characters: the rule itself, for the texts `splitByBytes`
    /// cannot take.
    static func splitByCharacters(_ text: String) -> [ClozeSegment] {
        var result: [ClozeSegment] = []
        var plain = ""
        var gap: String? = nil
        var escaped = false
        for ch in text {
            if escaped {
                if gap != nil { gap!.append(ch) } else { plain.append(ch) }
                escaped = false
                continue
            }
            switch ch {
            case "\\":
                escaped = true
            case "{" where gap == nil:
                if !plain.isEmpty { result.append(.text(plain)); plain = "" }
                gap = ""
            case "}" where gap != nil:
                let answers = gap!.split(separator: "|", omittingEmptySubsequences: false)
                    .map { $0.trimmingSpaces() }
                result.append(.gap(ClozeGap(answers: answers)))
                gap = nil
            default:
                if gap != nil { gap!.append(ch) } else { plain.append(ch) }
            }
        }
        if escaped { plain.append("\\") }
        if let open = gap { plain += "{" + open }
        if !plain.isEmpty { result.append(.text(plain)) }
        return result
    }
}

/// One `{…}` gap of a cloze: the first answer is the one shown after
/// revealing; the others (`{1992|тоқсан екі}`) are accepted too.
public struct ClozeGap: Hashable, Sendable {
    public var answers: [String]

    /// An empty alternative beside an answer (`{|Paris}`, `{a|}`, reported
    /// as `empty-gap`) is left out: shown first, the revealed answer was
    /// blank ("The capital of France is ."), and accepted, typing nothing
    /// would have been right. A gap of empty answers only (`{}`) keeps them:
    /// its card is not loaded.
    public init(answers: [String]) {
        let given = answers.filter { !$0.isEmpty }
        self.answers = given.isEmpty ? answers : given
    }

    public var answer: String { answers.first ?? "" }
}

public struct OpenCard: Hashable, Sendable {
    /// The exam question (`Q:`).
    public var question: String
    /// The model answer (`A:`), revealed after the student has answered.
    public var modelAnswer: String
    /// The key points a full answer covers (`- ` lines after `A:`); the
    /// student ticks those they covered.
    public var keyPoints: [String]

    public init(question: String, modelAnswer: String, keyPoints: [String]) {
        self.question = question
        self.modelAnswer = modelAnswer
        self.keyPoints = keyPoints
    }
}

extension Substring {
    func trimmingSpaces() -> String {
        var s = self[...]
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}

extension String {
    func trimmingSpaces() -> String { self[...].trimmingSpaces() }
}
