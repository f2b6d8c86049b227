/// Every problem the deck format reports, with its stable code, severity and
/// message in Kazakh and English. Keeping them in one place keeps the codes
/// stable and lets `jatta check --help` and docs/deck-format.md list them.
public enum DeckIssue: Hashable, Sendable {
    // Bytes and files
    case invalidUTF8
    case nulByte
    case binaryFile
    /// The file is UTF-16 (Windows Notepad's "Unicode"): its NUL bytes are
    /// half of every Latin and Cyrillic character, not a binary file.
    case utf16
    case unreadable(path: String, reason: String)
    case noDecks(path: String)
    case tooManyDiagnostics(dropped: Int)
    // Lines
    case unknownLine
    case unindentedText
    case orphanContinuation
    case continuationNotAllowed(field: String)
    case misplacedTitle
    case emptyHeading
    case outsideCard(line: String)
    case fieldOutsideCard(field: String)
    case cyrillicMarker(found: String, meant: String)
    // Fields
    case unknownField(name: String, suggestion: String?)
    case unknownMetadata(key: String)
    case duplicateMetadata(key: String)
    case unknownLanguage(String)
    case duplicateField(field: String)
    case invalidLevel(String)
    case levelOutOfRange(Int)
    case invalidID(String)
    case sourceFormat(String)
    case emptyTag
    // Card structure
    case emptyText(TextPart)
    case missingAnswer
    case missingDefinition
    case mixedKinds
    case lineNotForKind(line: String, kind: CardKind)
    case answerMarkerForKind(found: String, meant: String, kind: CardKind)
    case altNotAllowed(kind: CardKind)
    case altOnMultiGapCloze
    case noCorrectOption
    case tooFewOptions
    case duplicateOption(String)
    // Cloze
    case clozeWithoutGap
    case unclosedGap
    case nestedGap
    case strayClosingBrace
    case emptyGap
    case unknownEscape(Character)
    // Text
    case latinInCyrillicWord(word: String, letters: String)
    case wrongLetter(found: String, meant: String)
    // Across files
    case duplicateID(id: String, first: SourceLocation)
    case duplicatePrompt(first: SourceLocation)

    /// The stable name of the problem, for tools, tests and `--json`.
    public var code: String {
        switch self {
        case .invalidUTF8: "invalid-utf8"
        case .nulByte: "nul-byte"
        case .binaryFile: "binary-file"
        case .utf16: "utf16"
        case .unreadable: "unreadable"
        case .noDecks: "no-decks"
        case .tooManyDiagnostics: "too-many-diagnostics"
        case .unknownLine: "unknown-line"
        case .unindentedText: "unindented-text"
        case .orphanContinuation: "orphan-continuation"
        case .continuationNotAllowed: "continuation-not-allowed"
        case .misplacedTitle: "misplaced-title"
        case .emptyHeading: "empty-heading"
        case .outsideCard: "outside-card"
        case .fieldOutsideCard: "field-outside-card"
        case .cyrillicMarker: "cyrillic-marker"
        case .unknownField: "unknown-field"
        case .unknownMetadata: "unknown-metadata"
        case .duplicateMetadata: "duplicate-metadata"
        case .unknownLanguage: "unknown-language"
        case .duplicateField: "duplicate-field"
        case .invalidLevel: "invalid-level"
        case .levelOutOfRange: "level-out-of-range"
        case .invalidID: "invalid-id"
        case .sourceFormat: "source-format"
        case .emptyTag: "empty-tag"
        case .emptyText: "empty-text"
        case .missingAnswer: "missing-answer"
        case .missingDefinition: "missing-definition"
        case .mixedKinds: "mixed-kinds"
        case .lineNotForKind: "line-not-for-kind"
        case .answerMarkerForKind: "answer-marker"
        case .altNotAllowed: "alt-not-allowed"
        case .altOnMultiGapCloze: "alt-multi-gap"
        case .noCorrectOption: "no-correct-option"
        case .tooFewOptions: "too-few-options"
        case .duplicateOption: "duplicate-option"
        case .clozeWithoutGap: "cloze-without-gap"
        case .unclosedGap: "unclosed-gap"
        case .nestedGap: "nested-gap"
        case .strayClosingBrace: "stray-brace"
        case .emptyGap: "empty-gap"
        case .unknownEscape: "unknown-escape"
        case .latinInCyrillicWord: "latin-in-cyrillic"
        case .wrongLetter: "wrong-letter"
        case .duplicateID: "duplicate-id"
        case .duplicatePrompt: "duplicate-prompt"
        }
    }

