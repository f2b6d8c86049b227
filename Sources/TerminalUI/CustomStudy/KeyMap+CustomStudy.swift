import Study

/// The keys of search, card info and the custom-study menu.
extension KeyMap {
    /// Typing the query: every character is text, as in a typed answer.
    static func searchTyping(_ key: Key) -> TrainerAction? {
        switch key {
        case .enter: return .reveal
        case .escape: return .back
        case .backspace, .delete: return .deleteBackward
        case .character(let ch): return .type(ch)
        default: return nil
        }
    }

    static func searchResults(_ key: Key) -> TrainerAction? {
        switch key {
        case .up: return .moveSelection(-1)
        case .down: return .moveSelection(1)
        case .pageUp: return .moveSelection(-10)
        case .pageDown: return .moveSelection(10)
        case .enter, .space: return .showInfo
        case .escape: return .back
        default: break
        }
        switch letter(key) {
        case "/": return .openSearch
        case "k": return .moveSelection(-1)
        case "j": return .moveSelection(1)
        case "p": return .studyFound(practice: true)
        case "s": return .studyFound(practice: false)
        case "q": return .back
        case "?": return .toggleHelp
        default: return nil
        }
    }

    static func cardInfo(_ key: Key) -> TrainerAction? {
        switch key {
        case .enter, .escape: return .back
        default: break
        }
        switch letter(key) {
        case "u": return .unsuspend
        case "p": return .studyFound(practice: true)
        case "s": return .studyFound(practice: false)
        case "q": return .back
        case "?": return .toggleHelp
        default: return nil
        }
    }

    static func customMenu(_ key: Key) -> TrainerAction? {
        switch key {
        case .up: return .moveSelection(-1)
        case .down: return .moveSelection(1)
        case .left: return .adjust(-1)
        case .right: return .adjust(1)
        case .enter, .space: return .start
        case .escape: return .back
        default: break
        }
        if case .character(let ch) = key, ch == "+" || ch == "-" { return .adjust(ch == "+" ? 1 : -1) }
        if let d = digit(key), d >= 1 { return .pickOption(d) }
        switch letter(key) {
        case "k": return .moveSelection(-1)
        case "j": return .moveSelection(1)
        case "h": return .adjust(-1)
        case "l": return .adjust(1)
        case "p": return .togglePractice
        case "q": return .back
        case "?": return .toggleHelp
        default: return nil
        }
    }
}
