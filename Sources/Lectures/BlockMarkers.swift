/// The line openings that start a new block of lecture text whatever the
/// line before ends with: exam questions, task lists, bullets, glossary
/// entries. Shared by the unwrapper (to break there) and the finders.
enum BlockMarkers {
    /// A level question's label in any numbering (see `LevelLabel`).
    static func levelLabel(_ line: String) -> Bool {
        LevelLabel.parse(line) != nil
    }

    /// `1. …`, `2) …`, `№3 …`, `IV. …`, `• …`, `– …`: an item of a list
    /// (see `ListMark`, `LevelList`).
    static func listItem(_ line: String) -> Bool {
        ListMark.parse(line) != nil
    }

    /// `– ұғымының мәнін талдаңыз.`: a dash and a word in lower case. After
    /// a line that ends no sentence it is the rest of that line, wrapped
    /// after its dash (`3–деңгейлік сұрақ. «Көпвекторлы саясат»⏎– ұғымының
    /// …`), not a bulleted item.
    static func dashContinuation(_ line: String) -> Bool {
        guard let (mark, body) = ListMark.parse(line), case .bullet(let bullet) = mark, "–—-".contains(bullet) else { return false }
        return body.first?.isLowercase == true
    }

    /// A level label alone on its line, heading a list of questions.
    static func levelHeading(_ line: String) -> Bool {
        LevelLabel.parse(line)?.isHeading == true
    }

    /// A level label that may say what its level tests (`1-деңгей: білу
    /// және түсіну`): a heading when a list follows it.
    static func describedLevel(_ line: String) -> Bool {
        LevelLabel.parse(line)?.mayDescribe == true
    }

    /// `1 – …` without the label: a level item only inside a level section.
    static func bareLevel(_ line: String) -> Bool {
        line.firstMatch(of: Patterns.bareLevel) != nil
    }

    /// The heading of the exam-question section: «Деңгейлік тапсырмалар:»,
    /// «Деңгейлік сұрақтар», in the singular, «Деңгейлік тапсырма», with
    /// «деңгейлі» for «деңгейлік», maybe numbered as a part of the lecture
    /// (`III. Деңгейлік тапсырмалар`).
    static func levelSectionHeading(_ line: String) -> Bool {
        // Asked of every paragraph: a long one is not lower-cased whole.
        let trimmed = line.trimmingCharacters(in: " ")
        guard trimmed.prefix(60).count < 60 else { return false }
        let lower = (ListMark.parse(trimmed).map { String($0.body) } ?? trimmed).lowercased()
        return sectionHeadings.contains { lower.hasPrefix($0) }
    }

    static let sectionHeadings = ["деңгейлік тапсырма", "деңгейлік сұрақ", "деңгейлі тапсырма", "деңгейлі сұрақ"]

    /// `ОБӨЖ тапсырмалары: …`, `БӨЖ тапсырмалары: …` (and the Russian
    /// abbreviations СРО, СРСП some syllabi use).
    static func task(_ line: String) -> Bool {
        let head = line.prefix(12)
        return head.contains(text: "БӨЖ") || head.contains(text: "СР") || head.contains(text: "СӨЖ") || head.contains(text: "СОӨЖ")
            ? String(head).firstMatch(of: Patterns.task) != nil : false
    }

    /// `• …`, `▪ …`.
    static func bullet(_ line: String) -> Bool {
        line.firstMatch(of: Patterns.bullet) != nil
    }

    /// A line that opens like a glossary entry: a capitalised head of at
    /// most four words, then a colon or a spaced dash, then text.
    static func glossaryHead(_ line: String) -> Bool {
        let trimmed = line.trimmingCharacters(in: " ")
        if let m = trimmed.firstMatch(of: Patterns.colonHead) {
            return wordCount(String(m.1)) <= 4
        }
        if let m = trimmed.firstMatch(of: Patterns.dashHead) {
            return wordCount(String(m.1)) <= 4
        }
        return false
    }

    /// A numbered or bulleted glossary entry, `1) Term – definition`,
    /// `№2 Term: …`, `- Term – …`, `* Term – …`: the text after the mark
    /// opens like an entry (`glossaryHead`). A dash opening a wrapped line
    /// of running text (`– бұл …`) is followed by no such head.
    static func listedGlossaryEntry(_ line: String) -> Bool {
        guard let (_, body) = ListMark.parse(line) else { return false }
        return glossaryHead(String(body))
    }

    static func wordCount(_ text: String) -> Int {
        text.split(separator: " ").count
    }
}