    /// Errors mean the deck does not say what its author wrote (a card or
    /// a line is lost or changed) or a card cannot be studied; warnings are
    /// likely mistakes in a deck that loads as written. A level outside 1–3
    /// and a choice card with no correct option are warnings: the card is
    /// kept as written (`jatta list` shows it), and study and quiz skip a
    /// choice card nobody can answer right.
    public var severity: Diagnostic.Severity {
        switch self {
        case .unknownMetadata, .duplicateMetadata, .unknownLanguage, .cyrillicMarker, .sourceFormat,
            .emptyTag, .tooFewOptions, .duplicateOption, .strayClosingBrace, .unknownEscape,
            .latinInCyrillicWord, .wrongLetter, .duplicatePrompt, .altOnMultiGapCloze, .tooManyDiagnostics,
            .levelOutOfRange, .noCorrectOption, .emptyHeading, .answerMarkerForKind:
            .warning
        default:
            .error
        }
    }

    /// The message in Kazakh.
    public var kk: String {
        switch self {
        case .invalidUTF8: "UTF-8 емес байттар; олар � болып оқылды (файлды UTF-8 ретінде сақтаңыз)"
        case .nulByte: "NUL байты (0x00); ол � болып оқылды"
        case .binaryFile: "бұл екілік файл сияқты, мәтіндік карталар жинағы емес"
        case .utf16: "файл UTF-16 кодтауында сақталған; оны UTF-8 ретінде сақтаңыз (мысалы: iconv -f UTF-16 -t UTF-8)"
        case .unreadable(let path, let reason): "'\(path)' оқылмады: \(reason)"
        case .noDecks(let path): "'\(path)' ішінде .deck файлы жоқ"
        case .tooManyDiagnostics(let n): "тым көп хабар; тағы \(n) хабар көрсетілмеді"
        case .unknownLine:
            "бұл жол пішімге жатпайды: картаны Q:, T: немесе C: деп бастаңыз, ал мәтінді жалғастыру үшін жолды шегініспен жазыңыз"
        case .unindentedText: "картаның ішіндегі шегініссіз мәтін: жоғарыдағы мәтінді жалғастыру үшін жолдың басына бос орын қойыңыз"
        case .orphanContinuation: "шегініспен жазылған жол ешбір мәтінді жалғастырмайды"
        case .continuationNotAllowed(let f): "'\(f):' өрісі бір жолдан тұрады; оны келесі жолға жалғастыруға болмайды"
        case .misplacedTitle: "тақырып (# …) бір-ақ рет, бірінші бөлім мен картадан бұрын жазылады"
        case .emptyHeading: "бос тақырып: # белгісінен кейін атауын жазыңыз"
        case .outsideCard(let l): "'\(l)' жолы картадан тыс тұр: алдымен Q:, T: немесе C: жолын жазыңыз"
        case .fieldOutsideCard(let f): "карта өрісі картадан тыс тұр: '\(f):'"
        case .cyrillicMarker(let found, let meant): "'\(found):' кирилл әрпімен жазылған; '\(meant):' деп оқылды, латын әрпімен жазыңыз"
        case .unknownField(let n, let s):
            "белгісіз өріс '\(n):'" + (s.map { "; '\($0):' болуы мүмкін бе?" } ?? "")
        case .unknownMetadata(let k): "белгісіз метадерек кілті '\(k):' (сақталады, бірақ қате жазылған болуы мүмкін)"
        case .duplicateMetadata(let k): "'\(k):' метадерегі қайталанған; біріншісі қолданылады"
        case .unknownLanguage(let v): "белгісіз тіл '\(v)'; kk, ru немесе en деп жазыңыз"
        case .duplicateField(let f): "'\(f):' бір картада екі рет жазылған"
        case .invalidLevel(let v): "деңгей сан болуы керек (1, 2 немесе 3), ал '\(v)' жазылған"
        case .levelOutOfRange(let n): "деңгей 1–3 аралығында болуы керек, ал \(n) жазылған (карта оқылады, бірақ деңгей сүзгісіне түспейді)"
        case .invalidID(let v):
            "'\(v)' идентификатор бола алмайды: әріптер, цифрлар, '-', '_', '.' ғана, ең көбі 64 таңба"
        case .sourceFormat(let v): "дереккөз ФАЙЛ:ЖОЛ түрінде жазылады, ал '\(v)' жазылған"
        case .emptyTag: "бос тег (қатар тұрған үтірлер)"
        case .emptyText(let part): "бос мәтін: \(part.kk)"
        case .missingAnswer: "сұрақтың жауабы жоқ: A: жолын немесе * / - нұсқаларын жазыңыз"
        case .missingDefinition: "терминнің анықтамасы жоқ: D: жолын жазыңыз"
        case .mixedKinds: "бір сұрақта әрі жауап (A:), әрі нұсқалар (*) бар; біреуін қалдырыңыз"
        case .lineNotForKind(let l, let k): "'\(l)' жолы \(Self.kkKind(k)) картасына жатпайды"
        case .answerMarkerForKind(let f, let m, let k):
            "\(Self.kkKind(k)) картасындағы '\(f):' жолы '\(m):' деп оқылды; '\(m):' деп жазыңыз"
        case .altNotAllowed(let k): "alt: \(Self.kkKind(k)) картасында қолданылмайды"
        case .altOnMultiGapCloze: "бірнеше бос орыны бар клозда alt: тек бүкіл жауапқа қатысты; баламаны {жауап|балама} деп жазыңыз"
        case .noCorrectOption: "таңдау сұрағында дұрыс нұсқа жоқ: дұрыс нұсқаны * деп белгілеңіз (оған дейін сұрақ қойылмайды)"
        case .tooFewOptions: "таңдау сұрағында бір ғана нұсқа бар"
        case .duplicateOption(let t): "'\(t)' нұсқасы қайталанған"
        case .clozeWithoutGap: "клозда бос орын жоқ: жасырылатын сөзді {…} ішіне алыңыз"
        case .unclosedGap: "'{' жабылмаған: '}' жетіспейді"
        case .nestedGap: "бос орынның ішіндегі '{'; әріптік жақша үшін \\{ деп жазыңыз"
        case .strayClosingBrace: "ашылмаған '}'; әріптік жақша үшін \\} деп жазыңыз"
        case .emptyGap: "бос орын немесе оның баламасы бос: {}"
        case .unknownEscape(let c): "'\\\(c)' экрандауы белгісіз; кері қиғаш сызық алынып тасталады (\\\\ деп жазыңыз)"
        case .latinInCyrillicWord(let w, let l): "'\(w)' кирилл сөзінде латын әрпі бар: \(l)"
        case .wrongLetter(let f, let m): "'\(f)' қазақ әрпі емес; '\(m)' деп жазыңыз"
        case .duplicateID(let id, let first): "'\(id)' идентификаторы қайталанған; алғашқысы: \(first)"
        case .duplicatePrompt(let first): "дәл осы сұрақ бұрын да жазылған: \(first); екеуінің үлгерімі ортақ болады"
        }
    }

