/// Every problem the deck format reports, with its stable code, severity and
/// message in Kazakh and English. Keeping them in one place keeps the codes
/// stable and lets `jatta check --help` and docs/deck-format.md list them.
public enum DeckIssue: Hashable, Sendable {
    // Bytes and files
    case invalidUTF8
    case nulByte
    /// A CR alone inside a line of a file whose lines end at LF: many
    /// editors show a line break there, the parser does not.
    case carriageReturnInLine
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
    case strayLine
    /// A line that starts with an invisible character (a byte-order mark
    /// left by joining files, a zero-width or no-break space): read as
    /// prose, though what follows it is a marker or indented text.
    case invisibleLineStart(character: InvisibleCharacter)
    case malformedMarker(found: String, meant: String)
    case optionWithoutSpace(mark: String)
    case dashOption
    case keyPointsBeforeAnswer
    case orphanContinuation
    case continuationNotAllowed(field: String)
    case misplacedTitle
    case emptyHeading
    case outsideCard(line: String)
    case fieldOutsideCard(field: String)
    case cyrillicMarker(found: String, meant: String)
    // Fields
    case unknownField(name: String, suggestion: String?)
    case unknownMetadata(key: String, suggestion: String?)
    case duplicateMetadata(key: String)
    case unknownLanguage(String)
    /// An `order:` header value that names no new-card order.
    case unknownOrder(String)
    case duplicateField(field: String)
    case invalidLevel(String)
    case levelOutOfRange(Int)
    case invalidID(String)
    case invalidNamespace(String)
    /// An `exam:` header that is not a real `YYYY-MM-DD` date.
    case invalidExamDate(String)
    case idWithoutNamespace(suggested: String)
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
    case strayClosingBrace
    case emptyGap
    case unknownEscape(Character)
    // Text
    case latinInCyrillicWord(word: String, letters: String)
    case wrongLetter(found: String, meant: String)
    case latinWord(word: String, meant: String)
    case definitionContainsTerm(word: String)
    // Across files
    case duplicateID(id: String, first: SourceLocation)
    case duplicatePrompt(first: SourceLocation)
    case identityChange(
        oldID: String, newID: String, oldPrompt: String, newPrompt: String, oldLine: Int, facesWithProgress: Int?,
        keepable: Bool)

    /// The stable name of the problem, for tools, tests and `--json`.
    public var code: String {
        switch self {
        case .invalidUTF8: "invalid-utf8"
        case .nulByte: "nul-byte"
        case .carriageReturnInLine: "carriage-return-in-line"
        case .binaryFile: "binary-file"
        case .utf16: "utf16"
        case .unreadable: "unreadable"
        case .noDecks: "no-decks"
        case .tooManyDiagnostics: "too-many-diagnostics"
        case .unknownLine: "unknown-line"
        case .unindentedText: "unindented-text"
        case .strayLine: "stray-line"
        case .invisibleLineStart: "invisible-line-start"
        case .malformedMarker: "malformed-marker"
        case .optionWithoutSpace: "option-without-space"
        case .dashOption: "dash-option"
        case .keyPointsBeforeAnswer: "key-points-before-answer"
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
        case .unknownOrder: "unknown-order"
        case .duplicateField: "duplicate-field"
        case .invalidLevel: "invalid-level"
        case .levelOutOfRange: "level-out-of-range"
        case .invalidID: "invalid-id"
        case .invalidNamespace: "invalid-namespace"
        case .invalidExamDate: "invalid-exam-date"
        case .idWithoutNamespace: "id-without-namespace"
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
        case .strayClosingBrace: "stray-brace"
        case .emptyGap: "empty-gap"
        case .unknownEscape: "unknown-escape"
        case .latinInCyrillicWord: "latin-in-cyrillic"
        case .wrongLetter: "wrong-letter"
        case .latinWord: "latin-word"
        case .definitionContainsTerm: "definition-contains-term"
        case .duplicateID: "duplicate-id"
        case .duplicatePrompt: "duplicate-prompt"
        case .identityChange: "identity-change"
        }
    }

