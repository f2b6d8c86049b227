import DeckFormat
import Foundation

/// The Anki note types jatta writes, one per card kind, and what any note
/// type read from a package looks like to the importer.
///
/// The ids are fixed, so a package exported again (an edited deck) names
/// the same note types and Anki updates its notes instead of adding a
/// second copy of each type. A type's fields never change order: that
/// would make Anki see a different type.
struct AnkiNoteType: Equatable {
    /// The note type's id (`mid`).
    var id: Int64
    /// The name Anki shows.
    var name: String
    /// Cloze note types make one card per cloze number.
    var isCloze: Bool
    /// Field names in `flds` order.
    var fields: [String]
    /// The card templates: name, question format, answer format.
    var templates: [Template]

    /// One card template.
    struct Template: Equatable {
        /// The name Anki shows (e.g. "Card 1").
        var name: String
        /// The question side.
        var question: String
        /// The answer side.
        var answer: String
    }

    /// The field that keeps where a card came from.
    static let sourceField = "Source"

    /// The note type jatta writes for cards of `kind`.
    static func jatta(_ kind: CardKind) -> AnkiNoteType {
        let back = "{{FrontSide}}<hr id=answer>"
        let source = "{{#Source}}<div class=source>{{Source}}</div>{{/Source}}"
        switch kind {
        case .question:
            return AnkiNoteType(
                id: 1_735_000_000_001, name: "jatta: question", isCloze: false,
                fields: ["Question", "Answer", "Alternatives", sourceField],
                templates: [
                    Template(
                        name: "Question", question: "{{Question}}",
                        answer: back + "{{Answer}}{{#Alternatives}}<div class=alt>{{Alternatives}}</div>{{/Alternatives}}"
                            + source)
                ])
        case .term:
            return AnkiNoteType(
                id: 1_735_000_000_002, name: "jatta: term", isCloze: false,
                fields: ["Term", "Definition", "Alternatives", sourceField],
                templates: [
                    Template(name: "Term → Definition", question: "{{Term}}", answer: back + "{{Definition}}" + source),
                    // jatta asks this way round typed; so does Anki.
                    Template(
                        name: "Definition → Term", question: "{{Definition}}<br>{{type:Term}}",
                        answer: "{{Definition}}<hr id=answer>{{type:Term}}" + source),
                ])
        case .choice:
            return AnkiNoteType(
                id: 1_735_000_000_003, name: "jatta: multiple choice", isCloze: false,
                fields: ["Question", "Options", "Correct", sourceField],
                templates: [
                    Template(
                        name: "Choice", question: "{{Question}}<br>{{Options}}",
                        answer: "{{Question}}<hr id=answer>{{Correct}}" + source)
                ])
        case .cloze:
            return AnkiNoteType(
                id: 1_735_000_000_004, name: "jatta: cloze", isCloze: true,
                fields: ["Text", "Alternatives", sourceField],
                templates: [
                    Template(
                        name: "Cloze", question: "{{cloze:Text}}",
                        answer: "{{cloze:Text}}{{#Alternatives}}<div class=alt>{{Alternatives}}</div>{{/Alternatives}}"
                            + source)
                ])
        case .open:
            return AnkiNoteType(
                id: 1_735_000_000_005, name: "jatta: open question", isCloze: false,
                fields: ["Question", "Model answer", "Key points", sourceField],
                templates: [
                    Template(
                        name: "Open question", question: "{{Question}}",
                        answer: back + "{{Model answer}}{{#Key points}}<div class=points>{{Key points}}</div>{{/Key points}}"
                            + source)
                ])
        }
    }

    /// The kind of card a note type jatta wrote holds, by its id.
    static func jattaKind(id: Int64) -> CardKind? {
        CardKind.allCases.first { jatta($0).id == id }
    }

    /// Shared look: readable Cyrillic at a comfortable size, the source small.
    static let css = """
        .card { font-family: sans-serif; font-size: 22px; text-align: left; color: black; background-color: white; }
        .cloze { font-weight: bold; color: blue; }
        .alt, .source { font-size: 16px; color: gray; margin-top: 1em; }
        """

    /// The fields a template's question side shows: a card is made only
    /// when one of them is filled (`req` of schema 11).
    func fieldsAsked(by template: Template) -> [Int] {
        fields.indices.filter { index in
            ["{{", "{{type:", "{{cloze:"].contains { template.question.contains($0 + fields[index] + "}}") }
        }
    }

    /// The note type as schema 11 writes it in `col.models`.
    func legacyJSON(deckID: Int64, modified: Int64) -> [String: Any] {
        [
            "id": id, "name": name, "type": isCloze ? 1 : 0, "mod": modified, "usn": -1, "sortf": 0, "did": deckID,
            "tmpls": templates.enumerated().map { index, template in
                [
                    "name": template.name, "ord": index, "qfmt": template.question, "afmt": template.answer,
                    "bqfmt": "", "bafmt": "", "did": NSNull(), "bfont": "", "bsize": 0,
                ] as [String: Any]
            },
            "flds": fields.enumerated().map { index, field in
                [
                    "name": field, "ord": index, "sticky": false, "rtl": false, "font": "Arial", "size": 20,
                    "media": [String](),
                ] as [String: Any]
            },
            "css": Self.css, "latexPre": "", "latexPost": "", "latexsvg": false,
            "req": templates.enumerated().map { index, template in [index, "any", fieldsAsked(by: template)] as [Any] },
            "tags": [String](), "vers": [String](),
        ]
    }
}
