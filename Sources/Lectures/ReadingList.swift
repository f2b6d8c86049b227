import KazakhText

/// The reading list at the end of lecture notes: «Әдебиеттер»,
/// «Негізгі әдебиеттер:», «Ұсынылатын әдебиеттер тізімі», then the books,
/// numbered or not (`1. Назарбаев Н. Ә. Еуразиялық одақ … – Астана,
/// 2011.`). A title shares a question's words («Еуразиялық одақ») but
/// answers nothing, so no draft answer is taken from it.
enum ReadingList {
    static let literatureKey = KazakhStemmer.key("әдебиет")

    /// Whether a paragraph is the list's heading: at most four words, one
    /// of them «әдебиет…», and nothing after a colon.
    static func heading(_ paragraph: String) -> Bool {
        var text = Substring(paragraph)
        while let last = text.last, ": ".contains(last) { text = text.dropLast() }
        let words = text.split(separator: " ")
        guard (1...4).contains(words.count), !text.contains(":") else { return false }
        return words.contains { KazakhStemmer.key($0.lowercased()) == literatureKey }
    }

    /// Whether a paragraph after the heading is still an entry of the
    /// list: an item of a list, or a short line (a book is one or two
    /// lines; the lecture's own text is longer).
    static func entry(_ paragraph: String) -> Bool {
        BlockMarkers.listItem(paragraph) || paragraph.split(separator: " ").count <= 40
    }
}
