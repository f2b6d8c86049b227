import DeckFormat
import FSRS
import Study

/// The study screen: progress on top, the card in the middle (scrolling
/// when long), the grade buttons and key hints at the bottom.
enum StudyView {
    static func draw(_ state: TrainerState, session: SessionState, into screen: inout Screen, strings s: Strings) {
        guard let attempt = session.current else { return }
        let width = screen.width
        let deckName = state.catalog.decks.first { $0.file == attempt.item.deckFile }?.displayName ?? attempt.item.deckFile
        // A practice says so on top, and its buttons promise no interval.
        let practice = session.practice ? " · " + CustomStudyStrings(language: s.code).practiceBanner : ""
        TrainerView.bar(
            &screen, row: 0, left: deckName + practice,
            right: "\(session.done) \(s.doneLabel) · \(session.left) \(s.leftLabel)")

        let context = KeyContext(state)
        let hint: String
        switch context {
        case .typing: hint = s.typingKeys
        case .choosing: hint = s.choiceKeys
        case .grading: hint = s.gradeKeys
        case .keyPoints: hint = s.keyPointKeys + " · " + s.gradeKeys
        default: hint = s.questionKeys
        }
        TrainerView.hints(&screen, hint)

        // Bottom area: buttons (when revealed) and a status line.
        var bottom = screen.height - 2
        if attempt.revealed {
            let buttonRows = buttons(attempt, width: width, strings: s, intervals: !session.practice)
            for (i, line) in buttonRows.enumerated() {
                let r = screen.height - 1 - buttonRows.count + i
                var col = 1
                for (text, selected) in line {
                    col = screen.put(text, row: r, column: col, style: selected ? [.reverse, .bold] : []) + 2
                }
            }
            bottom = screen.height - 1 - buttonRows.count
        }
        let statusRow = bottom - 1
        // The card, scrolled. A card longer than the screen opens where the
        // student's attention is: the typed answer's line at the bottom, or
        // the revealed answer near the top; PgUp/PgDn move from there.
        let top = 2
        let content = lines(attempt, width: width - 4, strings: s)
        // A notice is wrapped (ending on the status row) rather than cut: a
        // reload's error names a place the student needs. Three rows, or
        // as many as the card leaves free, never the card's last row; cut,
        // it ends with "…".
        let noticeText = state.notice.map { TextWrap.lines(TrainerView.text($0, s), width: width - 4) } ?? []
        let room = statusRow - top
        let noticeRows = min(noticeText.count, max(3, room - content.lines.count), max(1, room))
        let noticeLines = TextWrap.first(noticeRows, of: noticeText, width: width - 4)
        let bodyRows = max(1, statusRow - top - max(0, noticeLines.count - 1))
        let maxFirst = max(0, content.lines.count - bodyRows)
        var base = 0
        if let separator = content.separator, separator >= bodyRows - 2 {
            base = separator - 1
        } else if let (line, _) = content.cursor, line >= bodyRows {
            base = line - bodyRows + 1
        }
        var first = min(max(0, base + attempt.scroll * max(1, bodyRows - 1)), maxFirst)
        if let focus = content.focus, attempt.scroll == 0, focus >= first + bodyRows {
            // The key point under the cursor is always in sight.
            first = min(focus - bodyRows + 1, maxFirst)
        }
        screen.draw(content.lines[first...], row: top, column: 2, rows: bodyRows)

        if !noticeLines.isEmpty {
            for (i, line) in noticeLines.enumerated() {
                screen.put(line, row: statusRow - noticeLines.count + 1 + i, column: 2, style: .bold)
            }
        } else if first < maxFirst {
            screen.put("↓ " + s.more, row: statusRow, column: 2, style: .dim)
        } else if first > 0 {
            screen.put("↑ PgUp", row: statusRow, column: 2, style: .dim)
        }
        if let (line, column) = content.cursor, (first..<(first + bodyRows)).contains(line) {
            screen.cursor = (top + line - first, min(width - 1, 2 + column))
        }
    }

    /// The grade buttons, in one row when they fit, else two rows of two.
    static func buttons(_ a: Attempt, width: Int, strings s: Strings, intervals: Bool = true) -> [[(String, Bool)]] {
        let all = Rating.allCases.map { rating -> (String, Bool) in
            var label = "\(rating.rawValue) \(s.label(rating))"
            if intervals, let preview = a.previews[rating] {
                label += " " + s.interval(preview.due.timeIntervalSince(a.shownAt))
            }
            return (" " + label + " ", rating == a.selectedRating)
        }
        let total = all.reduce(0) { $0 + DisplayWidth.of($1.0) + 2 }
        return total <= width - 2 ? [all] : [Array(all.prefix(2)), Array(all.suffix(2))]
    }

