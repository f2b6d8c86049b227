/// HTML as plain text, for the formats that hold HTML: Anki's fields and
/// Moodle's `[html]` questions. Tags dropped, `<br>` and the start and end
/// of a block as line breaks, entities decoded, the text of `<script>` and
/// `<style>` left out, spaces within a line collapsed, blank lines at either
/// end dropped. Linear in the length.
enum HTMLPlainText {
    /// `html` as plain text.
    static func of(_ html: String) -> String {
        var out = ""
        var scalars = html.unicodeScalars[...]
        while let scalar = scalars.first {
            switch scalar {
            case "<":
                guard let close = scalars.firstIndex(of: ">") else {
                    out.unicodeScalars.append(contentsOf: scalars)
                    scalars = scalars[scalars.endIndex...]
                    continue
                }
                let tag = String(scalars[scalars.index(after: scalars.startIndex)..<close]).lowercased()
                let name = String(tag.drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber })
                let closing = tag.hasPrefix("/")
                if name == "br" || (closing && blockTags.contains(name)) {
                    out += "\n"
                } else if blockTags.contains(name), !closing, !atLineStart(out) {
                    // Anki's editor keeps a second line as `line<div>second</div>`.
                    out += "\n"
                }
                scalars = scalars[scalars.index(after: close)...]
                if !closing, name == "script" || name == "style" {
                    // Their text is code, not words: left out up to the end tag.
                    scalars = scalars[(endTag(name, in: scalars) ?? scalars.endIndex)...]
                }
            case "&":
                let rest = scalars.prefix(12)
                if let semicolon = rest.firstIndex(of: ";"),
                    let decoded = entity(String(scalars[scalars.index(after: scalars.startIndex)..<semicolon]))
                {
                    out.unicodeScalars.append(decoded)
                    scalars = scalars[scalars.index(after: semicolon)...]
                } else {
                    out += "&"
                    scalars = scalars.dropFirst()
                }
            case "\n":
                // A line break in a field's source is no break on Anki's screen.
                out += " "
                scalars = scalars.dropFirst()
            default:
                // Other control characters would reach the deck, and a
                // terminal, as control sequences: they become spaces.
                let control = String.isControl(scalar)
                out.unicodeScalars.append(control ? " " : scalar)
                scalars = scalars.dropFirst()
            }
        }
        let lines = out.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        }
        return Array(lines.drop { $0.isEmpty }.reversed().drop { $0.isEmpty }.reversed()).joined(separator: "\n")
    }

    /// Whether `out` is empty or its last line holds only spaces.
    private static func atLineStart(_ out: String) -> Bool {
        for scalar in out.unicodeScalars.reversed() {
            if scalar == "\n" { return true }
            if scalar != " " { return false }
        }
        return true
    }

    /// Where the text after `</name …>` starts in `scalars`, if that end
    /// tag is there (any case). One pass over what it skips.
    private static func endTag(_ name: String, in scalars: Substring.UnicodeScalarView) -> Substring.UnicodeScalarView.Index? {
        let wanted = Array(("</" + name).unicodeScalars)
        var i = scalars.startIndex
        while let open = scalars[i...].firstIndex(of: "<") {
            var j = open
            var matched = 0
            while matched < wanted.count, j < scalars.endIndex,
                Character(scalars[j]).lowercased() == Character(wanted[matched]).lowercased()
            {
                matched += 1
                j = scalars.index(after: j)
            }
            if matched == wanted.count, let close = scalars[j...].firstIndex(of: ">") { return scalars.index(after: close) }
            i = scalars.index(after: open)
        }
        return nil
    }

    /// Elements whose end starts a new line.
    private static let blockTags: Set<String> = ["div", "p", "li", "ul", "ol", "tr", "h1", "h2", "h3", "h4", "h5", "h6"]

    /// The character an entity's name (between `&` and `;`) stands for.
    private static func entity(_ name: String) -> Unicode.Scalar? {
        switch name {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        case "nbsp": return " "
        default: break
        }
        if let named = namedEntities[name] { return named }
        if name.hasPrefix("#x") || name.hasPrefix("#X") {
            return UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).flatMap(printable)
        }
        if name.hasPrefix("#") { return UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init).flatMap(printable) }
        return nil
    }

    /// An entity never decodes to a control character: it would reach the
    /// deck (and a terminal) as one.
    private static func printable(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        String.isControl(scalar) ? nil : scalar
    }


    /// Named entities that editors and Moodle write beyond the five above:
    /// punctuation, signs and the Latin letters with accents.
    private static let namedEntities: [String: Unicode.Scalar] = [
        "ndash": "\u{2013}", "mdash": "\u{2014}", "hellip": "\u{2026}", "laquo": "\u{00AB}", "raquo": "\u{00BB}",
        "lsquo": "\u{2018}", "rsquo": "\u{2019}", "sbquo": "\u{201A}", "ldquo": "\u{201C}", "rdquo": "\u{201D}",
        "bdquo": "\u{201E}", "bull": "\u{2022}", "middot": "\u{00B7}", "deg": "\u{00B0}", "plusmn": "\u{00B1}",
        "times": "\u{00D7}", "divide": "\u{00F7}", "minus": "\u{2212}", "le": "\u{2264}", "ge": "\u{2265}",
        "ne": "\u{2260}", "asymp": "\u{2248}", "infin": "\u{221E}", "larr": "\u{2190}", "rarr": "\u{2192}",
        "harr": "\u{2194}", "sup2": "\u{00B2}", "sup3": "\u{00B3}", "frac12": "\u{00BD}", "frac14": "\u{00BC}",
        "frac34": "\u{00BE}", "sect": "\u{00A7}", "para": "\u{00B6}", "copy": "\u{00A9}", "reg": "\u{00AE}",
        "trade": "\u{2122}", "euro": "\u{20AC}", "pound": "\u{00A3}", "yen": "\u{00A5}", "cent": "\u{00A2}",
        "shy": "\u{00AD}", "thinsp": "\u{2009}", "ensp": "\u{2002}", "emsp": "\u{2003}", "iexcl": "\u{00A1}",
        "iquest": "\u{00BF}", "aacute": "\u{00E1}", "agrave": "\u{00E0}", "acirc": "\u{00E2}", "auml": "\u{00E4}",
        "atilde": "\u{00E3}", "aring": "\u{00E5}", "ccedil": "\u{00E7}", "eacute": "\u{00E9}", "egrave": "\u{00E8}",
        "ecirc": "\u{00EA}", "euml": "\u{00EB}", "iacute": "\u{00ED}", "igrave": "\u{00EC}", "icirc": "\u{00EE}",
        "iuml": "\u{00EF}", "ntilde": "\u{00F1}", "oacute": "\u{00F3}", "ograve": "\u{00F2}", "ocirc": "\u{00F4}",
        "ouml": "\u{00F6}", "otilde": "\u{00F5}", "oslash": "\u{00F8}", "uacute": "\u{00FA}", "ugrave": "\u{00F9}",
        "ucirc": "\u{00FB}", "uuml": "\u{00FC}", "szlig": "\u{00DF}", "Eacute": "\u{00C9}", "Auml": "\u{00C4}",
        "Ouml": "\u{00D6}", "Uuml": "\u{00DC}", "Ccedil": "\u{00C7}",
    ]
}
