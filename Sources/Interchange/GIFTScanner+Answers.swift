import DeckFormat

extension GIFTScanner {
    /// One answer of the block: its marker (`=`, `~` or none) and bytes.
    struct Item {
        var marker: UInt8?
        var from: Int
        var to: Int
    }

    /// Reads the answer block `from..<to` (between the braces), in the order
    /// Moodle decides the type: essay, numerical, multiple choice, matching,
    /// true/false, short answer.
    mutating func readAnswers(from: Int, to end: Int, into question: inout GIFTQuestion) -> GIFTAnswers? {
        var to = end
        if let general = text.find(Array("####".utf8), from: from, end: to) {
            question.generalFeedback = text.unescaped(general + 4, to)
            to = general
        }
        var start = from
        while start < to, text.bytes[start] == 0x20 || text.bytes[start] == 0x09 || text.bytes[start] == 0x0A { start += 1 }
        if start == to || text.isBlank(start, to) { return .essay }
        if text.bytes[start] == UInt8(ascii: "#") { return readNumbers(from: start + 1, to: to) }
        let items = items(from: start, to: to)
        if text.find(UInt8(ascii: "~"), from: start, end: to) != nil {
            guard let answers = readChoices(items) else { return nil }
            return .multipleChoice(answers)
        }
        if text.find(UInt8(ascii: "="), from: start, end: to) != nil,
            text.find(Array("->".utf8), from: start, end: to) != nil
        {
            var pairs: [(String, String)] = []
            for item in items where item.marker != nil {
                guard let arrow = text.find(Array("->".utf8), from: item.from, end: item.to) else {
                    report(.noAnswers, at: item.from)
                    return nil
                }
                pairs.append((text.unescaped(item.from, arrow), text.unescaped(arrow + 2, item.to)))
            }
            return .matching(pairs)
        }
        let hash = text.find(UInt8(ascii: "#"), from: start, end: to)
        switch text.unescaped(start, hash ?? to).uppercased() {
        case "T", "TRUE", "F", "FALSE":
            var feedback: [String] = []
            var at = hash
            while let h = at {
                let next = text.find(UInt8(ascii: "#"), from: h + 1, end: to)
                feedback.append(text.unescaped(h + 1, next ?? to))
                at = next
            }
            return .trueFalse(text.bytes[start] == UInt8(ascii: "T") || text.bytes[start] == UInt8(ascii: "t"), feedback: feedback)
        default:
            guard let answers = readChoices(items), !answers.isEmpty else {
                if diagnostics.isEmpty { report(.noAnswers, at: start) }
                return nil
            }
            return .shortAnswer(answers)
        }
    }

    /// Cuts `from..<to` at every unescaped `=` and `~`, in one pass.
    func items(from: Int, to: Int) -> [Item] {
        var result: [Item] = []
        var current = Item(marker: nil, from: from, to: to)
        var i = from
        while i < to {
            if text.isEscape(i, end: to) {
                i += 2
                continue
            }
            let byte = text.bytes[i]
            if byte == UInt8(ascii: "=") || byte == UInt8(ascii: "~") {
                current.to = i
                if current.marker != nil || !text.isBlank(current.from, i) { result.append(current) }
                current = Item(marker: byte, from: i + 1, to: to)
            }
            i += 1
        }
        current.to = to
        if current.marker != nil || !text.isBlank(current.from, to) { result.append(current) }
        return result
    }

    /// The answers of a choice or short-answer block.
    mutating func readChoices(_ items: [Item]) -> [GIFTAnswer]? {
        var answers: [GIFTAnswer] = []
        for item in items {
            var from = item.from
            var weight: Double = item.marker == UInt8(ascii: "=") ? 100 : 0
            if let w = readWeight(&from, to: item.to) { weight = w } else if !diagnostics.isEmpty { return nil }
            let hash = text.find(UInt8(ascii: "#"), from: from, end: item.to)
            if text.isBlank(from, hash ?? item.to) {
                report(.emptyAnswer, at: max(item.from - 1, 0))
                return nil
            }
            answers.append(GIFTAnswer(
                text: text.unescaped(from, hash ?? item.to), weight: weight,
                feedback: hash.map { text.unescaped($0 + 1, item.to) }.flatMap { $0.isEmpty ? nil : $0 }))
        }
        return answers
    }