    /// Errors mean the deck does not say what its author wrote (a card or
    /// a line is lost or changed) or a card cannot be studied (a choice
    /// card with no correct option is never asked); warnings are likely
    /// mistakes in a deck that loads as written. A level outside 1–3 is a
    /// warning: the card is kept and studied.
    public var severity: Diagnostic.Severity {
        switch self {
        case .unknownMetadata, .duplicateMetadata, .unknownLanguage, .unknownOrder, .cyrillicMarker, .sourceFormat,
            .emptyTag, .tooFewOptions, .duplicateOption, .strayClosingBrace, .unknownEscape,
            .latinInCyrillicWord, .wrongLetter, .carriageReturnInLine, .duplicatePrompt, .altOnMultiGapCloze, .tooManyDiagnostics,
            .levelOutOfRange, .emptyHeading, .latinWord, .definitionContainsTerm, .answerMarkerForKind, .idWithoutNamespace,
            .identityChange, .invalidExamDate:
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
        case .carriageReturnInLine:
            "жол ортасында жалғыз CR таңбасы: кейбір редакторлар мұнда жаңа жол көрсетеді, бірақ jatta бұл жолды бір жол ретінде оқиды (файлды LF немесе CRLF жол соңдарымен сақтаңыз)"
        case .binaryFile: "бұл екілік файл сияқты, мәтіндік карталар жинағы емес"
        case .utf16: "файл UTF-16 кодтауында сақталған; оны UTF-8 ретінде сақтаңыз (мысалы: iconv -f UTF-16 -t UTF-8)"
        case .unreadable(let path, let reason): "'\(path)' оқылмады: \(reason)"
        case .noDecks(let path): "'\(path)' ішінде .deck файлы жоқ"
        case .tooManyDiagnostics(let n): "тым көп хабар; тағы \(n) хабар көрсетілмеді"
        case .unknownLine:
            "бұл жол пішімге жатпайды: ескертпе болса, оны // деп басталатын түсініктеме етіңіз; карта болса, Q:, T: немесе C: деп бастаңыз"
        case .unindentedText:
            "картаның ішіндегі шегініссіз мәтін: жоғарыдағы мәтін осы жерде үзіледі, сондықтан карта жүктелмейді; жалғастыру үшін жолдың басына бос орын қойыңыз"
        case .strayLine:
            "карталар арасындағы бөгде жол: ескертпе болса, оны // деп басталатын түсініктеме етіңіз"
        case .invisibleLineStart(let c):
            c.isSpace
                ? "жол көрінбейтін \(c.name) таңбасынан басталады, ол шегініс емес: оның орнына бос орын қойыңыз"
                : "жол көрінбейтін \(c.name) таңбасынан басталады, сондықтан одан кейінгісі оқылмайды: оны өшіріңіз"
        case .malformedMarker(let found, let meant): "'\(found)' белгісі дұрыс емес; '\(meant)' деп жазыңыз (солай оқылды)"
        case .optionWithoutSpace(let mark): "'\(mark)' белгісінен кейін бос орын жоқ; '\(mark) …' деп жазыңыз (нұсқа ретінде оқылды)"
        case .dashOption: "нұсқа ұзын сызықшамен басталған; '-' деп жазыңыз (қате нұсқа ретінде оқылды)"
        case .keyPointsBeforeAnswer:
            "негізгі тұжырымдар (-) A: жолынан кейін жазылады; карта жүктелмеді: A: жолын '-' жолдарының алдына көшіріңіз"
        case .orphanContinuation: "шегініспен жазылған жол ешбір мәтінді жалғастырмайды"
        case .continuationNotAllowed(let f): "'\(f):' өрісі бір жолдан тұрады; оны келесі жолға жалғастыруға болмайды"
        case .misplacedTitle: "тақырып (# …) бір-ақ рет, бірінші бөлім мен картадан бұрын жазылады"
        case .emptyHeading: "бос тақырып: # белгісінен кейін атауын жазыңыз"
        case .outsideCard(let l): "'\(l)' жолы картадан тыс тұр: алдымен Q:, T: немесе C: жолын жазыңыз"
        case .fieldOutsideCard(let f): "карта өрісі картадан тыс тұр: '\(f):'"
        case .cyrillicMarker(let found, let meant): "'\(found):' кирилл әрпімен жазылған; '\(meant):' деп оқылды, латын әрпімен жазыңыз"
        case .unknownField(let n, let s):
            "белгісіз өріс '\(n):'" + (s.map { "; '\($0):' болуы мүмкін бе?" } ?? "")
        case .unknownMetadata(let k, let s?): "белгісіз метадерек кілті '\(k):'; '\(s):' деп жазылуы керек пе? (онсыз \(s) қолданылмайды)"
        case .unknownMetadata(let k, nil): "белгісіз метадерек кілті '\(k):' (сақталады, бірақ қате жазылған болуы мүмкін)"
        case .duplicateMetadata(let k): "'\(k):' метадерегі қайталанған; біріншісі қолданылады"
        case .unknownLanguage(let v): "белгісіз тіл '\(v)'; kk, ru немесе en деп жазыңыз"
        case .unknownOrder(let v): "белгісіз реттеу '\(v)'; mixed немесе file деп жазыңыз (mixed қолданылады)"
        case .duplicateField(let f): "'\(f):' бір картада екі рет жазылған"
        case .invalidLevel(let v): "деңгей сан болуы керек (1, 2 немесе 3), ал '\(v)' жазылған"
        case .levelOutOfRange(let n): "деңгей 1–3 аралығында болуы керек, ал \(n) жазылған (карта оқылады, бірақ деңгей сүзгісіне түспейді)"
        case .invalidID(let v):
            "'\(v)' идентификатор бола алмайды: әріптер, цифрлар, '-', '_', '.' ғана, ең көбі 64 таңба"
        case .invalidNamespace(let v):
            "'\(v)' аттар кеңістігі бола алмайды: әріптер, цифрлар, '-', '_', '.' ғана, ең көбі 64 таңба"
        case .idWithoutNamespace(let n):
            "id: жазылған, бірақ жинақта namespace: жоқ; идентификаторлар файл атымен ('\(n)') шектеледі, сондықтан картаны басқа файлға көшірсе, үлгерім жоғалады: тақырыптан кейін дәл 'namespace: \(n)' деп жазыңыз: идентификаторлар өзгермейді және осы жолы бар кез келген файлға картамен бірге көшеді (басқа атау жаңа идентификатор, яғни үлгерім жоғалады)"
        case .invalidExamDate(let v):
            "емтихан күні ЖЖЖЖ-АА-КК түрінде нақты күн болуы керек (мысалы 2026-12-20), ал '\(v)' жазылған; бұл күн ескерілмейді"
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
        case .noCorrectOption: "таңдау сұрағында дұрыс нұсқа жоқ, сондықтан ол ешқашан қойылмайды: дұрыс нұсқаны * деп белгілеңіз"
        case .tooFewOptions: "таңдау сұрағында бір ғана нұсқа бар"
        case .duplicateOption(let t): "'\(t)' нұсқасы қайталанған"
        case .clozeWithoutGap: "клозда бос орын жоқ: жасырылатын сөзді {…} ішіне алыңыз"
        case .unclosedGap: "'{' жабылмаған: '}' жетіспейді"
        case .strayClosingBrace: "ашылмаған '}'; әріптік жақша үшін \\} деп жазыңыз"
        case .emptyGap: "бос орын немесе оның баламасы бос: {}"
        case .unknownEscape(let c): "'\\\(c)' экрандауы белгісіз; кері қиғаш сызық алынып тасталады (\\\\ деп жазыңыз)"
        case .latinInCyrillicWord(let w, let l): "'\(w)' кирилл сөзінде латын әрпі бар: \(l)"
        case .wrongLetter(let f, let m): "'\(f)' қазақ әрпі емес; '\(m)' деп жазыңыз"
        case .latinWord(let w, let m):
            "'\(w)' сөзі кирилл мәтінінде тек латын әріптерімен жазылған (кирилл әріптеріне ұқсас); қазақша сөз болса, '\(m)' деп жазыңыз, әйтпесе кириллмен терген студенттің жауабы сәйкес келмейді (сұрақта болса, алдымен jatta pin-ids)"
        case .definitionContainsTerm(let w):
            "анықтамада терминнің өзі бар ('\(w)'): кері бетте (анықтама → термин) жауап көрініп тұрады; оны басқа сөзбен ауыстырыңыз"
        case .duplicateID(let id, let first): "'\(id)' идентификаторы қайталанған; алғашқысы: \(first)"
        case .duplicatePrompt(let first): "дәл осы сұрақ бұрын да жазылған: \(first); екеуінің үлгерімі ортақ болады"
        case .identityChange(let oldID, let newID, let oldPrompt, let newPrompt, let oldLine, let faces, let keepable):
            "картаның идентификаторы өзгереді: бұрынғы \(oldLine)-жолдағы «\(Self.short(oldPrompt))» (\(oldID)) енді «\(Self.short(newPrompt))» (\(newID)); оны оқыған әр студенттің үлгерімі нөлден басталады"
                + (faces.map { " (осы дерекқорда \($0) бетінде үлгерім бар)" } ?? "")
                + (keepable ? "; сақтау үшін картаға 'id: \(oldID)' жолын қосыңыз" : "; сақтау үшін бұрынғы id: жолын және namespace: мәнін қайтарыңыз")
        }
    }

