import DeckFormat
import Study

/// The home screen: the decks with their counts, the filters, the keys.
enum HomeView {
    static func draw(_ state: TrainerState, into screen: inout Screen, strings s: Strings) {
        TrainerView.bar(&screen, row: 0, left: s.appTitle, right: "")
        TrainerView.hints(&screen, s.homeKeys)
        let width = screen.width
        if state.catalog.decks.isEmpty {
            var row = 2
            for line in TextWrap.lines(s.noDecks, width: width - 4) where row < screen.height - 2 {
                screen.put(line, row: row, column: 2)
                row += 1
            }
            return
        }
        let filter = StudyFilter(level: state.home.level, tag: state.home.tag)
        let showLevels = width >= 64
        let numbers = [s.newHeader, s.learningHeader, s.dueHeader] + (showLevels ? ["1", "2", "3"] : [])
        let decks: [Deck?] = [nil] + state.catalog.decks.map { $0 }
        let listTop = 3
        // The exam's plan and forecast, above the note, wrapped between
        // their items (a 60-column terminal would lose "2 days before" or
        // "does not fit …"), in as many rows as leave the list three; when
        // that is too few, each line keeps its first rows and one cut row.
        // A deck's row shows its own exam; the row of all decks the soonest.
        let selectedDeck = state.catalog.decks.indices.contains(state.home.selection - 1)
            ? state.catalog.decks[state.home.selection - 1].file : nil
        let shownExam = selectedDeck.flatMap { file in state.exams.first { $0.deckFiles.contains(file) } }
            ?? (selectedDeck == nil ? state.exams.first : nil)
        let plainExamLines = shownExam.map { ExamWords.of(Language(rawValue: s.code) ?? .en).lines($0) } ?? []
        let examRoom = max(plainExamLines.count, screen.height - listTop - 4 - 3)
        var examLines: [(text: String, first: Bool)] = []
        for (i, line) in plainExamLines.enumerated() {
            let left = max(1, examRoom - examLines.count - (plainExamLines.count - 1 - i))
            examLines += fittedItems(line, width: width - 4, rows: left).map { (text: $0, first: i == 0) }
        }
        let listRows = max(1, screen.height - listTop - 4 - examLines.count)
        let first = min(max(0, state.home.selection - listRows + 1), max(0, decks.count - listRows))
        // The counts of the rows in view, first: a column is as wide as its
        // widest number (100,000 cards need six digits), never narrower than 5.
        let rows = state.catalog.homeCounts(filter: filter, now: state.now, dayEnd: state.dayEnd)
        let shown = decks.enumerated().dropFirst(first).prefix(listRows).map { i, deck in
            (i, deck, i == 0 ? rows.all : rows.decks[i - 1])
        }
        let shownValues = shown.map { _, _, counts in
            [counts.new, counts.learning, counts.due].map(String.init)
                + (showLevels ? (1...3).map { String(counts.cardsPerLevel[$0, default: 0]) } : [])
        }
        let columnWidths = numbers.indices.map { j in
            max(5, DisplayWidth.of(numbers[j]) + 1, shownValues.map { DisplayWidth.of($0[j]) + 1 }.max() ?? 0)
        }
        let numbersWidth = columnWidths.reduce(0, +)
        let nameWidth = max(8, width - numbersWidth - 5)

        func row(_ r: Int, name: String, values: [String], style: CellStyle) {
            screen.put(TextWrap.truncate(name, width: nameWidth), row: r, column: 3, style: style)
            var col = 3 + nameWidth + 1
            for (value, w) in zip(values, columnWidths) {
                let vw = DisplayWidth.of(value)
                screen.put(value, row: r, column: col + w - vw, style: style)
                col += w
            }
        }
        row(2, name: s.decksHeader, values: numbers, style: .dim)
        if showLevels {
            // "1 2 3" alone reads as numbers, not as the cards per level: name
            // them, centred over the digits (each right-aligned in its column).
            let columnEnd = 3 + nameWidth + 1 + numbersWidth
            let firstDigit = columnEnd - columnWidths.suffix(3).reduce(0, +) + columnWidths[3] - 1
            let span = columnEnd - firstDigit
            let labelWidth = DisplayWidth.of(s.levelLabel)
            screen.put(s.levelLabel, row: 1, column: firstDigit + max(0, span - labelWidth) / 2, style: .dim)
        }

        // The row under the list (never used by it) says what the numbers
        // count: the columns mix faces and cards.
        screen.put(TextWrap.truncate(s.countsNote, width: width - 4), row: screen.height - 4, column: 2, style: .dim)

        for (i, line) in examLines.enumerated() {
            let r = screen.height - 4 - examLines.count + i
            guard r > 3 else { continue }
            screen.put(TextWrap.truncate(line.text, width: width - 4), row: r, column: 2, style: line.first ? .accent : [])
        }

        // New faces waiting in the selected row (it is always in view).
        var selectedNew = 0
        for ((i, deck, counts), values) in zip(shown, shownValues) {
            let r = listTop + i - first
            let selected = i == state.home.selection
            if selected { selectedNew = counts.new }
            let name = deck?.displayName ?? s.allDecks
            row(r, name: name, values: values, style: selected ? [.reverse] : (deck == nil ? .bold : []))
            if selected {
                screen.fill(row: r, column: 1, count: width - 2, style: .reverse)
                screen.put("›", row: r, column: 1, style: .reverse)
            }
        }
        let level = state.home.level.map(String.init) ?? s.anyValue
        let tag = state.home.tag ?? s.anyValue
        // Today's allowance for the selected row, as the queue will apply it.
        let allowed = min(selectedNew, state.newRoom(decks: Trainer.selectedDecks(state)))
        var filters = "\(s.levelLabel): \(level) · \(s.tagLabel): \(tag) · \(s.newToday(allowed, selectedNew))"
        if let entry = state.home.examEntry {
            filters = ExamWords.of(Language(rawValue: s.code) ?? .en).datePrompt(entry)
        }
        screen.put(TextWrap.truncate(filters, width: width - 4), row: screen.height - 3, column: 2, style: .accent)
        if let notice = state.notice {
            screen.put(TrainerView.text(notice, s), row: screen.height - 2, column: 2, style: .bold)
        }
    }

