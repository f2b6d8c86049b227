extension AnswerChecker {
    /// How the guards find the known answers that might conflict with a
    /// typed one.
    enum Lookup: Sendable {
        /// Only the known answers whose length allows a match: the guards'
        /// conditions all bound the length (an edit distance of at most k
        /// needs lengths within k, a keyboard fallback the same letter
        /// count, a Latin reading between one and three typed letters per
        /// sound class), so the others cannot match and are never visited.
        case byLength
        /// Every known answer, in order: what the index must agree with.
        case everyAnswer
    }

    /// The known answers, prepared once, as parallel arrays (the loops read
    /// only the field they need), with indices by length for the guards.
    struct KnownAnswers: Sendable {
        /// The exact form of each distinct known answer, the one a verdict
        /// names.
        let exact: [String]
        /// The compact form (the key under which two answers are the same).
        let compact: [String]
        /// The letters of the compact form as numbers.
        let codes: [[UInt64]]
        /// The Latin skeleton of a Cyrillic answer; empty for one written
        /// mostly in Latin, which the Latin guard never reads.
        let skeletons: [[Character]]
        /// Whether the answer is written mostly in Latin letters.
        let isLatin: [Bool]
        /// The index of each compact form.
        let indexByCompact: [String: Int]
        /// Indices, ascending, by letter count of the compact form.
        let byLetterCount: [Int: [Int]]
        /// Indices, ascending, of the Cyrillic answers by skeleton length.
        let bySkeletonLength: [Int: [Int]]
        /// Whether the guards use the indices or visit every answer.
        let lookup: Lookup

        init(_ texts: [String], lookup: Lookup) {
            var exact: [String] = []
            var compact: [String] = []
            var codes: [[UInt64]] = []
            var skeletons: [[Character]] = []
            var isLatin: [Bool] = []
            var index: [String: Int] = [:]
            var byLetterCount: [Int: [Int]] = [:]
            var bySkeletonLength: [Int: [Int]] = [:]
            // The same text gives the same form: decks repeat terms and
            // options many times, and the form is the costly part.
            var seen = Set<String>()
            for text in texts where seen.insert(text).inserted {
                let form = AnswerForm(text)
                guard !form.compact.isEmpty, index[form.compact] == nil else { continue }
                let i = exact.count
                index[form.compact] = i
                exact.append(form.exact)
                compact.append(form.compact)
                codes.append(form.codes)
                let latin = LatinSkeleton.isMostlyLatin(form.exact)
                isLatin.append(latin)
                let skeleton = latin ? [] : LatinSkeleton.skeleton(ofCyrillic: form.compact)
                skeletons.append(skeleton)
                byLetterCount[form.codes.count, default: []].append(i)
                if !latin { bySkeletonLength[skeleton.count, default: []].append(i) }
            }
            self.exact = exact
            self.compact = compact
            self.codes = codes
            self.skeletons = skeletons
            self.isLatin = isLatin
            self.indexByCompact = index
            self.byLetterCount = byLetterCount
            self.bySkeletonLength = bySkeletonLength
            self.lookup = lookup
        }
    }

    /// The known answers other than those accepted for the question being
    /// checked.
    struct OtherAnswers {
        let known: KnownAnswers
        let acceptedKeys: Set<String>

        /// The first other answer (its exact form), in the order the
        /// answers were given, whose letter count is in `letterCounts` and
        /// for which `predicate` holds of its index. `predicate` must itself
        /// be false outside `letterCounts`: the range only spares the visit.
        func first(letterCounts: ClosedRange<Int>, where predicate: (Int) -> Bool) -> String? {
            first(in: known.byLetterCount, keys: letterCounts, where: predicate)
        }

        /// The same by the length of the Latin skeleton (Cyrillic answers
        /// only).
        func first(skeletonLengths: ClosedRange<Int>, where predicate: (Int) -> Bool) -> String? {
            first(in: known.bySkeletonLength, keys: skeletonLengths, where: predicate)
        }

        private func first(in buckets: [Int: [Int]], keys: ClosedRange<Int>, where predicate: (Int) -> Bool) -> String? {
            func fits(_ i: Int) -> Bool { predicate(i) && !acceptedKeys.contains(known.compact[i]) }
            switch known.lookup {
            case .everyAnswer:
                return known.exact.indices.first(where: { fits($0) }).map { known.exact[$0] }
            case .byLength:
                // Each bucket is ascending; the earliest match over all of
                // them is the one a scan in order would find.
                var best: Int?
                // A pasted wall of text makes a wide range: then visit the
                // lengths that exist instead.
                let lengths = keys.count <= buckets.count ? Array(keys) : buckets.keys.filter(keys.contains)
                for key in lengths {
                    guard let bucket = buckets[key] else { continue }
                    for i in bucket {
                        if let b = best, i >= b { break }
                        if fits(i) {
                            best = i
                            break
                        }
                    }
                }
                return best.map { known.exact[$0] }
            }
        }
    }
}
