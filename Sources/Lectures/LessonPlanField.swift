import KazakhText

/// The fields of a lesson plan that open lecture notes: «Дәріс мақсаты: …»,
/// «Жұмыстың мақсаты мен міндеті: …», «Оқытудың әдістері мен түрлері: …»,
/// «Техникалық және инструментальдық құралдары: …», «Дәріс жоспары: …».
/// They say what the
/// students will be able to do, so they share the questions' words
/// («Марксист теорияның … ұстанымын түсіндіре алады») but answer nothing.
enum LessonPlanField {
    /// Words that make a head a plan field on their own.
    static let aimKeys: Set<String> = Set(["мақсат", "міндет", "нәтиже", "жоспар"].map { KazakhStemmer.key($0) })
    /// Words that make a head a plan field only beside a teaching word:
    /// «Дипломатиялық құралдар: …» is content, «Оқытудың құралдары: …» is not.
    static let meansKeys: Set<String> = Set(["әдіс", "құрал", "түр", "технология"].map { KazakhStemmer.key($0) })
    static let teachingKeys: Set<String> = Set(
        ["оқыту", "дәріс", "сабақ", "техникалық", "инструментальдық", "тәжірибелік"].map { KazakhStemmer.key($0) })

    /// Whether a paragraph opens with a plan field's head and a colon.
    static func opens(_ paragraph: String) -> Bool {
        guard let colon = paragraph.prefix(80).firstIndex(of: ":") else { return false }
        let words = paragraph[..<colon].split(separator: " ").map { KazakhStemmer.key($0.lowercased()) }
        guard (1...6).contains(words.count) else { return false }
        if words.contains(where: aimKeys.contains) { return true }
        return words.contains(where: meansKeys.contains) && words.contains(where: teachingKeys.contains)
    }
}
