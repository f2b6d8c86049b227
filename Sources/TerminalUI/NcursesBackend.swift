@preconcurrency import CNcursesw
import Foundation

/// The only code that calls curses: draws `Screen`s and reads keys.
public final class NcursesBackend: TerminalBackend {
    private let screenPointer: OpaquePointer
    private let window: UnsafeMutablePointer<WINDOW>
    private var lastFrame: Screen?
    private var ended = false
    private let hasColors: Bool
    /// Set when reading keys found the terminal gone (end of input, EIO or
    /// POLLHUP): the session must end, since no key can come any more.
    public private(set) var isHungUp = false
    /// Reads in a row that failed long before their timeout: a terminal that
    /// answers every read at once with nothing is gone, even where the
    /// system reports no hang-up.
    private var instantFailures = 0

    /// Starts curses on the terminal named by `term`, in colour when
    /// `colors` allows and the terminal can. Call `TerminalCheck.check`
    /// first: curses cannot report a bad terminal gracefully. Returns nil if
    /// curses still fails.
    public init?(term: String, colors: Bool = true) {
        StopSignals.install(StopSignals.always + StopSignals.fullScreen)
        guard let s = newterm(term, stdout, stdin) else { return nil }
        screenPointer = s
        set_term(s)
        guard let w = stdscr else {
            endwin()
            delscreen(s)
            return nil
        }
        window = w
        cbreak()
        noecho()
        nonl()
        keypad(w, true)
        set_escdelay(25)
        hasColors = colors && has_colors()
        if hasColors {
            start_color()
            use_default_colors()
            init_pair(1, Int16(COLOR_GREEN), -1)
            init_pair(2, Int16(COLOR_RED), -1)
            init_pair(3, Int16(COLOR_CYAN), -1)
        }
    }

    deinit { end() }

    public var size: TerminalSize {
        TerminalSize(width: Int(getmaxx(window)), height: Int(getmaxy(window)))
    }

    public func draw(_ frame: Screen) {
        guard !ended else { return }
        let rows = frame.changedRows(since: lastFrame)
        if lastFrame?.size != frame.size { werase(window) }
        for row in rows { drawRow(frame, row) }
        if let cursor = frame.cursor {
            curs_set(1)
            wmove(window, Int32(cursor.row), Int32(cursor.column))
        } else {
            curs_set(0)
        }
        wrefresh(window)
        lastFrame = frame
    }

    private func drawRow(_ frame: Screen, _ row: Int) {
        wmove(window, Int32(row), 0)
        var column = 0
        while column < frame.width {
            // Group cells of one style into one wide string.
            let style = frame[row, column].style
            var text: [wchar_t] = []
            let start = column
            while column < frame.width, frame[row, column].style == style {
                if let ch = frame[row, column].character { Self.append(ch, to: &text) }
                column += 1
            }
            wattrset(window, Int32(bitPattern: attributes(style)))
            text.append(0)
            mvwaddnwstr(window, Int32(row), Int32(start), text, Int32(text.count - 1))
        }
        wattrset(window, 0)
    }

    /// What to hand curses for one cell's character so that it takes the
    /// columns the view laid it out in (`DisplayWidth`): curses advances by
    /// the C library's width of every scalar, and a flag, a skin tone, an
    /// emoji joined by ZWJ or a soft hyphen after a letter took more
    /// columns there than in the view, so the next run of the row was
    /// written over the line's last letters. Such a character is sent as
    /// its first scalar, padded; one the library cannot show as ?.
    static func cell(_ ch: Character) -> [wchar_t] {
        var sent: [wchar_t] = []
        appendChecked(ch, to: &sent)
        return sent
    }

    /// Appends `cell(ch)` to `text`. A printable ASCII character, most of
    /// every screen, is its own code in one column for the view and the C
    /// library alike: it is appended without asking either for widths or
    /// making an array of its own (a cell of the home screen took about
    /// 770 instructions, a twentieth of drawing it).
    static func append(_ ch: Character, to text: inout [wchar_t]) {
        if let ascii = ch.asciiValue, ascii >= 0x20, ascii < 0x7F {
            text.append(wchar_t(ascii))
        } else {
            appendChecked(ch, to: &text)
        }
    }