    /// The message in English.
    public var en: String {
        switch self {
        case .invalidUTF8: "bytes that are not UTF-8, read as � (save the file as UTF-8)"
        case .nulByte: "a NUL byte (0x00), read as �"
        case .binaryFile: "this looks like a binary file, not a deck"
        case .utf16: "the file is UTF-16; save it as UTF-8 (e.g. iconv -f UTF-16 -t UTF-8)"
        case .unreadable(let path, let reason): "cannot read '\(path)': \(reason)"
        case .noDecks(let path): "no .deck files in '\(path)'"
        case .tooManyDiagnostics(let n): "too many problems; \(n) more not shown"
        case .unknownLine:
            "a line that is not part of the format: start a card with Q:, T: or C:, or indent the line to continue the text above"
        case .unindentedText: "unindented text inside a card: indent the line to continue the text above"
        case .orphanContinuation: "an indented line that continues no text"
        case .continuationNotAllowed(let f): "'\(f):' takes one line; it cannot continue on the next"
        case .misplacedTitle: "the title (# …) comes once, before the first section and card"
        case .emptyHeading: "an empty title: write the deck's name after #"
        case .outsideCard(let l): "'\(l)' outside a card: start the card with Q:, T: or C: first"
        case .fieldOutsideCard(let f): "a card field outside a card: '\(f):'"
        case .cyrillicMarker(let found, let meant): "'\(found):' is written with a Cyrillic letter; read as '\(meant):', write it in Latin"
        case .unknownField(let n, let s):
            "unknown field '\(n):'" + (s.map { "; did you mean '\($0):'?" } ?? "")
        case .unknownMetadata(let k): "unknown metadata key '\(k):' (kept, but it may be a typo)"
        case .duplicateMetadata(let k): "metadata '\(k):' given twice; the first is used"
        case .unknownLanguage(let v): "unknown language '\(v)'; write kk, ru or en"
        case .duplicateField(let f): "'\(f):' given twice in one card"
        case .invalidLevel(let v): "a level is a number (1, 2 or 3), not '\(v)'"
        case .levelOutOfRange(let n): "a level is 1–3, not \(n) (the card is studied, but no level filter picks it)"
        case .invalidID(let v): "'\(v)' is not a valid id: letters, digits, '-', '_', '.' only, at most 64"
        case .sourceFormat(let v): "a source is written FILE:LINE, not '\(v)'"
        case .emptyTag: "an empty tag (two commas in a row)"
        case .emptyText(let part): "empty \(part.rawValue)"
        case .missingAnswer: "a question with no answer: add an A: line or * / - options"
        case .missingDefinition: "a term with no definition: add a D: line"
        case .mixedKinds: "a question with both an answer (A:) and options (*); keep one"
        case .lineNotForKind(let l, let k): "'\(l)' does not belong in a \(k.rawValue) card"
        case .answerMarkerForKind(let f, let m, let k): "'\(f):' in a \(k.rawValue) card is read as '\(m):'; write '\(m):'"
        case .altNotAllowed(let k): "alt: does not apply to a \(k.rawValue) card"
        case .altOnMultiGapCloze: "alt: on a cloze with several gaps stands for the whole answer; write {answer|other} instead"
        case .noCorrectOption: "a multiple-choice question with no correct option: mark it with * (until then it is not asked)"
        case .tooFewOptions: "a multiple-choice question with only one option"
        case .duplicateOption(let t): "option '\(t)' given twice"
        case .clozeWithoutGap: "a cloze with no gap: put the hidden words in {…}"
        case .unclosedGap: "unclosed '{': a '}' is missing"
        case .nestedGap: "'{' inside a gap; write \\{ for a literal brace"
        case .strayClosingBrace: "'}' with no '{'; write \\} for a literal brace"
        case .emptyGap: "an empty gap or gap alternative: {}"
        case .unknownEscape(let c): "unknown escape '\\\(c)'; the backslash is dropped (write \\\\ for a backslash)"
        case .latinInCyrillicWord(let w, let l): "Latin letters in the Cyrillic word '\(w)': \(l)"
        case .wrongLetter(let f, let m): "'\(f)' is not a Kazakh letter; write '\(m)'"
        case .duplicateID(let id, let first): "duplicate id '\(id)'; first at \(first)"
        case .duplicatePrompt(let first): "the same prompt as at \(first); the two share progress"
        }
    }