    /// The message in English.
    public var en: String {
        switch self {
        case .invalidUTF8: "bytes that are not UTF-8, read as � (save the file as UTF-8)"
        case .nulByte: "a NUL byte (0x00), read as �"
        case .carriageReturnInLine:
            "a CR alone inside the line: some editors show a line break here, but jatta reads one line (save the file with LF or CRLF line ends)"
        case .binaryFile: "this looks like a binary file, not a deck"
        case .utf16: "the file is UTF-16; save it as UTF-8 (e.g. iconv -f UTF-16 -t UTF-8)"
        case .unreadable(let path, let reason): "cannot read '\(path)': \(reason)"
        case .noDecks(let path): "no .deck files in '\(path)'"
        case .tooManyDiagnostics(let n): "too many problems; \(n) more not shown"
        case .unknownLine:
            "a line that is not part of the format: make it a comment (//) if it is a note, or start a card with Q:, T: or C:"
        case .unindentedText:
            "unindented text inside a card: the text above is cut off here, so the card is not loaded; indent the line to continue it"
        case .strayLine: "a stray line between cards: make it a comment (//) if it is a note"
        case .invisibleLineStart(let c):
            c.isSpace
                ? "the line starts with an invisible \(c.name), which is not indentation: put spaces in its place"
                : "the line starts with an invisible \(c.name), so what follows it is not read: delete it"
        case .malformedMarker(let found, let meant): "'\(found)' is not a marker; write '\(meant)' (read as such)"
        case .optionWithoutSpace(let mark): "no space after '\(mark)'; write '\(mark) …' (read as an option)"
        case .dashOption: "an option started with a long dash; write '-' (read as a wrong option)"
        case .keyPointsBeforeAnswer:
            "key points (-) come after the A: line; the card is not loaded: move the A: line above the '-' lines"
        case .orphanContinuation: "an indented line that continues no text"
        case .continuationNotAllowed(let f): "'\(f):' takes one line; it cannot continue on the next"
        case .misplacedTitle: "the title (# …) comes once, before the first section and card"
        case .emptyHeading: "an empty title: write the deck's name after #"
        case .outsideCard(let l): "'\(l)' outside a card: start the card with Q:, T: or C: first"
        case .fieldOutsideCard(let f): "a card field outside a card: '\(f):'"
        case .cyrillicMarker(let found, let meant): "'\(found):' is written with a Cyrillic letter; read as '\(meant):', write it in Latin"
        case .unknownField(let n, let s):
            "unknown field '\(n):'" + (s.map { "; did you mean '\($0):'?" } ?? "")
        case .unknownMetadata(let k, let s?): "unknown metadata key '\(k):'; did you mean '\(s):'? (as written, no \(s) is set)"
        case .unknownMetadata(let k, nil): "unknown metadata key '\(k):' (kept, but it may be a typo)"
        case .duplicateMetadata(let k): "metadata '\(k):' given twice; the first is used"
        case .unknownLanguage(let v): "unknown language '\(v)'; write kk, ru or en"
        case .unknownOrder(let v): "unknown order '\(v)'; write mixed or file (mixed is used)"
        case .duplicateField(let f): "'\(f):' given twice in one card"
        case .invalidLevel(let v): "a level is a number (1, 2 or 3), not '\(v)'"
        case .levelOutOfRange(let n): "a level is 1–3, not \(n) (the card is studied, but no level filter picks it)"
        case .invalidID(let v): "'\(v)' is not a valid id: letters, digits, '-', '_', '.' only, at most 64"
        case .invalidNamespace(let v): "'\(v)' is not a valid namespace: letters, digits, '-', '_', '.' only, at most 64"
        case .idWithoutNamespace(let n):
            "id: given but the deck has no namespace:, so its ids are scoped by the file name ('\(n)') and moving a card to another file resets its progress: add exactly 'namespace: \(n)' after the title: the ids stay as they are and then move with their cards to any file with that line (another name makes new ids, a reset)"
        case .invalidExamDate(let v):
            "an exam date is a real day written YYYY-MM-DD (e.g. 2026-12-20), not '\(v)'; it is ignored"
        case .sourceFormat(let v): "a source is written FILE:LINE, not '\(v)'"
        case .emptyTag: "an empty tag (two commas in a row)"
        case .emptyText(let part): "empty \(part.rawValue)"
        case .missingAnswer: "a question with no answer: add an A: line or * / - options"
        case .missingDefinition: "a term with no definition: add a D: line"
        case .mixedKinds: "a question with both an answer (A:) and options (*); keep one"
        case .lineNotForKind(let l, let k): "'\(l)' does not belong in \(Self.enKind(k)) card"
        case .answerMarkerForKind(let f, let m, let k): "'\(f):' in \(Self.enKind(k)) card is read as '\(m):'; write '\(m):'"
        case .altNotAllowed(let k): "alt: does not apply to \(Self.enKind(k)) card"
        case .altOnMultiGapCloze: "alt: on a cloze with several gaps stands for the whole answer; write {answer|other} instead"
        case .noCorrectOption: "a multiple-choice question with no correct option is never asked: mark the right one with *"
        case .tooFewOptions: "a multiple-choice question with only one option"
        case .duplicateOption(let t): "option '\(t)' given twice"
        case .clozeWithoutGap: "a cloze with no gap: put the hidden words in {…}"
        case .unclosedGap: "unclosed '{': a '}' is missing"
        case .strayClosingBrace: "'}' with no '{'; write \\} for a literal brace"
        case .emptyGap: "an empty gap or gap alternative: {}"
        case .unknownEscape(let c): "unknown escape '\\\(c)'; the backslash is dropped (write \\\\ for a backslash)"
        case .latinInCyrillicWord(let w, let l): "Latin letters in the Cyrillic word '\(w)': \(l)"
        case .wrongLetter(let f, let m): "'\(f)' is not a Kazakh letter; write '\(m)'"
        case .latinWord(let w, let m):
            "'\(w)' is written in Latin letters that all look Cyrillic, in Cyrillic text: if it is the Kazakh word, write '\(m)', or students typing Cyrillic never match it (in a prompt, run jatta pin-ids first)"
        case .definitionContainsTerm(let w):
            "the definition contains the term itself ('\(w)'): the reverse face (definition → term) gives the answer away; reword it"
        case .duplicateID(let id, let first): "duplicate id '\(id)'; first at \(first)"
        case .duplicatePrompt(let first): "the same prompt as at \(first); the two share progress"
        case .identityChange(let oldID, let newID, let oldPrompt, let newPrompt, let oldLine, let faces, let keepable):
            "the card's identity changes: «\(Self.short(oldPrompt))» (\(oldID), line \(oldLine) before) is now «\(Self.short(newPrompt))» (\(newID)); every student who studied it starts it again from nothing"
                + (faces.map { " (in this database \($0) of its faces have progress)" } ?? "")
                + (keepable ? "; to keep it, add 'id: \(oldID)' to the card" : "; to keep it, restore its id: line and the deck's namespace:")
        }
    }

