/// One card as written in a deck file: what is asked, what counts as right,
/// and the metadata an instructor attached to it.
///
/// A `Card` is a value parsed from text; it knows nothing about a student's
/// progress. Progress is keyed by `StudyFace.key`, which is derived from `id`.
public struct Card: Hashable, Sendable {
    /// The card's fields, shared by its copies until one of them is changed.
    /// A card is copied into every face, study item and queue entry; copying
    /// its strings and arrays one by one (a retain and a release each) was a
    /// quarter of a start at 100,000 cards, where one reference is copied now.
    private var storage: Storage

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

    /// The shared box of a card's fields: copied before a change when
    /// another card still shares it, so cards stay values. A card read from
    /// the deck index holds its head at once and its body (`CardBody`) only
    /// when first asked for, from `deferred`: a start at 100,000 cards shows
    /// a few of them, and decoding every body was most of its memory.
    final class Storage: @unchecked Sendable {
        /// The head; changed only through a box no other card holds.
        var head: Head
        /// The body once known, in a box of its own: a card read from the
        /// index holds one reference until its body is decoded, not the
        /// body's 72 bytes (6 MB at 100,000 cards). Read and set under
        /// `deferred`'s lock while `deferred` is there (copies on other
        /// threads may ask at once).
        private var known: KnownBody?

        /// A decoded or given body.
        final class KnownBody: Sendable {
            /// The body.
            let body: CardBody

            init(_ body: CardBody) { self.body = body }
        }
        /// Where the body is decoded from, with the place and length of
        /// this card's body there; nil once a change made the body this
        /// box's own.
        private var deferred: (source: CardBodySource, offset: Int, length: Int)?

        init(head: Head, body: CardBody) {
            self.head = head
            self.known = KnownBody(body)
        }

        init(head: Head, deferred source: CardBodySource, offset: Int, length: Int) {
            self.head = head
            self.deferred = (source, offset, length)
        }

        /// The body, decoded on first use.
        var body: CardBody {
            guard let (source, offset, length) = deferred else { return known?.body ?? placeholder }
            return source.lock.withLock { _ in
                if let known { return known.body }
                let decoded = source.decoder.body(at: offset, length: length) ?? placeholder
                known = KnownBody(decoded)
                return decoded
            }
        }

        /// What a card shows when its body cannot be had after all (its
        /// entry's block damaged and the deck file edited since the start,
        /// so neither can give it): empty text of the card's kind, and no
        /// trap.
        private var placeholder: CardBody {
            let content: CardContent =
                switch head.kind {
                case .question: .question(QuestionCard(question: "", answer: ""))
                case .term: .term(TermCard(term: "", definition: ""))
                case .choice: .choice(ChoiceCard(question: "", options: []))
                case .cloze: .cloze(ClozeCard(text: "", alternatives: [], prompt: ""))
                case .open: .open(OpenCard(question: "", modelAnswer: "", keyPoints: []))
                }
            return CardBody(content: content, source: nil, lastLine: head.location.line)
        }

        /// Whether the body is known (decoded, or never deferred).
        var isBodyKnown: Bool {
            guard let (source, _, _) = deferred else { return true }
            return source.lock.withLock { _ in known != nil }
        }

        /// The body to change, in a box no other card holds: decoded, then
        /// owned (no lock needed any more).
        var ownBody: CardBody {
            get { body }
            set {
                known = KnownBody(newValue)
                deferred = nil
            }
        }
    }

    /// The head, to change: the box is copied first when shared.
    private var head: Head {
        get { storage.head }
        _modify {
            unshare()
            yield &storage.head
        }
    }

    /// The body, to change: the box is copied first when shared.
    private var body: CardBody {
        get { storage.body }
        _modify {
            unshare()
            var body = storage.ownBody
            yield &body
            storage.ownBody = body
        }
    }

    /// Whether this card's body has been decoded (always, for a parsed
    /// card): the deck index decodes a body only when it is first needed.
    var isBodyDecoded: Bool { storage.isBodyKnown }

    private mutating func unshare() {
        if !isKnownUniquelyReferenced(&storage) { storage = Storage(head: storage.head, body: storage.body) }
    }

