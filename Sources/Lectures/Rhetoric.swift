/// Sentences shaped like a definition (`X – …`) that are rhetoric, not
/// definitions: a contrast with a negation («Егемендік – тек өткеннің
/// жетістігі емес, …», «БҰҰ реформасы – бір күннің емес, …»), "not only …
/// but" («… тек … ғана емес, …»), an evaluation by a superlative («Брексит –
/// … ең ауыр сынақтардың бірі»), a name used in a sentence («"Шөлдегі
/// дауыл" – атты …»), and a whole clause as subject — somebody's
/// action («Мұнай бағасының құлдырауы – …», «Жарнаны кешіктіріп төлеу – …»).
enum Rhetoric {
    /// Whether a definition is a contrast, a "not only", or an evaluation.
    static func isRhetoric(definition: String) -> Bool {
        var lower = definition.lowercased()
        if lower.hasPrefix("бұл ") { lower = String(lower.dropFirst(4)) }
        if ["тек ", "жай ", "жай ғана ", "бар болғаны ", "жәй "].contains(where: lower.hasPrefix) { return true }
        if lower.contains("ғана емес") { return true }
        let words = lower.split(separator: " ").map { $0.filter { $0.isLetter || $0 == "-" } }
        // «A емес, B» with a short A («бір күннің емес», «НАТО-ның көшірмесі
        // емес»): a definition that contrasts names its genus first
        // («отаршылдықтың тікелей басқыншылық жолмен емес, …»).
        if words.prefix(4).contains("емес") { return true }
        // «атты», «деген» after the dash: the head is a name in a sentence
        // («"Шөлдегі дауыл" – атты әскери-саяси акциясын …»).
        if let first = words.first, ["атты", "деген", "деп"].contains(first) { return true }
        // «ең … -тың бірі»: one of the most …, a judgement.
        if words.contains("ең"), let clauseEnd = lower.split(whereSeparator: { ",.;".contains($0) }).first,
            clauseEnd.split(separator: " ").last?.hasPrefix("бірі") == true
        {
            return true
        }
        return false
    }

    /// Endings of a noun in an oblique case (accusative, dative, ablative,
    /// instrumental): the object or circumstance of a verb.
    static let obliqueEndings = [
        "ны", "ні", "ды", "ді", "ты", "ті", "ға", "ге", "қа", "ке", "на", "не", "дан", "ден", "тан", "тен", "нан", "нен",
        "мен", "бен", "пен",
    ]
    /// Converb endings (кешіктіріп, бірлесіп): a verb inside the head.
    static let converbEndings = ["ып", "іп", "ап", "еп"]

    /// Whether a head is a clause rather than a term: it ends in an
    /// actor's verbal noun (-уы/-уі: «… бағасының құлдырауы»), holds a
    /// converb, or ends in a verbal noun with an object or circumstance
    /// before it («Шарттарды адал орындау»). The cost: a term of that shape
    /// («Ядролық қаруды таратпау») is not taken in the `X – …` shape.
    static func isClause(_ head: [String]) -> Bool {
        let words = head.map { $0.lowercased() }
        guard words.count >= 2, let last = words.last else { return false }
        if last.count >= 5, last.hasSuffix("уы") || last.hasSuffix("уі") { return true }
        let inner = words.dropLast()
        if inner.contains(where: { w in w.count >= 5 && converbEndings.contains(where: w.hasSuffix) }) { return true }
        let verbalNoun = last.count >= 4 && (last.hasSuffix("у") || last.hasSuffix("ю"))
        return verbalNoun && inner.contains { w in w.count >= 4 && obliqueEndings.contains(where: w.hasSuffix) }
    }
}
