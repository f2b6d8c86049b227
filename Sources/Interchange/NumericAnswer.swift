/// A GIFT numerical answer written as jatta answer text, and read back:
/// `1822` (exact), `1822 ± 5` (with a tolerance), `1..5` (a range).
enum NumericAnswer {
    static func text(_ value: GIFTNumberValue) -> String {
        switch value {
        case .tolerance(let v, let e): e == "0" || Double(e) == 0 ? v : v + " ± " + e
        case .range(let low, let high): low + ".." + high
        }
    }

    /// The GIFT form (`1822:5`, `1..5`) of an answer written with a
    /// tolerance or a range; nil for any other text (an exact number stays
    /// a short answer).
    static func gift(_ answer: String) -> String? {
        func number(_ s: Substring) -> String? {
            let t = String(s).trimmedSpaces()
            return !t.isEmpty && t.count <= 40 && Double(t) != nil && !t.contains(where: { $0.isLetter }) ? t : nil
        }
        if let r = answer.range(of: " ± "), let v = number(answer[..<r.lowerBound]), let e = number(answer[r.upperBound...]) {
            return v + ":" + e
        }
        if let r = answer.range(of: ".."), let low = number(answer[..<r.lowerBound]), let high = number(answer[r.upperBound...]) {
            return low + ".." + high
        }
        return nil
    }
}
