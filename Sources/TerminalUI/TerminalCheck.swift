@preconcurrency import CNcursesw
import Foundation

/// Why a full-screen session cannot start, found before curses is touched
/// (curses itself would print garbage or exit the process).
public enum TerminalProblem: Error, Hashable, Sendable {
    /// stdin or stdout is not a terminal.
    case notATerminal
    /// `TERM` is not set.
    case termUnset
    /// `TERM` is `dumb` or cannot move the cursor.
    case termDumb(String)
    /// The terminfo database has no entry for `TERM`.
    case termUnknown(String)
}

/// Checks made before starting curses.
public enum TerminalCheck {
    /// Whether stdin and stdout are both terminals.
    public static var isInteractive: Bool { isatty(0) == 1 && isatty(1) == 1 }

    /// Checks `term` (the value of `TERM`) can drive a full-screen UI.
    public static func check(term: String?) -> TerminalProblem? {
        guard isInteractive else { return .notATerminal }
        guard let term, !term.isEmpty else { return .termUnset }
        if term == "dumb" { return .termDumb(term) }
        var error: Int32 = 0
        guard setupterm(term, 1, &error) == OK else { return .termUnknown(term) }
        let cup = tigetstr("cup")
        let usable = cup != nil && Int(bitPattern: cup) != -1
        if let cur = cur_term { del_curterm(cur) }
        return usable ? nil : .termDumb(term)
    }

    /// Makes sure the character type locale is UTF-8 (curses drops Cyrillic
    /// otherwise). Sets the locale from the environment; when that is not
    /// UTF-8, falls back to C.UTF-8. Returns the codeset that was found when
    /// a fallback was needed, nil when the locale was fine.
    public static func ensureUTF8Locale() -> String? {
        setlocale(LC_ALL, "")
        let codeset = currentCodeset()
        if namesUTF8(codeset) { return nil }
        if setlocale(LC_CTYPE, "C.UTF-8") == nil { _ = setlocale(LC_CTYPE, "C.utf8") }
        return codeset
    }

    /// Whether a codeset name is UTF-8 however it is spelled (`UTF-8`,
    /// `utf8`). Compared without Foundation's string search, whose first
    /// use costs every start about a third of a millisecond.
    static func namesUTF8(_ codeset: String) -> Bool {
        codeset.uppercased().filter { $0 != "-" } == "UTF8"
    }

    static func currentCodeset() -> String {
        guard let p = nl_langinfo(nl_item(CODESET)) else { return "" }
        return String(cString: p)
    }
}