    /// Stable identity: the explicit `id:` scoped by the deck's namespace
    /// (`NAMESPACE:ID`) when the author gave one, else a hash of the kind
    /// and the normalised prompt (see `CardID`).
    public var id: CardID {
        get { storage.head.id }
        set { head.id = newValue }
    }
    /// Whether `id` was written in the file (`id:`) or derived from the prompt.
    public var hasExplicitID: Bool {
        get { storage.head.hasExplicitID }
        set { head.hasExplicitID = newValue }
    }
    /// The id the card's kind and prompt give, even when an explicit `id:`
    /// wins: progress recorded before the `id:` was added lives under it,
    /// and is handed over to `id` (`formerIDs`).
    public var derivedID: CardID {
        get { storage.head.derivedID }
        set { head.derivedID = newValue }
    }
    /// What kind of card this is, with the content that kind needs.
    public var content: CardContent {
        get { storage.body.content }
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
        get { storage.head.level }
        set { head.level = newValue }
    }
    /// Tags written on the card (`tags:`), in file order, without the
    /// section tags.
    public var tags: [String] {
        get { storage.head.tags }
        set { head.tags = newValue }
    }
    /// Tags inherited from the sections (`##`, `###`) the card stands in,
    /// outermost first.
    public var sectionTags: [String] {
        get { storage.head.sectionTags }
        set { head.sectionTags = newValue }
    }
    /// Where the content came from, e.g. lecture notes at `FILE:LINE`.
    public var source: String? {
        get { storage.body.source }
        set { body.source = newValue }
    }
    /// Where the card starts in its deck file (for diagnostics, `list`, and
    /// opening the card in an editor).
    public var location: SourceLocation {
        get { storage.head.location }
        set { head.location = newValue }
    }
    /// The card's last line that is not blank or a comment: where a line
    /// added to the card (`id:`) goes.
    public var lastLine: Int {
        get { storage.body.lastLine }
        set { body.lastLine = newValue }
    }

    public init(
        id: CardID, hasExplicitID: Bool = false, derivedID: CardID? = nil, content: CardContent, level: Int = 1,
        tags: [String] = [], sectionTags: [String] = [], source: String? = nil,
        location: SourceLocation, lastLine: Int? = nil
    ) {
        storage = Storage(
            head: Head(
                id: id, hasExplicitID: hasExplicitID, definitionLength: Self.headLength(content.definitionLength),
                derivedID: derivedID ?? CardID.derived(kind: content.kind, prompt: content.prompt),
                kind: content.kind, isAnswerable: content.isAnswerable, level: level, tags: tags,
                sectionTags: sectionTags, location: location),
            body: CardBody(content: content, source: source, lastLine: lastLine ?? location.line))
    }

    /// A card whose body (content, source, last line) is decoded from the
    /// `length` bytes at `offset` in `source` when first asked for (the
    /// deck index); `kind`, `isAnswerable` and `definitionLength` must be
    /// what that content gives.
    public init(
        id: CardID, hasExplicitID: Bool, derivedID: CardID, kind: CardKind, isAnswerable: Bool,
        definitionLength: Int, level: Int, tags: [String], sectionTags: [String], location: SourceLocation,
        bodyAt offset: Int, length: Int, in source: CardBodySource
    ) {
        storage = Storage(
            head: Head(
                id: id, hasExplicitID: hasExplicitID, definitionLength: Self.headLength(definitionLength),
                derivedID: derivedID, kind: kind, isAnswerable: isAnswerable,
                level: level, tags: tags, sectionTags: sectionTags, location: location),
            deferred: source, offset: offset, length: length)
    }

    /// Equal fields, whether shared or not, decoded or not.
    public static func == (a: Card, b: Card) -> Bool {
        a.storage === b.storage || (a.storage.head == b.storage.head && a.storage.body == b.storage.body)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(storage.head)
        hasher.combine(storage.body)
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

    public var kind: CardKind { storage.head.kind }

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
    public var isAnswerable: Bool { storage.head.isAnswerable }

    /// A term card's definition length in Unicode scalars (0 for the other
    /// kinds; see `CardContent.definitionLength`), known without decoding
    /// the body.
    public var definitionLength: Int { Int(storage.head.definitionLength) }

    /// A length as the head keeps it: a definition of more than 4 billion
    /// scalars is not a deck anyone writes, and is kept as the largest.
    private static func headLength(_ length: Int) -> UInt32 { UInt32(clamping: length) }
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

    public init(answers: [String]) { self.answers = answers }

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
