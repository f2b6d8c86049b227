import DeckFormat

/// The order new faces are introduced in: one pure rule, used by the queue.
///
/// 1. **Levels in exam order.** A deck in the default `mixed` order gives
///    its level-1 faces before its level-2 faces before its level-3 faces
///    (a level outside 1–3, a `jatta check` warning, comes after 3): the
///    exam's level-1 questions are the terms and facts its level-2 and
///    level-3 questions build on, so they are met first. Across decks the
///    level goes first too: no deck's level 2 starts while another deck
///    still has level-1 faces waiting.
/// 2. **Decks take turns.** Within a level the decks give one face each in
///    turn (in the order the decks were found), so studying "all decks"
///    does not finish one deck before the next begins.
/// 3. **Kinds take turns.** Within a deck and level, the card kinds
///    (question, term, choice, cloze, open) give one face each in turn,
///    each kind in file order, so a run of ten multiple-choice cards is
///    mixed with the terms around it.
/// 4. **A term's reverse face follows its forward face**, `siblingGap`
///    new faces later, instead of waiting until every forward face of
///    every deck is done: the typed definition→term face is asked while
///    the term is fresh, but never straight after its own forward face.
///    A reverse face whose forward face is no longer new takes its turn
///    like any other face.
/// 5. **`order: file`.** A deck whose header says `order: file` gives its
///    faces in the file's order, whatever their level or kind, and takes
///    its turn with the other decks at every level (rule 4 still holds).
///
/// No randomness: the same decks and progress give the same order.
public enum NewFaceOrder {
    /// How many new faces come between a term's forward face and its reverse
    /// face: half of the default daily allowance of 20, so the reverse face
    /// of a term met early in the day comes the same day, some minutes later.
    public static let siblingGap = 10

    /// What the order needs to know of one new face: a few numbers read
    /// once from its card. Placing the items themselves copied each one (a
    /// card, a file name and a schedule) at every look at its level or
    /// kind, about half of the order's time at 100,000 cards, where 24,000
    /// faces are new and 20 are asked.
    ///
    /// The rank and kind are kept in a byte each (32 bytes a face, 48 with
    /// whole integers): the queue holds one for each of the 24,000 new
    /// faces at 100,000 cards, in an array grown as they are met.
    struct NewFace {
        /// Its card's id when it is a face of a term (or a reverse face):
        /// a reverse face waits for the forward face of a term of the same id.
        var termID: CardID?
        /// Its deck file's number (`FileNumbers`): its lane.
        var file: Int
        /// `rank`, which is 1 to 4.
        private var rankByte: UInt8
        /// `kind`, which is 0 to 9.
        private var kindByte: UInt8
        /// Whether it is a reverse face.
        var isReverse: Bool

        /// Its card level's place in exam order (`rank(level:)`).
        var rank: Int { Int(rankByte) }
        /// Its kind and direction (`kindCode`).
        var kind: Int { Int(kindByte) }
        /// Its lane within its file (`lane(rank:kind:)`).
        var lane: Int { NewFaceOrder.lane(rank: rank, kind: kind) }

        init(_ face: StudyFace, file: Int) {
            let card = face.card
            let kind = card.kind
            self.file = file
            rankByte = UInt8(NewFaceOrder.rank(level: card.level))
            kindByte = UInt8(NewFaceOrder.kindCode(kind: kind, direction: face.direction))
            termID = kind == .term || face.direction == .reverse ? card.id : nil
            isReverse = face.direction == .reverse
        }
    }

    /// Numbers for deck files, in the order first met.
    struct FileNumbers {
        /// Each number's file.
        private(set) var names: [String] = []
        private var numbers: [String: Int] = [:]

        /// The number of `file`, a new one if it has none yet.
        mutating func number(of file: String) -> Int {
            if let last = names.last, last == file { return names.count - 1 }
            if let number = numbers[file] { return number }
            numbers[file] = names.count
            names.append(file)
            return names.count - 1
        }
    }