    /// The card's text as lines, where the typing cursor stands, the line
    /// that separates the question from the revealed answer, and the line of
    /// the highlighted key point.
    static func lines(_ a: Attempt, width: Int, strings s: Strings)
        -> (lines: [StyledLine], cursor: (Int, Int)?, separator: Int?, focus: Int?)
    {
        var out: [StyledLine] = []
        var cursor: (Int, Int)? = nil
        var focus: Int? = nil
        let card = a.item.card
        let face = a.item.face

        var meta = [kind(a, s)]
        meta.append("\(s.levelLabel) \(card.level)")
        if !card.allTags.isEmpty { meta.append(card.allTags.joined(separator: ", ")) }
        out += StyledLine.wrapped(meta.joined(separator: " · "), width: width, style: .dim)
        out.append(StyledLine(""))
        out += StyledLine.wrapped(Trainer.promptText(face), width: width, style: .bold)

        switch a.style {
        case .typed:
            out.append(StyledLine(""))
            if !a.revealed, gapCount(card) > 1 {
                // Without this a student types "26, 40, 16" and is marked wrong.
                out += StyledLine.wrapped(s.severalGaps, width: width, style: .dim)
            }
            let typedLines = StyledLine.wrapped(a.typed, width: width, prefix: s.yourAnswer, style: a.revealed ? verdictStyle(a.verdict) : [])
            out += typedLines
            if !a.revealed, let last = typedLines.last {
                cursor = (out.count - 1, last.indent + DisplayWidth.of(last.text))
            }
        case .choice:
            out.append(StyledLine(""))
            let several = a.options.filter(\.isCorrect).count > 1
            for (i, option) in a.options.enumerated() {
                let picked = a.picked.contains(i)
                var mark = several ? (picked ? "[x] " : "[ ] ") : (picked ? "(•) " : "( ) ")
                var style: CellStyle = []
                if a.revealed {
                    if option.isCorrect {
                        mark = "✓ " + mark
                        style = .good
                    } else if picked {
                        mark = "✗ " + mark
                        style = .bad
                    } else {
                        mark = "  " + mark
                    }
                } else if i == a.cursor {
                    style = .reverse
                }
                let pointer = (!a.revealed && i == a.cursor) ? "› " : "  "
                out += StyledLine.wrapped(option.text, width: width, prefix: pointer + "\(i + 1). " + mark, style: style)
            }
        default:
            break
        }

        guard a.revealed else { return (out, cursor, nil, nil) }
        let separator = out.count
        out.append(StyledLine(String(repeating: "─", count: min(width, 40)), style: .dim))
        if let verdict = a.verdict, a.style != .keyPoints {
            let text = TrainerView.verdictText(verdict, s)
            out += StyledLine.wrapped(text, width: width, style: verdictStyle(verdict).union(.bold))
        }
        switch card.content {
        case .open(let o):
            // The checklist first: it is what the student acts on; the model
            // answer below it is there to compare with.
            if !o.keyPoints.isEmpty {
                out.append(StyledLine(s.keyPointsLabel + ":", style: .accent))
                for (i, point) in o.keyPoints.enumerated() {
                    let tick = a.ticked.contains(i) ? "[x] " : "[ ] "
                    let pointer = i == a.cursor ? "› " : "  "
                    if i == a.cursor { focus = out.count }
                    out += StyledLine.wrapped(point, width: width, prefix: pointer + tick, style: i == a.cursor ? .reverse : [])
                }
                out.append(StyledLine(""))
            }
            out.append(StyledLine(s.modelAnswerLabel + ":", style: .accent))
            out += StyledLine.wrapped(o.modelAnswer, width: width)
        case .choice:
            break
        default:
            out.append(StyledLine(s.answerLabel + ":", style: .accent))
            out += StyledLine.wrapped(answerText(face), width: width, style: .good)
        }
        return (out, cursor, separator, focus)
    }

    /// The number of gaps of a cloze card (0 for other cards).
    static func gapCount(_ card: Card) -> Int {
        guard case .cloze(let c) = card.content else { return 0 }
        return c.segments.filter { if case .gap = $0 { true } else { false } }.count
    }

    static func verdictStyle(_ verdict: AnswerVerdict?) -> CellStyle {
        guard let verdict else { return [] }
        return verdict.isCorrect ? .good : .bad
    }

    /// What the revealed answer shows for a face.
    static func answerText(_ face: StudyFace) -> String {
        switch (face.card.content, face.direction) {
        case (.term(let t), .reverse): return t.term
        case (.cloze(let c), _):
            // The whole sentence with the gaps filled in reads best.
            return c.segments.map { seg in
                switch seg {
                case .text(let t): t
                case .gap(let g): g.answer
                }
            }.joined()
        default: return face.card.answer
        }
    }

    static func kind(_ a: Attempt, _ s: Strings) -> String {
        switch (a.item.card.content, a.item.face.direction) {
        case (.term, .reverse): s.kindDefinition
        case (.term, _): s.kindTerm
        case (.cloze, _): s.kindCloze
        case (.choice(let c), _): c.allowsSeveral ? s.kindChoiceSeveral : s.kindChoice
        case (.open, _): s.kindOpen
        case (.question, _): s.kindQuestion
        }
    }
}
