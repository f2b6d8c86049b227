import Foundation

/// The registered cards counted per deck file and level as the statistics'
/// pass reads them. A course has a few dozen deck files and each comes
/// back on almost every row, so a deck file is compared in SQLite's own
/// buffer and made into a `String` once, not once per card.
struct RegisteredGroups {
    /// The deck files met so far: their bytes and their name.
    private var deckFiles: [(bytes: [UInt8], name: String)] = []
    /// The deck file of the last row, an index into `deckFiles`.
    private var lastDeck = 0
    /// Where each deck file is in `deckFiles`, by name: looked up (after a
    /// `String` is made) once more than `compared` deck files are known.
    private var deckByName: [String: Int] = [:]
    /// Cards per deck file (an index into `deckFiles`) and level, in the order first met.
    private var groups: [(group: Group, count: Int)] = []
    /// The groups of each deck file (an index into `deckFiles`): its
    /// levels, a handful, and where each is in `groups`. Searched, not
    /// hashed: in key order the group changes almost every card.
    private var groupsOfDeck: [[(level: Int?, index: Int)]] = []
    /// The group of the last row, an index into `groups`.
    private var lastGroup = 0

    /// A deck file (an index into `deckFiles`) and a level.
    private struct Group: Hashable {
        var deck: Int
        var level: Int?
    }

    /// Beyond this many deck files, comparing bytes with each would cost
    /// more than making a `String` and hashing it.
    private static let compared = 64

    /// Counts the card of `row`, whose deck file is text column `index`,
    /// and returns its deck file and its group's number.
    mutating func count(_ row: StatementRow, deckFileAt index: Int, level: Int?) throws -> (String, group: Int) {
        let group = Group(deck: try deckIndex(row, at: index), level: level)
        if lastGroup >= groups.count || groups[lastGroup].group != group {
            if group.deck >= groupsOfDeck.count {
                groupsOfDeck += Array(repeating: [], count: group.deck + 1 - groupsOfDeck.count)
            }
            if let known = groupsOfDeck[group.deck].first(where: { $0.level == level }) {
                lastGroup = known.index
            } else {
                groups.append((group, 0))
                lastGroup = groups.count - 1
                groupsOfDeck[group.deck].append((level, lastGroup))
            }
        }
        groups[lastGroup].count += 1
        return (deckFiles[group.deck].name, lastGroup)
    }

    /// The counts, per deck file and level, in the order of their numbers.
    var counts: [RegisteredGroup] {
        groups.enumerated().map {
            RegisteredGroup(
                deckFile: deckFiles[$1.group.deck].name, level: $1.group.level, group: $0, count: $1.count)
        }
    }

    private mutating func deckIndex(_ row: StatementRow, at index: Int) throws -> Int {
        let bytes = row.textBytes(index)
        func same(_ known: [UInt8]) -> Bool {
            guard let bytes, bytes.count == known.count else { return false }
            return known.withUnsafeBufferPointer { known in
                guard let a = known.baseAddress, let b = bytes.baseAddress else { return true }
                return memcmp(a, b, bytes.count) == 0
            }
        }
        if lastDeck < deckFiles.count, same(deckFiles[lastDeck].bytes) { return lastDeck }
        if let known = deckFiles.prefix(Self.compared).firstIndex(where: { same($0.bytes) }) {
            lastDeck = known
            return known
        }
        let name = try row.string(index, required: true)!
        if let known = deckByName[name] {
            lastDeck = known
            return known
        }
        deckFiles.append((Array(name.utf8), name))
        lastDeck = deckFiles.count - 1
        deckByName[name] = lastDeck
        return lastDeck
    }
}
