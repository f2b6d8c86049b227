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
        /// How many faces of each group (file, rank, kind) were kept.
        private var kept: [Int: Int] = [:]

        init(first limit: Int) { self.limit = limit }

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
            for (group, count) in next.kept {
                let (file, lane) = NewFaceOrder.fileAndLane(ofGroup: group)
                kept[NewFaceOrder.group(file: fileNumbers[file], lane: lane), default: 0] += count
            }
        }

        /// Takes `face`, the next new face met; whether it is kept.
        mutating func offer(_ face: NewFace) -> Bool {
            if face.isReverse {
                faces.append(face)
                return true
            }
            if let id = face.termID { forwardIDs.insert(id) }
            let group = NewFaceOrder.group(file: face.file, lane: face.lane)
            let count = kept[group, default: 0]
            guard count < limit else { return false }
            kept[group] = count + 1
            faces.append(face)
            return true
        }
    }
}