    /// A `%w%` credit at `from` (moved past it), if one is written there.
    /// A malformed one is reported and gives nil with a diagnostic.
    mutating func readWeight(_ from: inout Int, to: Int) -> Double? {
        var i = from
        while i < to, text.bytes[i] == 0x20 || text.bytes[i] == 0x09 || text.bytes[i] == 0x0A { i += 1 }
        guard i < to, text.bytes[i] == UInt8(ascii: "%") else { return nil }
        guard let close = text.find(UInt8(ascii: "%"), from: i + 1, end: to) else {
            report(.badWeight(text.unescaped(i, min(to, i + 12))), at: i)
            return nil
        }
        let written = text.unescaped(i + 1, close)
        guard written.count <= 12, let value = Double(written), value >= -100, value <= 100 else {
            report(.badWeight("%" + String(written.prefix(12)) + "%"), at: i)
            return nil
        }
        from = close + 1
        return value
    }

    /// A numerical block after its `#`: one `value:error` or `low..high`, or
    /// several `=` answers with credits.
    mutating func readNumbers(from: Int, to: Int) -> GIFTAnswers? {
        var items = items(from: from, to: to)
        if items.isEmpty { items = [Item(marker: UInt8(ascii: "="), from: from, to: to)] }
        var numbers: [GIFTNumber] = []
        var otherFeedback = false
        for item in items {
            // `~#feedback` with no number: the feedback for any other answer,
            // which Moodle's own export writes.
            if item.marker == UInt8(ascii: "~") {
                let hash = text.find(UInt8(ascii: "#"), from: item.from, end: item.to)
                if text.unescaped(item.from, hash ?? item.to).trimmedSpaces().isEmpty {
                    otherFeedback = otherFeedback || hash.map { !text.unescaped($0 + 1, item.to).isEmpty } ?? false
                    continue
                }
            }
            var start = item.from
            var weight: Double = item.marker == UInt8(ascii: "~") ? 0 : 100
            if let w = readWeight(&start, to: item.to) { weight = w } else if !diagnostics.isEmpty { return nil }
            let hash = text.find(UInt8(ascii: "#"), from: start, end: item.to)
            let written = text.unescaped(start, hash ?? item.to)
            guard let value = Self.number(written) else {
                report(.badNumber(String(written.prefix(40))), at: start)
                return nil
            }
            numbers.append(GIFTNumber(
                value: value, weight: weight,
                feedback: hash.map { text.unescaped($0 + 1, item.to) }.flatMap { $0.isEmpty ? nil : $0 }))
        }
        return .numerical(numbers, otherFeedback: otherFeedback)
    }

    /// `1822:5`, `1..5` or `1822`, checked to be numbers.
    static func number(_ written: String) -> GIFTNumberValue? {
        func isNumber(_ s: Substring) -> Bool {
            !s.isEmpty && s.count <= 40 && Double(s.trimmingCharacters()) != nil
        }
        if let range = written.range(of: "..") {
            let low = written[..<range.lowerBound], high = written[range.upperBound...]
            guard isNumber(low), isNumber(high) else { return nil }
            return .range(low: low.trimmingCharacters(), high: high.trimmingCharacters())
        }
        let parts = written.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        guard let first = parts.first, isNumber(first) else { return nil }
        if parts.count == 2 {
            guard isNumber(parts[1]) else { return nil }
            return .tolerance(value: first.trimmingCharacters(), error: parts[1].trimmingCharacters())
        }
        return .tolerance(value: first.trimmingCharacters(), error: "0")
    }
}

extension Substring {
    fileprivate func trimmingCharacters() -> String { String(self).trimmedSpaces() }
}