    static func kkKind(_ kind: CardKind) -> String {
        switch kind {
        case .question: "сұрақ"
        case .term: "термин"
        case .choice: "таңдау"
        case .cloze: "клоз"
        case .open: "ашық сұрақ"
        }
    }

    /// A diagnostic for this issue at `location`.
    public func at(_ location: SourceLocation) -> Diagnostic {
        Diagnostic(location: location, severity: severity, code: code, kk: kk, en: en)
    }

    /// Every code with its severity and an English summary, for help texts.
    public static let catalogue: [(code: String, severity: Diagnostic.Severity, summary: String)] = {
        let here = SourceLocation(file: "", line: 0, column: 0)
        let samples: [DeckIssue] = [
            .invalidUTF8, .nulByte, .binaryFile, .utf16, .unreadable(path: "P", reason: "R"), .noDecks(path: "P"),
            .unknownLine, .unindentedText, .orphanContinuation, .continuationNotAllowed(field: "level"),
            .misplacedTitle, .emptyHeading, .outsideCard(line: "A:"), .fieldOutsideCard(field: "level"),
            .cyrillicMarker(found: "С", meant: "C"), .unknownField(name: "tag", suggestion: "tags"),
            .unknownMetadata(key: "autor"), .duplicateMetadata(key: "lang"), .unknownLanguage("de"),
            .duplicateField(field: "A"), .invalidLevel("two"), .levelOutOfRange(4), .invalidID("a b"),
            .sourceFormat("notes"), .emptyTag, .emptyText(.answer), .missingAnswer, .missingDefinition,
            .mixedKinds, .lineNotForKind(line: "*", kind: .term),
            .answerMarkerForKind(found: "D", meant: "A", kind: .question), .altNotAllowed(kind: .choice),
            .altOnMultiGapCloze, .noCorrectOption, .tooFewOptions, .duplicateOption("X"), .clozeWithoutGap,
            .unclosedGap, .nestedGap, .strayClosingBrace, .emptyGap, .unknownEscape("n"),
            .latinInCyrillicWord(word: "cөз", letters: "c→с"), .wrongLetter(found: "ӛ", meant: "ө"),
            .duplicateID(id: "x", first: here), .duplicatePrompt(first: here), .tooManyDiagnostics(dropped: 1),
        ]
        return samples.map { ($0.code, $0.severity, $0.en) }
    }()
}

/// The part of a card a text problem is about.
public enum TextPart: String, Hashable, Sendable {
    case question, answer, term, definition
    case clozeText = "cloze text"
    case option
    case keyPoint = "key point"
    case alternative

    /// The part's name in Kazakh.
    public var kk: String {
        switch self {
        case .question: "сұрақ"
        case .answer: "жауап"
        case .term: "термин"
        case .definition: "анықтама"
        case .clozeText: "клоз мәтіні"
        case .option: "нұсқа"
        case .keyPoint: "негізгі тұжырым"
        case .alternative: "балама жауап"
        }
    }
}
