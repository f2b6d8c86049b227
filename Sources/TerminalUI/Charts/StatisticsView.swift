import Study

/// The trainer's statistics screen: the report `jatta stats` prints, cut
/// into pages that fit the terminal. A section starts a new page when it
/// does not fit on the current one, and only a section longer than a whole
/// page is split, so at 80×24 and at 60×15 each chart is seen whole.
public enum StatisticsView {
    static func draw(
        _ state: TrainerState, _ statistics: StatisticsScreen, into screen: inout Screen, strings s: Strings,
        glyphs: ChartGlyphs
    ) {
        let words = StatisticsWords.of(Language(rawValue: s.code) ?? .en)
        let rows = contentRows(screen.size)
        TrainerView.hints(&screen, words.screenKeys)
        guard let figures = statistics.figures else {
            TrainerView.bar(&screen, row: 0, left: words.screenTitle + " · " + scopeName(state, statistics.filter, s), right: "")
            screen.putCentered(words.loading, row: screen.height / 2, style: .dim)
            return
        }
        let pages = pages(
            of: figures, exams: statistics.exams, width: screen.width, rows: rows, words: words, glyphs: glyphs,
            language: Language(rawValue: s.code) ?? .en)
        let page = min(max(0, statistics.page), pages.count - 1)
        let marker = pages.count > 1 ? HelpOverlay.pageArrows(page: page, of: pages.count) + " \(page + 1)/\(pages.count)" : ""
        TrainerView.bar(&screen, row: 0, left: words.screenTitle + " · " + scopeName(state, statistics.filter, s), right: marker)
        for (offset, line) in pages[page].enumerated() {
            // Titles stand out in the accent colour where there is colour.
            let style: CellStyle = line.style.contains(.bold) ? [.bold, .accent] : line.style
            screen.put(line.text, row: 1 + offset, column: line.indent, style: style)
        }
        if let notice = state.notice {
            let row = screen.height - 2
            screen.put(String(repeating: " ", count: screen.width), row: row, column: 0)
            screen.put(TrainerView.text(notice, s), row: row, column: 1, style: .bold)
        }
    }

    /// How many pages the figures take on a terminal of `size` (1 while loading).
    public static func pageCount(_ statistics: StatisticsScreen, size: TerminalSize, strings s: Strings, glyphs: ChartGlyphs) -> Int {
        guard let figures = statistics.figures else { return 1 }
        let words = StatisticsWords.of(Language(rawValue: s.code) ?? .en)
        return pages(
            of: figures, exams: statistics.exams, width: size.width, rows: contentRows(size), words: words,
            glyphs: glyphs, language: Language(rawValue: s.code) ?? .en
        ).count
    }

    /// Rows between the title bar and the key hints.
    static func contentRows(_ size: TerminalSize) -> Int { max(1, size.height - 2) }

    static func pages(
        of figures: StudyStatistics, exams: [ExamOutlook] = [], width: Int, rows: Int, words: StatisticsWords,
        glyphs: ChartGlyphs, language: Language = .en
    ) -> [[StyledLine]] {
        var lines = StatisticsReport.lines(figures, words: words, glyphs: glyphs, width: width)
        // Each exam ahead: a section with its plan and readiness, in the
        // words of the home screen and `jatta exam`.
        let examWords = ExamWords.of(language)
        for outlook in exams {
            lines.append(StyledLine(""))
            let heading = examWords.heading(of: outlook)
            lines.append(StyledLine(TextWrap.truncate(TerminalText.visible(heading), width: width), style: .bold))
            for line in examWords.lines(outlook) {
                for part in TextWrap.lines(TerminalText.visible(line), width: max(1, width - 2)) { lines.append(StyledLine(part, indent: 2)) }
            }
        }
        return pages(lines, rows: rows)
    }

    /// `lines` (sections separated by one empty line, as the report makes
    /// them) laid out on pages of `rows` lines.
    static func pages(_ lines: [StyledLine], rows: Int) -> [[StyledLine]] {
        let rows = max(1, rows)
        var sections: [[StyledLine]] = [[]]
        for line in lines {
            if line.text.isEmpty, line.indent == 0 {
                if !(sections.last ?? []).isEmpty { sections.append([]) }
            } else {
                sections[sections.count - 1].append(line)
            }
        }
        var pages: [[StyledLine]] = []
        var page: [StyledLine] = []
        for section in sections where !section.isEmpty {
            if !page.isEmpty, page.count + 1 + section.count > rows {
                pages.append(page)
                page = []
            }
            if !page.isEmpty { page.append(StyledLine("")) }
            var rest = section[...]
            while page.count + rest.count > rows {
                let room = rows - page.count
                page += rest.prefix(room)
                rest = rest.dropFirst(room)
                pages.append(page)
                page = []
            }
            page += rest
        }
        if !page.isEmpty { pages.append(page) }
        return pages.isEmpty ? [[]] : pages
    }

    /// What the figures cover: the deck of the home row (or all decks), and
    /// the level and tag filters.
    static func scopeName(_ state: TrainerState, _ filter: StudyFilter, _ s: Strings) -> String {
        var parts: [String] = []
        if let files = filter.deckFiles {
            parts.append(state.catalog.decks.filter { files.contains($0.file) }.map(\.displayName).joined(separator: ", "))
        } else {
            parts.append(s.allDecks)
        }
        if let level = filter.level { parts.append("\(s.levelLabel) \(level)") }
        if let tag = filter.tag { parts.append("\(s.tagLabel) \(tag)") }
        return parts.joined(separator: " · ")
    }
}
