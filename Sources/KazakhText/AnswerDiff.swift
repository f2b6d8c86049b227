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
        // Runs are grown in place: joining strings piece by piece would
        // copy a long answer once per letter.
        enum Kind { case same, wrong, missing, extra }
        var runs: [(kind: Kind, typed: String, expected: String)] = []
        func add(_ kind: Kind, typed: String = "", expected: String = "") {
            if let last = runs.indices.last, runs[last].kind == kind {
                runs[last].typed += typed
                runs[last].expected += expected
            } else {
                runs.append((kind, typed, expected))
            }
        }
        var i = 0
        var j = 0
        for edit in EditDistance.alignment(e, t, same: same) {
            switch edit {
            case .keep:
                add(.same, typed: String(t[j]))
                i += 1
                j += 1
            case .substitute:
                add(.wrong, typed: String(t[j]), expected: String(e[i]))
                i += 1
                j += 1
            case .transpose:
                add(.wrong, typed: String(t[j]) + String(t[j + 1]), expected: String(e[i]) + String(e[i + 1]))
                i += 2
                j += 2
            case .delete:
                add(.missing, expected: String(e[i]))
                i += 1
            case .insert:
                add(.extra, typed: String(t[j]))
                j += 1
            }
        }
        return runs.map { run in
            switch run.kind {
            case .same: .same(run.typed)
            case .wrong: .wrong(typed: run.typed, expected: run.expected)
            case .missing: .missing(run.expected)
            case .extra: .extra(run.typed)
            }
        }
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
