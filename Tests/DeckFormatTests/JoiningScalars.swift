/// Scalars that Swift's grapheme breaking joins to an ASCII character
/// beside them, found from the standard library, not from the parser's
/// rules: combining and spacing marks and joiners (`after`: `{́`, `:ܴ`) and
/// prepended letters (`before`: `ൎ{`). A rule written over bytes and one
/// written over `Character`s disagree exactly on these.
enum JoiningScalars {
    /// The scalars above ASCII that join `ascii` when written after it,
    /// and those that join it when written before it.
    static func around(_ ascii: Character) -> (after: [Unicode.Scalar], before: [Unicode.Scalar]) {
        var after: [Unicode.Scalar] = []
        var before: [Unicode.Scalar] = []
        for value in UInt32(0x80)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if (String(ascii) + String(scalar)).count == 1 { after.append(scalar) }
            if (String(scalar) + String(ascii)).count == 1 { before.append(scalar) }
        }
        return (after, before)
    }
}
