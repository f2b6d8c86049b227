import Synchronization

extension AnswerChecker {
    /// How the guards find the known answers that might conflict with a
    /// typed one.
    enum Lookup: Sendable {
        /// Only the known answers whose length allows a match: the guards'
        /// conditions all bound the length (an edit distance of at most k
        /// needs lengths within k, a keyboard fallback the same letter
        /// count, a Latin reading between one and three typed letters per
        /// sound class), so the others cannot match and are never visited,
        /// nor prepared.
        case byLength
        /// Every known answer prepared by `AnswerForm` at once and visited
        /// in order: what the index must agree with.
        case everyAnswer
    }

    /// One distinct known answer, as the guards compare it.
    struct KnownAnswer: Sendable {
        /// Where its first text is among the texts given: the guards name
        /// the first conflicting answer in this order.
        let position: Int
        /// The compact form (the key under which two answers are the same).
        let compact: String
        /// The letters of the compact form as numbers.
        let codes: [UInt64]
    }

    /// The known answers, prepared as the guards ask for them.
    ///
    /// Preparing a text (`AnswerForm`) is the costly part, and a large
    /// collection has 100,000 of them, nearly all of a length no typed
    /// answer is compared with. So the first guard that looks reads only
    /// each text's lengths (`CompactScan`, one pass without folding); the
    /// texts of one letter count are prepared when a guard first asks for
    /// that count, and kept. Shared by every copy of the checker, so one
    /// session prepares each length once.
    final class KnownAnswers: Sendable {
        /// The texts as given (terms, answers, options …), repeats included.
        let texts: [String]
        /// Whether the guards use the lengths or visit every answer.
        let lookup: Lookup
        /// What has been prepared so far.
        private let prepared: Mutex<Prepared>

        init(_ texts: [String], lookup: Lookup) {
            self.texts = texts
            self.lookup = lookup
            prepared = Mutex(Prepared())
        }

        /// The exact form of the known answer whose compact form is
        /// `compact` (of `letterCount` letters), if there is one.
        func exact(ofCompact compact: String, letterCount: Int) -> String? {
            let position: Int? = prepared.withLock { p in
                switch lookup {
                case .everyAnswer:
                    let every = p.everyAnswer(texts)
                    return every.indexByCompact[compact].map { every.answers[$0].position }
                case .byLength:
                    guard let bucket = p.bucket(letterCount, texts), let i = bucket.indexByCompact[compact] else {
                        return nil
                    }
                    return bucket.answers[i].position
                }
            }
            return position.map { AnswerForm.exactForm(texts[$0]) }
        }

        /// How many distinct answers there are (every length is prepared).
        var count: Int {
            prepared.withLock { p in
                switch lookup {
                case .everyAnswer:
                    return p.everyAnswer(texts).answers.count
                case .byLength:
                    return p.lengths(texts).byLetterCount.keys.reduce(0) { $0 + (p.bucket($1, texts)?.answers.count ?? 0) }
                }
            }
        }

        /// The first answer, in the order the texts were given, whose letter
        /// count is in `letterCounts` and that `fits`, as its position.
        /// `fits` must itself be false outside `letterCounts`: the range only
        /// spares the visit.
        func first(letterCounts keys: ClosedRange<Int>, where fits: (KnownAnswer) -> Bool) -> Int? {
            prepared.withLock { p in
                switch lookup {
                case .everyAnswer:
                    return p.everyAnswer(texts).answers.first(where: fits)?.position
                case .byLength:
                    var best: Int?
                    for key in Self.keys(keys, among: p.lengths(texts).byLetterCount) {
                        guard let bucket = p.bucket(key, texts) else { continue }
                        // Each bucket is in order; the earliest match over
                        // all of them is the one a scan in order finds.
                        for answer in bucket.answers {
                            if let b = best, answer.position >= b { break }
                            if fits(answer) {
                                best = answer.position
                                break
                            }
                        }
                    }
                    return best
                }
            }
        }

        /// The same for the Cyrillic answers (not mostly Latin) by the
        /// length of their Latin skeleton; `fits` is given the skeleton.
        func first(skeletonLengths keys: ClosedRange<Int>, where fits: (KnownAnswer, [Character]) -> Bool) -> Int? {
            prepared.withLock { p in
                switch lookup {
                case .everyAnswer:
                    let every = p.everyAnswer(texts)
                    return every.answers.indices.first { i in
                        !every.isLatin[i] && fits(every.answers[i], every.skeletons[i])
                    }.map { every.answers[$0].position }
                case .byLength:
                    let lengths = p.lengths(texts)
                    var best: Int?
                    for key in Self.keys(keys, among: lengths.bySkeletonLength) {
                        for position in lengths.bySkeletonLength[key] ?? [] {
                            let position = Int(position)
                            if let b = best, position >= b { break }
                            // A repeat of an earlier answer is not one
                            // itself, and it was the earlier text that
                            // decided whether the answer is Latin.
                            guard let answer = p.answer(at: position, letterCount: Int(lengths.letters[position]), texts)
                            else { continue }
                            if fits(answer, p.skeleton(of: answer)) {
                                best = position
                                break
                            }
                        }
                    }
                    return best
                }
            }
        }

        /// The letter counts whose texts have been prepared so far.
        var preparedLetterCounts: Set<Int> { prepared.withLock { $0.preparedLetterCounts } }

        /// The exact form of the answer at `position`.
        func exact(at position: Int) -> String { AnswerForm.exactForm(texts[position]) }

        /// The lengths in `range` a bucket exists for: a pasted wall of
        /// text makes a wide range, and then the lengths that exist are
        /// fewer.
        private static func keys<Bucket>(_ range: ClosedRange<Int>, among buckets: [Int: Bucket]) -> [Int] {
            range.count <= buckets.count ? Array(range) : buckets.keys.filter(range.contains).sorted()
        }
    }

    /// The known answers other than those accepted for the question being
    /// checked.
    struct OtherAnswers {
        let known: KnownAnswers
        let acceptedKeys: Set<String>

        /// The first other answer (its exact form), in the order the
        /// answers were given, whose letter count is in `letterCounts` and
        /// for which `predicate` holds. `predicate` must itself be false
        /// outside `letterCounts`: the range only spares the visit.
        func first(letterCounts: ClosedRange<Int>, where predicate: (KnownAnswer) -> Bool) -> String? {
            known.first(letterCounts: letterCounts) { predicate($0) && !acceptedKeys.contains($0.compact) }
                .map(known.exact(at:))
        }

        /// The same by the length of the Latin skeleton (Cyrillic answers
        /// only); `predicate` is given the skeleton.
        func first(skeletonLengths: ClosedRange<Int>, where predicate: ([Character]) -> Bool) -> String? {
            known.first(skeletonLengths: skeletonLengths) { answer, skeleton in
                predicate(skeleton) && !acceptedKeys.contains(answer.compact)
            }.map(known.exact(at:))
        }
    }
}