    /// `cell(ch)` appended to `text`, widths compared.
    private static func appendChecked(_ ch: Character, to text: inout [wchar_t]) {
        let wanted = DisplayWidth.of(ch)
        var libraryWidth = 0
        for scalar in ch.unicodeScalars {
            let w = Int(jatta_wcwidth(scalar.value))
            libraryWidth = w < 0 ? Int.min / 2 : libraryWidth + w
        }
        if libraryWidth == wanted {
            for scalar in ch.unicodeScalars { text.append(wchar_t(bitPattern: scalar.value)) }
            return
        }
        let first = ch.unicodeScalars.first?.value ?? 32
        let firstWidth = Int(jatta_wcwidth(first))
        guard firstWidth >= 0, firstWidth <= wanted else {
            text.append(contentsOf: repeatElement(63, count: max(1, wanted)))
            return
        }
        text.append(wchar_t(bitPattern: first))
        text.append(contentsOf: repeatElement(32, count: wanted - firstWidth))
    }

    private func attributes(_ style: CellStyle) -> UInt32 {
        var a: UInt32 = 0
        if style.contains(.bold) { a |= jatta_attr_bold() }
        if style.contains(.reverse) { a |= jatta_attr_reverse() }
        if style.contains(.dim) { a |= jatta_attr_dim() }
        if style.contains(.underline) { a |= jatta_attr_underline() }
        if hasColors {
            if style.contains(.good) { a |= UInt32(bitPattern: jatta_color_pair(1)) }
            else if style.contains(.bad) { a |= UInt32(bitPattern: jatta_color_pair(2)) }
            else if style.contains(.accent) { a |= UInt32(bitPattern: jatta_color_pair(3)) }
        } else if style.contains(.good) || style.contains(.accent) {
            a |= jatta_attr_bold()
        }
        return a
    }

    public func readKey(timeoutMilliseconds: Int) -> Key? {
        guard !ended else { return nil }
        wtimeout(window, Int32(timeoutMilliseconds))
        var ch: wint_t = 0
        let started = DispatchTime.now().uptimeNanoseconds
        errno = 0
        let result = wget_wch(window, &ch)
        if result == ERR {
            let failedAt = errno
            let elapsed = DispatchTime.now().uptimeNanoseconds - started
            if failedAt == EIO || Self.inputHungUp() {
                isHungUp = true
            } else if timeoutMilliseconds > 0, elapsed < UInt64(timeoutMilliseconds) * 100_000, failedAt != EINTR {
                // Under a tenth of the timeout, and not a signal: a read that
                // found nothing to wait for.
                instantFailures += 1
                if instantFailures >= 20 { isHungUp = true }
            } else {
                instantFailures = 0
            }
            return nil
        }
        instantFailures = 0
        if result == KEY_CODE_YES { return Self.functionKey(Int32(ch)) }
        return Key.fromCodePoint(UInt32(ch))
    }

    /// Whether the terminal on standard input has hung up: poll reports
    /// POLLHUP, POLLERR or POLLNVAL (asked without waiting).
    static func inputHungUp() -> Bool {
        var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, 0) >= 0 else { return false }
        return descriptor.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0
    }

    static func functionKey(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_DC: return .delete
        case KEY_BACKSPACE: return .backspace
        case KEY_ENTER: return .enter
        case KEY_RESIZE: return .resize
        case KEY_F0 + 1...KEY_F0 + 12: return .function(Int(code - KEY_F0))
        default: return nil
        }
    }

    public func suspend() {
        guard !ended else { return }
        def_prog_mode()
        endwin()
    }

    public func resume() {
        guard !ended else { return }
        reset_prog_mode()
        lastFrame = nil
        clearok(window, true)
        wrefresh(window)
    }

    public func end() {
        guard !ended else { return }
        ended = true
        endwin()
        delscreen(screenPointer)
    }
}
