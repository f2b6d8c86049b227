import DeckFormat

extension NewFaceOrder {
    /// The new faces that can be among the first `limit` of the order,
    /// chosen as the faces are met, so that a queue asking for 20 does not
    /// hold all of them (24,000 at 100,000 cards).
    ///
    /// The k-th face (from 0) of a deck file's faces of one level rank and
    /// one kind stands at place k or later of its lane (`Lane`: ranks in
    /// order, kinds in turn within a rank; an `order: file` lane in file
    /// order), and every face placed takes at least one of the first
    /// `limit` places of the order; so a face past the first `limit` of its
    /// group is never placed within `limit`, and leaving such faces out
    /// changes no place before `limit` (a group cut at `limit` still gives
    /// `limit` rounds before the next rank).
    ///
    /// Reverse faces are all kept: whether one waits for its term's forward
    /// face is known only once every face is met (a forward face of the
    /// same id may come from a later deck), and a waiting reverse face
    /// leaves its lane. For the same reason the ids of every new forward
    /// face of a term are kept (`forwardIDs`), also of the faces left out.
    struct Shortlist {
        /// How many faces of the order are wanted.
        let limit: Int
        /// The faces kept, in the order they were met.
        private(set) var faces: [NewFace] = []
        /// The card ids of every new forward face of a term met, kept or not.
        private(set) var forwardIDs: Set<CardID> = []
        /// How many faces of each group were kept: by file number, then by
        /// lane (`lane(rank:kind:)`, below 256). Arrays, not a dictionary of
        /// groups, which hashed each of the 24,000 new faces at 100,000
        /// cards twice when the limit let them all in.
        private var kept: [[Int]] = []

        init(first limit: Int) { self.limit = limit }

        /// Whether a face of lane `lane` of the file numbered `file` is
        /// among the first `limit` of its group, counting it when it is:
        /// the rule `offer` applies to a face that is not a reverse face,
        /// for a caller that knows a face's group before making it (the
        /// kept queue, `KeptQueue.gather`), which then hands it to `keep`.
        mutating func takes(file: Int, lane: Int) -> Bool {
            makeCounts(through: file)
            let count = kept[file][lane]
            guard count < limit else { return false }
            kept[file][lane] = count + 1
            return true
        }

        /// Adds `face`, which `takes` counted or which needs no count.
        mutating func keep(_ face: NewFace) {
            if !face.isReverse, let id = face.termID { forwardIDs.insert(id) }
            faces.append(face)
        }

        /// Adds the faces `next` kept, from decks met after this list's,
        /// whose files are none of this list's: the faces of a file are
        /// kept or left out by that file's faces alone, so `next` kept
        /// just what this list would have. `fileNumbers` gives each of
        /// `next`'s file numbers its number here.
        mutating func append(_ next: Shortlist, fileNumbers: [Int]) {
            for var face in next.faces {
                face.file = fileNumbers[face.file]
                faces.append(face)
            }
            forwardIDs.formUnion(next.forwardIDs)
            for (file, lanes) in next.kept.enumerated() {
                let number = fileNumbers[file]
                makeCounts(through: number)
                for (lane, count) in lanes.enumerated() where count > 0 { kept[number][lane] += count }
            }
        }

        /// Takes `face`, the next new face met; whether it is kept.
        mutating func offer(_ face: NewFace) -> Bool {
            guard face.isReverse || takes(file: face.file, lane: face.lane) else {
                // Left out, its id still holds its reverse face back.
                if let id = face.termID { forwardIDs.insert(id) }
                return false
            }
            keep(face)
            return true
        }

        /// Makes room in `kept` for the lanes of the files numbered up to
        /// `file`.
        private mutating func makeCounts(through file: Int) {
            while kept.count <= file { kept.append([Int](repeating: 0, count: 256)) }
        }
    }
}