    /// The new faces `faces` (in deck and file order, as the queue's walk
    /// meets them; each from the deck file `files[face.file]`) in the order
    /// to introduce them, or the first `limit` of that order (the same
    /// faces, found without placing the rest): their indices in `faces`.
    /// `orders` gives each deck file's `order:` (a file not named is
    /// `mixed`). `forwardIDs`, when given, are the ids of the new forward
    /// faces of terms, also of faces left out of `faces` (`Shortlist`);
    /// else those in `faces`.
    static func arrange(
        _ faces: [NewFace], files: [String], orders: [String: NewCardOrder], siblingGap: Int = siblingGap,
        first limit: Int = .max, forwardIDs given: Set<CardID>? = nil
    ) -> [Int] {
        // Faces are handled by their index until the order is known.
        let forwardIDs = given ?? Set(faces.lazy.filter { !$0.isReverse }.compactMap(\.termID))
        // Reverse faces wait for their forward face when it is new too.
        var held: [CardID: Int] = [:]
        var laneItems: [[Int]] = []
        var laneFiles: [String] = []
        var laneOf: [Int?] = Array(repeating: nil, count: files.count)
        for (index, face) in faces.enumerated() {
            if face.isReverse, let id = face.termID, forwardIDs.contains(id) {
                held[id] = index
                continue
            }
            let lane: Int
            if let known = laneOf[face.file] {
                lane = known
            } else {
                lane = laneItems.count
                laneOf[face.file] = lane
                laneFiles.append(files[face.file])
                laneItems.append([])
            }
            laneItems[lane].append(index)
        }
        var lanes = laneItems.indices.map { i in
            Lane(indices: laneItems[i], of: faces, order: orders[laneFiles[i]] ?? .mixed)
        }

        var result: [Int] = []
        result.reserveCapacity(min(faces.count, limit))
        // Reverse faces released once `result.count` reaches the position.
        var pending: [(releaseAt: Int, index: Int)] = []
        var nextPending = 0
        func emit(_ index: Int) {
            while nextPending < pending.count, pending[nextPending].releaseAt <= result.count {
                result.append(pending[nextPending].index)
                nextPending += 1
            }
            result.append(index)
            if !faces[index].isReverse, let id = faces[index].termID, let reverse = held[id] {
                pending.append((result.count + siblingGap, reverse))
            }
        }
        // The order is only ever appended to, so stopping once `limit`
        // faces are placed gives its first `limit` faces.
        while result.count < limit {
            // The lowest rank at the head of a mixed lane; 0 when only
            // `order: file` lanes have faces left.
            var lowest: Int?
            var fileLanesLeft = false
            for lane in lanes {
                guard let rank = lane.headRank else { continue }
                if lane.order == .mixed {
                    lowest = min(lowest ?? rank, rank)
                } else {
                    fileLanesLeft = true
                }
            }
            guard let level = lowest ?? (fileLanesLeft ? 0 : nil) else { break }
            for i in lanes.indices {
                guard let rank = lanes[i].headRank else { continue }
                if lanes[i].order == .file || rank == level { emit(lanes[i].take()) }
            }
        }
        for p in pending[nextPending...] where result.count < limit { result.append(p.index) }
        return Array(result.prefix(limit))
    }

    /// A face's lane within its deck file's new faces: its level's rank
    /// (`rank(level:)`, high four bits) and its kind and direction
    /// (`kindCode`, low four bits). The shortlist counts faces per file
    /// (`FileNumbers`) and lane (`Shortlist.takes`); the kept queue keeps
    /// each new face's lane.
    static func lane(rank: Int, kind: Int) -> Int { rank << 4 | kind }

    /// The kind and direction a lane holds.
    static func kind(ofLane lane: Int) -> Int { lane & 0xF }

    /// Where a level stands in exam order: 1, 2, 3, then any other level.
    static func rank(level: Int) -> Int { (1...3).contains(level) ? level : 4 }

    /// One deck's new faces, in the order the deck gives them, each by its
    /// index in the faces being arranged.
    struct Lane {
        /// Faces still to give, in order, with their level's rank.
        var queue: [(rank: Int, index: Int)]
        /// The next face's place in `queue`.
        var next = 0
        /// The deck's `order:`.
        var order: NewCardOrder

        init(indices: [Int], of faces: [NewFace], order: NewCardOrder) {
            self.order = order
            switch order {
            case .file:
                queue = indices.map { (0, $0) }
            case .mixed:
                // Ranks are 1 to 4: an array of them, not a dictionary,
                // which hashed each of 24,000 faces at limits of 9,999.
                var byRank = [[Int]](repeating: [], count: 5)
                for index in indices { byRank[faces[index].rank].append(index) }
                queue = []
                queue.reserveCapacity(indices.count)
                for rank in byRank.indices where !byRank[rank].isEmpty {
                    for index in NewFaceOrder.kindsInTurn(byRank[rank], of: faces) { queue.append((rank, index)) }
                }
            }
        }

        /// The rank of the next face; nil when the lane is done.
        var headRank: Int? { next < queue.count ? queue[next].rank : nil }

        /// The next face's index.
        mutating func take() -> Int {
            next += 1
            return queue[next - 1].index
        }
    }

    /// The number of a face of a card of `kind` asked in `direction`.
    static func kindCode(kind: CardKind, direction: StudyFace.Direction) -> Int {
        let code: Int =
            switch kind {
            case .question: 0
            case .term: 1
            case .choice: 2
            case .cloze: 3
            case .open: 4
            }
        return code * 2 + (direction == .forward ? 0 : 1)
    }

    /// Faces with each kind (and direction) giving one in turn, kinds in the
    /// order they first appear, each kind in its own order; the faces are
    /// `indices` into `faces`.
    static func kindsInTurn(_ indices: [Int], of faces: [NewFace]) -> [Int] {
        var groups: [[Int]] = []
        // Each kind's group, -1 before its first face: kinds are 0 to 9.
        var groupOf = [Int](repeating: -1, count: 16)
        for index in indices {
            let kind = faces[index].kind
            if groupOf[kind] >= 0 {
                groups[groupOf[kind]].append(index)
            } else {
                groupOf[kind] = groups.count
                groups.append([index])
            }
        }
        var result: [Int] = []
        result.reserveCapacity(indices.count)
        var round = 0
        while result.count < indices.count {
            for group in groups where round < group.count { result.append(group[round]) }
            round += 1
        }
        return result
    }
}
