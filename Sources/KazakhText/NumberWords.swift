/// Kazakh cardinal numbers in words, read and written: «он алты» is 16,
/// «бір мың тоғыз жүз тоқсан бір» is 1991. Kazakh numerals are regular:
/// units, tens, жүз (hundred), мың (thousand), миллион, each multiplier
/// preceded by its count; «жүз» and «мың» alone mean one hundred, one
/// thousand.
public enum NumberWords {
    static let units: [String: Int] = [
        "нөл": 0, "бір": 1, "екі": 2, "үш": 3, "төрт": 4, "бес": 5, "алты": 6, "жеті": 7, "сегіз": 8, "тоғыз": 9,
    ]
    static let tens: [String: Int] = [
        "он": 10, "жиырма": 20, "отыз": 30, "қырық": 40, "елу": 50, "алпыс": 60, "жетпіс": 70, "сексен": 80,
        "тоқсан": 90,
    ]
    static let multipliers: [String: Int] = ["жүз": 100, "мың": 1000, "миллион": 1_000_000]

    /// The value of `words` when every word is a number word and they make
    /// a well-formed number; nil otherwise.
    public static func value(of words: [String]) -> Int? {
        guard !words.isEmpty, words.count <= 12 else { return nil }
        var total = 0
        var group = 0
        var hasHundreds = false
        var hasTens = false
        var hasUnits = false
        var lastMultiplier = Int.max
        for word in words {
            let w = word.lowercased()
            if let v = units[w] {
                guard !hasUnits else { return nil }
                hasUnits = true
                group += v
            } else if let v = tens[w] {
                guard !hasTens, !hasUnits else { return nil }
                hasTens = true
                group += v
            } else if w == "жүз" {
                guard !hasHundreds, !hasTens else { return nil }
                group = (hasUnits ? group : 1) * 100
                hasHundreds = true
                hasUnits = false
            } else if let m = multipliers[w], m < lastMultiplier {
                total += (group == 0 ? 1 : group) * m
                (group, hasHundreds, hasTens, hasUnits, lastMultiplier) = (0, false, false, false, m)
            } else {
                return nil
            }
        }
        return total + group
    }

    /// `n` in words, for 0 ≤ n < 10⁹; nil outside.
    public static func words(for n: Int) -> [String]? {
        guard n >= 0, n < 1_000_000_000 else { return nil }
        if n == 0 { return ["нөл"] }
        let unitName = Dictionary(uniqueKeysWithValues: units.map { ($1, $0) })
        let tenName = Dictionary(uniqueKeysWithValues: tens.map { ($1, $0) })
        func below1000(_ x: Int) -> [String] {
            var out: [String] = []
            if x >= 100 {
                if x / 100 > 1 { out.append(unitName[x / 100] ?? "") }
                out.append("жүз")
            }
            let rest = x % 100
            if rest >= 10 { out.append(tenName[rest / 10 * 10] ?? "") }
            if rest % 10 > 0 { out.append(unitName[rest % 10] ?? "") }
            return out
        }
        var out: [String] = []
        if n >= 1_000_000 { out += below1000(n / 1_000_000) + ["миллион"] }
        let thousands = n / 1000 % 1000
        if thousands > 0 { out += (thousands == 1 ? ["бір"] : below1000(thousands)) + ["мың"] }
        out += below1000(n % 1000)
        return out
    }
}
