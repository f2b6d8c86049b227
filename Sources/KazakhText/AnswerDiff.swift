/// A letter-by-letter comparison of a typed answer with the right one, for
/// the screen to mark what was missed or mistyped. Grading comes from the
/// checker; the diff only shows where the difference lies.
public enum AnswerDiff {
    /// A run of the alignment.
    public enum Piece: Hashable, Sendable {
        /// Letters typed as expected (case aside).
        case same(String)
        /// Letters typed in place of the expected ones.
        case wrong(typed: String, expected: String)
        /// Expected letters the student left out.
        case missing(String)
        /// Letters the student typed that are not in the answer.
        case extra(String)
    }

    /// The alignment of `typed` with `expected` in runs, after folding white
    /// space and ignoring case, so that the pieces joined give back the typed
    /// text (from `same`, `wrong` and `extra`) and the expected text (from
    /// `same`, `wrong` and `missing`).
    public static func pieces(expected: String, typed: String) -> [Piece] {
        let e = Array(AnswerForm.exactForm(expected))
        let t = Array(AnswerForm.exactForm(typed))
        let same: (Character, Character) -> Bool = { $0 == $1 || $0.lowercased() == $1.lowercased() }
        var pieces: [Piece] = []
        func add(_ piece: Piece) {
            switch (pieces.last, piece) {
            case (.same(let a)?, .same(let b)): pieces[pieces.count - 1] = .same(a + b)
            case (.missing(let a)?, .missing(let b)): pieces[pieces.count - 1] = .missing(a + b)
            case (.extra(let a)?, .extra(let b)): pieces[pieces.count - 1] = .extra(a + b)
            case (.wrong(let a, let x)?, .wrong(let b, let y)): pieces[pieces.count - 1] = .wrong(typed: a + b, expected: x + y)
            default: pieces.append(piece)
            }
        }
        var i = 0
        var j = 0
        for edit in EditDistance.alignment(e, t, same: same) {
            switch edit {
            case .keep:
                add(.same(String(t[j])))
                i += 1
                j += 1
            case .substitute:
                add(.wrong(typed: String(t[j]), expected: String(e[i])))
                i += 1
                j += 1
            case .transpose:
                add(.wrong(typed: String(t[j]) + String(t[j + 1]), expected: String(e[i]) + String(e[i + 1])))
                i += 2
                j += 2
            case .delete:
                add(.missing(String(e[i])))
                i += 1
            case .insert:
                add(.extra(String(t[j])))
                j += 1
            }
        }
        return pieces
    }
}

extension AnswerDiff {
    /// The difference in one line, as `jatta judge`, the study screen and
    /// the quiz report all show it: `тәжір[би→иб]е` (typed би where иб
    /// belongs), `каспи[+й]` (й left out), `режим[-ы]` (ы typed in excess).
    public static func marked(expected: String, typed: String) -> String {
        pieces(expected: expected, typed: typed).map { piece in
            switch piece {
            case .same(let s): s
            case .wrong(let typed, let expected): "[\(typed)→\(expected)]"
            case .missing(let s): "[+\(s)]"
            case .extra(let s): "[-\(s)]"
            }
        }.joined()
    }
}
