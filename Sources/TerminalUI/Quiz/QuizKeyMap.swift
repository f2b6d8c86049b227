import Study

/// Keys to quiz inputs. Letter shortcuts are matched by physical key
/// (`KeyboardLayout.physical`), so they work on Kazakh and Russian layouts;
/// digits also come from the Kazakh digit row (ә = 2 …).
public enum QuizKeyMap {
    public static func input(for key: Key, in session: QuizSession) -> QuizInput? {
        switch session.phase {
        case .finished:
            return reportInput(key, session: session)
        case .feedback:
            switch key {
            case .enter, .space, .right: return .next
            case .escape: return .requestStop
            case .character(let c) where KeyboardLayout.physical(c).lowercased() == "r":
                guard let q = session.currentQuestion, session.results[q.number]?.canBeOverruled == true else { return nil }
                return .overrule(q.number)
            default: return nil
            }
        case .answering:
            guard let question = session.currentQuestion else { return nil }
            switch key {
            case .escape: return .requestStop
            case .tab: return .skip
            default: break
            }
            switch question.format {
            case .typed:
                switch key {
                case .enter: return .submit
                case .backspace: return .deleteBackward
                case .character(let c): return .type(String(c))
                default: return nil
                }
            case .choice, .open:
                if session.draft.revealed || { if case .choice = question.format { true } else { false } }() {
                    switch key {
                    case .up: return .moveCursor(-1)
                    case .down: return .moveCursor(1)
                    case .space: return .toggleAtCursor
                    case .enter:
                        // Enter on a single-answer question with nothing
                        // picked takes the highlighted option.
                        if case .choice(let c) = question.format, !c.allowsSeveral, session.draft.selected.isEmpty {
                            return .toggleAtCursor
                        }
                        return .submit
                    case .character(let c):
                        if let d = KeyboardLayout.digit(c), d >= 1 { return .toggle(d - 1) }
                        return nil
                    default: return nil
                    }
                }
                return key == .enter || key == .space ? .reveal : nil
            case .selfGraded:
                if !session.draft.revealed { return key == .enter || key == .space ? .reveal : nil }
                if case .character(let c) = key {
                    switch KeyboardLayout.digit(c) {
                    case 1: return .selfGrade(false)
                    case 2: return .selfGrade(true)
                    default: return nil
                    }
                }
                return nil
            }
        }
    }

    static func reportInput(_ key: Key, session: QuizSession) -> QuizInput? {
        switch key {
        case .up: return .moveCursor(-1)
        case .down: return .moveCursor(1)
        case .enter, .escape: return .quit
        case .character(let c):
            switch KeyboardLayout.physical(c).lowercased() {
            case "q": return .quit
            case "s": return .studyMistakes
            case "r":
                let mistakes = session.report.mistakes
                guard mistakes.indices.contains(session.draft.cursor) else { return nil }
                let number = mistakes[session.draft.cursor].number
                return session.results[number]?.canBeOverruled == true ? .overrule(number) : nil
            default: return nil
            }
        default: return nil
        }
    }
}
