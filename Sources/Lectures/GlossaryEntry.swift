/// A term and its definition found in lecture notes.
public struct GlossaryEntry: Hashable, Sendable {
    /// How the notes wrote it.
    public enum Pattern: String, Hashable, Sendable {
        /// `Режим: Мемлекеттердің …` — a line of its own.
        case colon
        /// `Тұтқындар диллемасы - қылмыс …`, `Сыртқы саяси доктрина – …`.
        case dash
        /// `Сыртқы саяси тактика дегеніміз – бұл …` in running text.
        case degenimiz = "дегеніміз"
        /// `Мұндай жағдай «құпия дипломатия» деп аталады.` — the term named
        /// after its definition.
        case naming = "деп аталады"
        /// `Жүйенің өздігінен ұйымдасуы деп, … түсіндіріледі.`
        case explanation = "деп түсінеміз"
        /// `Сыртқы саяси стратегия көптеген сөздіктерде былай анықталады: …`
        case dictionary = "анықталады"
        /// `Яғни, сыртқы саяси стратегия, … болып табылады.`
        case copula = "болып табылады"
    }

    /// The term, cut to the real term and capitalised (`Гегемония`).
    public var term: String
    /// The definition as the notes give it.
    public var definition: String
    /// Other spellings of the term found in the notes (`Неоколониализм`
    /// for `Неоколонолизм`), to accept as answers after review.
    public var variants: [String]
    /// How the entry was written.
    public var pattern: Pattern
    /// The lecture file, as named on the command line.
    public var file: String
    /// The 1-based line the entry starts on.
    public var line: Int

    public init(term: String, definition: String, variants: [String] = [], pattern: Pattern, file: String, line: Int) {
        self.term = term
        self.definition = definition
        self.variants = variants
        self.pattern = pattern
        self.file = file
        self.line = line
    }
}
