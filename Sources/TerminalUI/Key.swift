/// A key press as the backend reads it: a typed character, or a key that
/// has no character. Layout-independent keys are their own cases so that no
/// keyboard layout can take them away.
public enum Key: Hashable, Sendable {
    /// A printable character, as the active layout typed it.
    case character(Character)
    case enter
    case escape
    case backspace
    case tab
    case up
    case down
    case left
    case right
    case home
    case end
    case pageUp
    case pageDown
    case delete
    /// F1…F12.
    case function(Int)
    /// A control character other than Tab, Enter, Backspace and Esc
    /// (e.g. Ctrl-L is `control("l")`).
    case control(Character)
    /// The terminal changed size.
    case resize

    /// Space is a character, but a layout-free key: every layout types it.
    public static let space = Key.character(" ")

    /// Reads the key behind a raw code point (as `wget_wch` returns for
    /// ordinary keys).
    public static func fromCodePoint(_ value: UInt32) -> Key? {
        switch value {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 1...26:
            guard let s = Unicode.Scalar(value + 96) else { return nil }
            return .control(Character(s))
        case 0, 28...31: return nil
        default:
            guard let s = Unicode.Scalar(value) else { return nil }
            return .character(Character(s))
        }
    }
}