    /// A prompt's first line, cut to 60 characters, for a message.
    static func short(_ prompt: String) -> String {
        let first = prompt.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) ?? ""
        return first.count > 60 ? String(first.prefix(59)) + "…" : first
    }

    /// The kind with its article: "a question", "an open" (it said "a open").
    static func enKind(_ kind: CardKind) -> String {
        (kind.rawValue.first.map { "aeiou".contains($0) } == true ? "an " : "a ") + kind.rawValue
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
    public static let catalogue: [(code: String, severity: Diagnostic.Severity, summary: String)] =
        samples.map { ($0.code, $0.severity, $0.en) }

    /// Every code with its severity, without the summaries: `jatta check
    /// --help`'s list, which the argument parser makes at every start of
    /// every command (it reads each command's configuration); making
    /// every summary for it was half a millisecond.
    public static var codes: [(code: String, severity: Diagnostic.Severity)] {
        samples.map { ($0.code, $0.severity) }
    }

    /// One issue of every code.
    static var samples: [DeckIssue] {
        let here = SourceLocation(file: "", line: 0, column: 0)
        return [
            .invalidUTF8, .nulByte, .carriageReturnInLine, .binaryFile, .utf16, .unreadable(path: "P", reason: "R"), .noDecks(path: "P"),
            .unknownLine, .unindentedText, .strayLine, .invisibleLineStart(character: .byteOrderMark), .malformedMarker(found: "Q;", meant: "Q:"),
            .optionWithoutSpace(mark: "*"), .dashOption, .keyPointsBeforeAnswer, .orphanContinuation, .continuationNotAllowed(field: "level"),
            .misplacedTitle, .emptyHeading, .outsideCard(line: "A:"), .fieldOutsideCard(field: "level"),
            .cyrillicMarker(found: "С", meant: "C"), .unknownField(name: "tag", suggestion: "tags"),
            .unknownMetadata(key: "autor", suggestion: nil), .duplicateMetadata(key: "lang"), .unknownLanguage("de"), .unknownOrder("filee"),
            .duplicateField(field: "A"), .invalidLevel("two"), .levelOutOfRange(4), .invalidID("a b"),
            .invalidNamespace("a b"), .invalidExamDate("2026-02-30"), .idWithoutNamespace(suggested: "lecture4"),
            .sourceFormat("notes"), .emptyTag, .emptyText(.answer), .missingAnswer, .missingDefinition,
            .mixedKinds, .lineNotForKind(line: "*", kind: .term),
            .answerMarkerForKind(found: "D", meant: "A", kind: .question), .altNotAllowed(kind: .choice),
            .altOnMultiGapCloze, .noCorrectOption, .tooFewOptions, .duplicateOption("X"), .clozeWithoutGap,
            .unclosedGap, .strayClosingBrace, .emptyGap, .unknownEscape("n"),
            .latinInCyrillicWord(word: "cөз", letters: "c→с"), .wrongLetter(found: "ӛ", meant: "ө"),
            .latinWord(word: "HATO", meant: "НАТО"), .definitionContainsTerm(word: "гегемониясы"),
            .duplicateID(id: "x", first: here), .duplicatePrompt(first: here), .tooManyDiagnostics(dropped: 1),
            .identityChange(
                oldID: "question-a", newID: "question-b", oldPrompt: "P", newPrompt: "Q", oldLine: 1,
                facesWithProgress: nil, keepable: true),
        ]
    }
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

/// The invisible characters a line can start with by accident: left by
/// joining files (`cat a.deck b.deck` keeps the second's byte-order mark),
/// or pasted from a word processor or a web page.
public enum InvisibleCharacter: String, Hashable, Sendable, CaseIterable {
    case byteOrderMark = "\u{FEFF}"
    case zeroWidthSpace = "\u{200B}"
    case zeroWidthNonJoiner = "\u{200C}"
    case zeroWidthJoiner = "\u{200D}"
    case wordJoiner = "\u{2060}"
    case noBreakSpace = "\u{00A0}"
    case narrowNoBreakSpace = "\u{202F}"
    case figureSpace = "\u{2007}"
    case ideographicSpace = "\u{3000}"

    /// Its Unicode name and code point, as a message names it.
    public var name: String {
        let code = String(format: "U+%04X", rawValue.unicodeScalars.first!.value)
        let words = switch self {
        case .byteOrderMark: "byte-order mark"
        case .zeroWidthSpace: "zero-width space"
        case .zeroWidthNonJoiner: "zero-width non-joiner"
        case .zeroWidthJoiner: "zero-width joiner"
        case .wordJoiner: "word joiner"
        case .noBreakSpace: "no-break space"
        case .narrowNoBreakSpace: "narrow no-break space"
        case .figureSpace: "figure space"
        case .ideographicSpace: "ideographic space"
        }
        return "\(words) (\(code))"
    }

    /// A space that looks like indentation (its fix is spaces, not nothing).
    public var isSpace: Bool {
        switch self {
        case .noBreakSpace, .narrowNoBreakSpace, .figureSpace, .ideographicSpace: true
        default: false
        }
    }

    /// The invisible characters at the start of `buffer[start..<end]`: the
    /// first one and the offset just past the run of them.
    static func run(_ buffer: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> (first: InvisibleCharacter, end: Int)? {
        var i = start
        var first: InvisibleCharacter?
        outer: while i < end {
            for c in allCases {
                let bytes = Array(c.rawValue.utf8)
                if i + bytes.count <= end, buffer[i..<(i + bytes.count)].elementsEqual(bytes) {
                    first = first ?? c
                    i += bytes.count
                    continue outer
                }
            }
            break
        }
        guard let first, i < end else { return nil }
        return (first, i)
    }
}
