extension AnswerChecker.KnownAnswers {
    /// What the guards have asked of the known answers so far, kept for the
    /// next check.
    struct Prepared {
        /// Each text's lengths, read at the first check.
        private var lengthsOfTexts: Lengths?
        /// The texts of each letter count prepared so far.
        private var buckets: [Int: Bucket] = [:]
        /// The Latin skeletons the Latin guard has read, by position.
        private var skeletons: [Int: [Character]] = [:]
        /// Every answer prepared at once (`Lookup.everyAnswer` only).
        private var every: EveryAnswer?

        /// Each text's lengths, read once.
        mutating func lengths(_ texts: [String]) -> Lengths {
            if let lengthsOfTexts { return lengthsOfTexts }
            let made = Lengths(texts)
            lengthsOfTexts = made
            return made
        }

        /// The distinct answers of `letterCount` letters, nil for none.
        mutating func bucket(_ letterCount: Int, _ texts: [String]) -> Bucket? {
            if let bucket = buckets[letterCount] { return bucket }
            guard let positions = lengths(texts).byLetterCount[letterCount] else { return nil }
            let made = Bucket(positions: positions, texts)
            buckets[letterCount] = made
            return made
        }

        /// The answer whose first text is at `position`, nil when the text
        /// repeats an earlier one (or has nothing to compare).
        mutating func answer(at position: Int, letterCount: Int, _ texts: [String]) -> AnswerChecker.KnownAnswer? {
            guard let bucket = bucket(letterCount, texts), let i = bucket.indexByPosition[position] else { return nil }
            return bucket.answers[i]
        }

        /// The Latin skeleton of a Cyrillic answer, read once.
        mutating func skeleton(of answer: AnswerChecker.KnownAnswer) -> [Character] {
            if let skeleton = skeletons[answer.position] { return skeleton }
            let made = LatinSkeleton.skeleton(ofCyrillic: answer.compact)
            skeletons[answer.position] = made
            return made
        }

        /// The letter counts whose texts have been prepared.
        var preparedLetterCounts: Set<Int> { Set(buckets.keys) }

        /// Every answer, prepared at once.
        mutating func everyAnswer(_ texts: [String]) -> EveryAnswer {
            if let every { return every }
            let made = EveryAnswer(texts)
            every = made
            return made
        }
    }

    /// What the first check reads of every text: the lengths that decide
    /// which guard could ever visit it.
    struct Lengths {
        /// The letter count of each text's compact form; 0 for a text with
        /// nothing to compare (only spaces or punctuation).
        let letters: [Int32]
        /// Positions, ascending, by letter count (texts with letters only).
        let byLetterCount: [Int: [Int32]]
        /// Positions, ascending, of the texts not mostly in Latin letters,
        /// by the length of their Latin skeleton.
        let bySkeletonLength: [Int: [Int32]]

        init(_ texts: [String]) {
            var letters = [Int32](repeating: 0, count: texts.count)
            // Lengths of usual answers in arrays first: a dictionary
            // look-up per text was a third of the pass. A pasted wall of
            // text goes to the dictionary, not into a list that long.
            var byLetterCount = [[Int32]](repeating: [], count: 256)
            var bySkeletonLength = [[Int32]](repeating: [], count: 256)
            var long: [Int: [Int32]] = [:]
            var longSkeletons: [Int: [Int32]] = [:]
            func add(_ position: Int, at length: Int, to lists: inout [[Int32]], else other: inout [Int: [Int32]]) {
                if length < lists.count {
                    lists[length].append(Int32(position))
                } else {
                    other[length, default: []].append(Int32(position))
                }
            }
            for (position, text) in texts.enumerated() {
                let (count, skeleton) = CompactScan.lengths(text) ?? Self.preparedLengths(text)
                guard count > 0 else { continue }
                letters[position] = Int32(count)
                add(position, at: count, to: &byLetterCount, else: &long)
                if let skeleton { add(position, at: skeleton, to: &bySkeletonLength, else: &longSkeletons) }
            }
            self.letters = letters
            self.byLetterCount = Self.merged(byLetterCount, long)
            self.bySkeletonLength = Self.merged(bySkeletonLength, longSkeletons)
        }

        /// The lists that have positions, by their length.
        private static func merged(_ lists: [[Int32]], _ long: [Int: [Int32]]) -> [Int: [Int32]] {
            var result = long
            for (length, list) in lists.enumerated() where !list.isEmpty { result[length] = list }
            return result
        }

        /// The lengths of a text that is not plain, through `AnswerForm`;
        /// no skeleton for one mostly in Latin letters.
        static func preparedLengths(_ text: String) -> (Int, Int?) {
            let form = AnswerForm(text)
            if LatinSkeleton.isMostlyLatin(form.exact) { return (form.letterCount, nil) }
            return (form.letterCount, LatinSkeleton.skeleton(ofCyrillic: form.compact).count)
        }
    }

    /// The distinct answers of one letter count, in order.
    struct Bucket {
        /// Each distinct compact form once, at its first text's position,
        /// ascending.
        let answers: [AnswerChecker.KnownAnswer]
        /// The index in `answers` of each compact form.
        let indexByCompact: [String: Int]
        /// The index in `answers` of each first text's position.
        let indexByPosition: [Int: Int]

        init(positions: [Int32], _ texts: [String]) {
            var answers: [AnswerChecker.KnownAnswer] = []
            var indexByCompact: [String: Int] = [:]
            var indexByPosition: [Int: Int] = [:]
            for position in positions.lazy.map(Int.init) {
                let text = texts[position]
                let (compact, codes) = CompactScan.compact(text) ?? Self.prepared(text)
                guard indexByCompact[compact] == nil else { continue }
                indexByCompact[compact] = answers.count
                indexByPosition[position] = answers.count
                answers.append(AnswerChecker.KnownAnswer(position: position, compact: compact, codes: codes))
            }
            self.answers = answers
            self.indexByCompact = indexByCompact
            self.indexByPosition = indexByPosition
        }

        /// The compact form of a text that is not plain, through
        /// `AnswerForm`.
        static func prepared(_ text: String) -> (String, [UInt64]) {
            let form = AnswerForm(text)
            return (form.compact, form.codes)
        }
    }

    /// Every distinct answer prepared by `AnswerForm`, as before the
    /// lengths: the reference the tests hold the lazy preparation to.
    struct EveryAnswer {
        /// Each distinct compact form once, at its first text's position.
        let answers: [AnswerChecker.KnownAnswer]
        /// The index in `answers` of each compact form.
        let indexByCompact: [String: Int]
        /// Whether each answer is written mostly in Latin letters.
        let isLatin: [Bool]
        /// The Latin skeleton of each answer.
        let skeletons: [[Character]]

        init(_ texts: [String]) {
            var answers: [AnswerChecker.KnownAnswer] = []
            var indexByCompact: [String: Int] = [:]
            var isLatin: [Bool] = []
            var skeletons: [[Character]] = []
            for (position, text) in texts.enumerated() {
                let form = AnswerForm(text)
                guard !form.compact.isEmpty, indexByCompact[form.compact] == nil else { continue }
                indexByCompact[form.compact] = answers.count
                answers.append(AnswerChecker.KnownAnswer(position: position, compact: form.compact, codes: form.codes))
                isLatin.append(LatinSkeleton.isMostlyLatin(form.exact))
                skeletons.append(LatinSkeleton.skeleton(ofCyrillic: form.compact))
            }
            self.answers = answers
            self.indexByCompact = indexByCompact
            self.isLatin = isLatin
            self.skeletons = skeletons
        }
    }
}
