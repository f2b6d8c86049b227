/// The questions listed under a level heading (`1 деңгей`, `2-деңгей
/// тапсырмалары:`, `Бірінші деңгей`, `<h3>I деңгей</h3>`) as lecturers
/// write them: numbered (`1.`, `1)`, `№1`, `I.`, `1-сұрақ.`: see
/// `ListMark`), bulleted (`•`, `–`), or one a line with no mark at all
/// (Word lists and HTML `<li>` lose their numbers).
///
/// The list ends where its shape ends: a number that does not follow the
/// one before (a reading list starting again at 1), another bullet, an
/// unmarked line that is no question, a new heading. A list outside a
/// «Деңгейлік тапсырмалар» section counts only if one of its items reads
/// as a question (`QuestionShape`): a lecture may well list «Бірінші
/// деңгей: 1. Үкіметаралық келісімдер. 2. …» as the levels of something.
struct LevelList {
    /// How the list marks its items, fixed by its first item.
    enum Style: Equatable {
        /// `1.` / `1)`, with the number of the last item.
        case numbered(last: Int)
        /// A bullet character.
        case bullet(Character)
        /// No mark: each line (or HTML item) is a question.
        case unmarked
    }

    /// One item taken: the question and the line it starts on.
    struct Item {
        /// The item's text without its mark.
        var text: String
        /// The 1-based line of the lecture.
        var line: Int
    }

    /// The level the heading names.
    var level: Int
    /// Whether the heading stands inside a «Деңгейлік тапсырмалар» section.
    var inSection: Bool
    /// Set by the first item.
    var style: Style? = nil
    /// The items taken so far.
    var items: [Item] = []
    /// The text after a label that may say what its level tests
    /// (`1-деңгей: білу және түсіну`), with its line: the label's own
    /// question after all when no item of the list asks.
    var labelText: Item? = nil

    init(level: Int, inSection: Bool) {
        self.level = level
        self.inSection = inSection
    }

    /// Takes `text` as the next item's opening and returns it without its
    /// mark, or returns nil when `text` is not an item of this list (the
    /// list has ended). The caller adds the item, joined across lines.
    mutating func take(_ text: String) -> String? {
        if let (mark, body) = ListMark.parse(text) {
            switch mark {
            case .number(let number):
                switch style {
                case nil: break
                case .numbered(let last) where number == last + 1: break
                default: return nil
                }
                style = .numbered(last: number)
            case .bullet(let bullet):
                guard style == nil || style == .bullet(bullet) else { return nil }
                style = .bullet(bullet)
            }
            return String(body)
        }
        guard style == nil || style == .unmarked, Self.standsAlone(text), QuestionShape.asks(text) else { return nil }
        style = .unmarked
        return text
    }

    /// The list's items are questions: it is in the question section
    /// under a plain heading, or one of them reads as a question.
    var isQuestions: Bool {
        (inSection && labelText == nil) || items.contains { QuestionShape.asks($0.text) }
    }

    /// An unmarked line may be a question: not a heading that ends in a
    /// colon, not a running paragraph.
    static func standsAlone(_ text: String) -> Bool {
        !text.hasSuffix(":") && text.split(separator: " ").count <= 60
    }
}