    /// `line` (items joined by " · ") in rows of at most `width`, broken
    /// between items; an item longer than a row is wrapped by words.
    static func wrappedItems(_ line: String, width: Int) -> [String] {
        wrappedItemRows(line, width: width).map(\.text)
    }

    /// `wrappedItems` in at most `rows` rows: the rows that do not fit are
    /// joined back into the last as they were cut, " · " between items and
    /// a space inside one (joined with " · ", "0% of cards today" read
    /// "0% of cards · today"); the screen then cuts it with "…".
    static func fittedItems(_ line: String, width: Int, rows: Int) -> [String] {
        let all = wrappedItemRows(line, width: width)
        guard all.count > rows else { return all.map(\.text) }
        let keep = max(1, rows) - 1
        let rest = all.dropFirst(keep).enumerated().map {
            $0.offset == 0 ? $0.element.text : ($0.element.startsItem ? " · " : " ") + $0.element.text
        }
        return all.prefix(keep).map(\.text) + [rest.joined()]
    }

    /// `wrappedItems`, each row saying whether it starts with an item (or
    /// goes on with one cut at the row before).
    static func wrappedItemRows(_ line: String, width: Int) -> [(text: String, startsItem: Bool)] {
        guard DisplayWidth.of(line) > width else { return [(line, true)] }
        let separator = " · "
        var rows: [(text: String, startsItem: Bool)] = []
        var current = ""
        var currentStartsItem = true
        for item in line.components(separatedBy: separator) {
            let joined = current.isEmpty ? item : current + separator + item
            if DisplayWidth.of(joined) <= width {
                if current.isEmpty { currentStartsItem = true }
                current = joined
                continue
            }
            if !current.isEmpty { rows.append((current, currentStartsItem)) }
            let pieces = TextWrap.lines(item, width: width)
            for (k, piece) in pieces.dropLast().enumerated() { rows.append((piece, k == 0)) }
            current = pieces.last ?? ""
            currentStartsItem = pieces.count <= 1
        }
        if !current.isEmpty { rows.append((current, currentStartsItem)) }
        return rows
    }
}
