/// The keyboard layouts jatta's shortcuts are made to work on.
///
/// A terminal delivers the characters a layout types, not physical keys, so
/// a shortcut bound to `q` never arrives while a Russian layout is on (that
/// key types `й`), and the grading digits never arrive on the Kazakh layout
/// (its digit row types `" ә і ң ғ , . ү ұ қ ө һ`). Each layout here maps
/// the characters it types back to the US-QWERTY character of the same
/// physical key, so every binding is written once, in Latin.
public enum KeyboardLayout: String, CaseIterable, Sendable {
    /// US QWERTY: the characters the bindings are written in.
    case latin
    /// Russian ЙЦУКЕН.
    case russian
    /// Kazakh (KBDKAZ, РСТ КазССР 903-90): ЙЦУКЕН letters with the nine
    /// Kazakh letters on the digit row.
    case kazakh

    /// Latin physical keys in order, and what the Russian layout types on
    /// them (lower case).
    static let latinLetters = Array("qwertyuiop[]asdfghjkl;'zxcvbnm,./`")
    static let russianLetters = Array("йцукенгшщзхъфывапролджэячсмитьбю.ё")
    /// The Kazakh digit row, unshifted: what the keys `1 2 … 0 - =` type.
    static let latinDigitRow = Array("1234567890-=")
    static let kazakhDigitRow = Array("\"әіңғ,.үұқөһ")

    /// For each non-Latin character this layout types, the Latin character
    /// on the same physical key (upper case maps to upper case).
    public var toLatin: [Character: Character] {
        switch self {
        case .latin:
            return [:]
        case .russian:
            return Self.letterMap()
        case .kazakh:
            var map = Self.letterMap()
            for (kaz, lat) in zip(Self.kazakhDigitRow, Self.latinDigitRow) where kaz != lat {
                map[kaz] = lat
                if let upper = kaz.uppercased().first, upper != kaz { map[upper] = lat }
            }
            return map
        }
    }

    static func letterMap() -> [Character: Character] {
        var map: [Character: Character] = [:]
        for (lat, cyr) in zip(latinLetters, russianLetters) where lat != cyr {
            map[cyr] = lat
            if let upperCyr = cyr.uppercased().first, let upperLat = lat.uppercased().first,
                upperCyr != cyr, upperLat != lat
            {
                map[upperCyr] = upperLat
            }
        }
        return map
    }

    /// Every layout's characters folded to Latin at once. The Cyrillic
    /// layouts agree on every key they share, so one table serves them all
    /// and the student never has to say which layout is on; the Kazakh
    /// digit-row punctuation (`"`, `,`, `.`) and the Russian `.` are left
    /// out because on the Latin layout those are keys of their own.
    public static let folding: [Character: Character] = {
        var map: [Character: Character] = [:]
        for (typed, lat) in KeyboardLayout.kazakh.toLatin.merging(KeyboardLayout.russian.toLatin, uniquingKeysWith: { a, _ in a })
        where !typed.isASCII {
            map[typed] = lat
        }
        return map
    }()

    /// The Latin character for `character` on the same physical key, or the
    /// character itself when it is already Latin or unknown.
    public static func physical(_ character: Character) -> Character {
        folding[character] ?? character
    }

    /// The digit for `character` when it is a digit, or what the Kazakh
    /// layout types on a digit key (`ә` → 2). The Kazakh `"` on key 1 and
    /// `,` `.` on keys 6 and 7 count too, since a digit is all that is
    /// expected where this is asked.
    public static func digit(_ character: Character) -> Int? {
        if let d = character.wholeNumberValue, character.isASCII { return d }
        if let i = kazakhDigitRow.firstIndex(of: character) ?? kazakhDigitRow.firstIndex(of: Character(character.lowercased())),
            let d = latinDigitRow[i].wholeNumberValue
        {
            return d
        }
        return nil
    }
}
