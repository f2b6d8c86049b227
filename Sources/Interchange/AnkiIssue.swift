import DeckFormat

/// Every problem met while reading or writing an Anki package, with its
/// stable code, severity and message in Kazakh and English, in one place.
public enum AnkiIssue: Error, Hashable, Sendable {
    // The package as a whole (errors: nothing is written).
    /// Not a zip archive, or a damaged one.
    case notAZip(String)
    /// A zip without a collection in any layout Anki writes.
    case noCollection
    /// An entry's name climbs out of the folder (`../`), is absolute, or is a link.
    case unsafeEntry(String)
    /// An entry inflates past a limit (a zip bomb), or the archive holds too many.
    case tooLarge(entry: String, limit: Int)
    /// The archive lists more entries than any package needs.
    case tooManyEntries(limit: Int)
    /// `meta` names a layout this jatta does not know.
    case unknownVersion(Int)
    /// The zstd stream of `collection.anki21b` or `media` is damaged.
    case badCompression(String)
    /// The collection is not an SQLite database Anki wrote; SQLite's words.
    case badCollection(String)
    /// The collection has more rows in a table than jatta reads.
    case tooManyRows(table: String, limit: Int)
    // Notes (warnings: the rest is imported).
    /// A note of a type jatta cannot turn into a card (no question field).
    case noteTypeNotUnderstood(String)
    /// A note whose first field is empty after HTML is dropped.
    case emptyNote
    /// A note whose answer (back, definition) is empty after HTML (only a
    /// picture, say) is dropped: the deck would not read back.
    case emptyAnswer
    /// A Cloze note with no `{{c1::…}}` deletion is dropped.
    case clozeWithoutDeletion
    /// A note refers to media (pictures, sound) that a jatta card cannot show.
    case mediaDropped([String])
    /// A cloze note with several cloze numbers becomes one card asking all gaps.
    case clozeNumbersMerged(Int)
    /// Export: a card whose id another card in the export has.
    case sameCardTwice(String)

    public var code: String {
        switch self {
        case .notAZip: "not-a-zip"
        case .noCollection: "no-collection"
        case .unsafeEntry: "unsafe-entry"
        case .tooLarge: "too-large"
        case .tooManyEntries: "too-many-entries"
        case .unknownVersion: "unknown-version"
        case .badCompression: "bad-compression"
        case .badCollection: "bad-collection"
        case .tooManyRows: "too-many-rows"
        case .noteTypeNotUnderstood: "note-type-not-understood"
        case .emptyNote: "empty-note"
        case .emptyAnswer: "empty-answer"
        case .clozeWithoutDeletion: "cloze-without-deletion"
        case .mediaDropped: "media-dropped"
        case .clozeNumbersMerged: "cloze-numbers-merged"
        case .sameCardTwice: "same-card-twice"
        }
    }

    public var severity: Diagnostic.Severity {
        switch self {
        case .notAZip, .noCollection, .unsafeEntry, .tooLarge, .tooManyEntries, .unknownVersion, .badCompression,
            .badCollection, .tooManyRows:
            .error
        case .noteTypeNotUnderstood, .emptyNote, .emptyAnswer, .clozeWithoutDeletion, .mediaDropped, .clozeNumbersMerged, .sameCardTwice:
            .warning
        }
    }

    public var kk: String {
        let s = InterchangeIssue.shown
        switch self {
        case .notAZip(let why): return "бұл Anki пакеті (zip) емес немесе ол бүлінген: \(s(why))"
        case .noCollection: return "пакетте Anki жинағы жоқ (collection.anki2, .anki21 немесе .anki21b)"
        case .unsafeEntry(let name): return "пакеттегі '\(s(name))' жазбасы қауіпті (бумадан шығатын жол, абсолют жол немесе сілтеме); ештеңе оқылмады"
        case .tooLarge(let name, let limit): return "пакеттегі '\(s(name))' \(limit) байттан үлкен болып ашылады (zip-бомба болуы мүмкін); ештеңе оқылмады"
        case .tooManyEntries(let limit): return "пакетте \(limit) жазбадан көп; ештеңе оқылмады"
        case .unknownVersion(let v): return "пакет нұсқасы \(v) белгісіз (jatta 1–3 нұсқаларын оқиды)"
        case .badCompression(let why): return "пакеттегі zstd-сығылған дерек бүлінген: \(s(why))"
        case .badCollection(let why): return "пакеттегі Anki жинағын оқу мүмкін емес: \(s(why))"
        case .tooManyRows(let table, let limit): return "жинақтың '\(table)' кестесінде \(limit) жолдан көп; пакет оқылмады"
        case .noteTypeNotUnderstood(let name): return "'\(s(name))' жазба түрінен карточка жасалмайды; бұл жазба өткізілді"
        case .emptyNote: return "бірінші өрісі бос жазба өткізілді"
        case .emptyAnswer: return "жауап өрісінде мәтін жоқ жазба (мысалы, тек сурет) өткізілді"
        case .clozeWithoutDeletion: return "{{c1::…}} бос орны жоқ Cloze жазбасы өткізілді"
        case .mediaDropped(let names): return "жазбадағы медиа карточкада көрсетілмейді: \(names.map(s).joined(separator: ", "))"
        case .clozeNumbersMerged(let n): return "\(n) клоз нөмірі бар жазба барлық бос орынды бірге сұрайтын бір карточка болды"
        case .sameCardTwice(let id): return "'\(s(id))' карточкасы экспортта екінші рет кездесті; тек біріншісі жазылды"
        }
    }

    public var en: String {
        let s = InterchangeIssue.shown
        switch self {
        case .notAZip(let why): return "this is not an Anki package (a zip) or it is damaged: \(s(why))"
        case .noCollection: return "the package holds no Anki collection (collection.anki2, .anki21 or .anki21b)"
        case .unsafeEntry(let name): return "the package entry '\(s(name))' is unsafe (a path that climbs out, an absolute path or a link); nothing was read"
        case .tooLarge(let name, let limit): return "the package entry '\(s(name))' inflates past \(limit) bytes (perhaps a zip bomb); nothing was read"
        case .tooManyEntries(let limit): return "the package holds more than \(limit) entries; nothing was read"
        case .unknownVersion(let v): return "package version \(v) is unknown (jatta reads versions 1–3)"
        case .badCompression(let why): return "zstd-compressed data in the package is damaged: \(s(why))"
        case .badCollection(let why): return "the Anki collection in the package cannot be read: \(s(why))"
        case .tooManyRows(let table, let limit): return "the collection's table '\(table)' has more than \(limit) rows; the package was not read"
        case .noteTypeNotUnderstood(let name): return "no card can be made from a note of type '\(s(name))'; the note is skipped"
        case .emptyNote: return "a note whose first field is empty is skipped"
        case .emptyAnswer: return "a note whose answer field holds no text (only a picture, say) is skipped"
        case .clozeWithoutDeletion: return "a Cloze note with no {{c1::…}} deletion is skipped"
        case .mediaDropped(let names): return "a card cannot show the note's media: \(names.map(s).joined(separator: ", "))"
        case .clozeNumbersMerged(let n): return "a note with \(n) cloze numbers became one card asking every gap"
        case .sameCardTwice(let id): return "card '\(s(id))' appears a second time in the export; only the first is written"
        }
    }

    /// A diagnostic for this issue at `location`.
    public func at(_ location: SourceLocation) -> Diagnostic {
        Diagnostic(location: location, severity: severity, code: code, kk: kk, en: en)
    }
}
