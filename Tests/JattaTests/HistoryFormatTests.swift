import FSRS
import Foundation
import ReviewStore
import Testing
@testable import jatta

@Suite struct HistoryFormatTests {
    private let time = Date(timeIntervalSince1970: 1_795_000_000.25)  // 2026-11-18 11:06:40.250 UTC (checked with Python datetime)

    private func entry(kind: ReviewKind = .study, undoneBy: Int64? = nil) -> ReviewLogEntry {
        let after = CardSchedule(
            state: .review, step: nil, memory: MemoryState(stability: 3.5, difficulty: 6.25),
            due: time.addingTimeInterval(3 * 86400), lastReview: time, reps: 1, lapses: 0)
        return ReviewLogEntry(
            id: 7, key: "kz-режим", deckFile: "decks/d4.deck", sessionID: "s", time: time, kind: kind,
            rating: kind.isAnswer ? .good : nil, durationMilliseconds: kind.isAnswer ? 4250 : nil,
            undoes: kind == .undo ? 6 : nil, undoneBy: undoneBy, before: .unseen,
            after: CardProgress(schedule: after))
    }

    @Test func textLineShowsWhatHappenedInLocalTime() throws {
        let utc = try #require(TimeZone(identifier: "UTC"))
        let almaty = try #require(TimeZone(secondsFromGMT: 5 * 3600))
        #expect(
            HistoryFormat.line(entry(undoneBy: 9), prompt: "Режим\nдегеніміз не?", timeZone: utc)
                == "#7  2026-11-18 11:06:40  study  good  4.2s  kz-режим  decks/d4.deck  → review, due 2026-11-21 11:06:40  (undone by #9)  “Режим дегеніміз не?”")
        #expect(HistoryFormat.line(entry(), prompt: nil, timeZone: almaty).hasPrefix("#7  2026-11-18 16:06:40  study"))
        #expect(HistoryFormat.line(entry(kind: .undo), prompt: nil, timeZone: utc).contains("undo  kz-режим  decks/d4.deck  undoes #6"))
    }

    @Test func textLineInKazakh() throws {
        let utc = try #require(TimeZone(identifier: "UTC"))
        let kazakh = HistoryWords.of(.kk)
        #expect(
            HistoryFormat.line(entry(undoneBy: 9), prompt: "Режим", timeZone: utc, words: kazakh)
                == "#7  2026-11-18 11:06:40  жаттау  Жақсы  4.2s  kz-режим  decks/d4.deck  → қайталауда, мерзімі 2026-11-21 11:06:40  (#9 қайтарды)  “Режим”")
        #expect(
            HistoryFormat.line(entry(kind: .undo), prompt: nil, timeZone: utc, words: kazakh)
                .hasSuffix("қайтару  kz-режим  decks/d4.deck  #6 жазбасын қайтарады"))
        #expect(HistoryFormat.line(entry(kind: .bury), prompt: nil, timeZone: utc, words: kazakh).hasSuffix("тығу  kz-режим  decks/d4.deck  тығу алынды"))
    }

    /// Every kind, rating and state has its own Kazakh word: none falls
    /// back to the English name.
    @Test func kazakhWordsCoverEveryValue() {
        let kk = HistoryWords.of(.kk)
        let en = HistoryWords.of(.en)
        #expect(Set(kk.kinds.keys) == Set(ReviewKind.allCases))
        #expect(Set(en.kinds.keys) == Set(ReviewKind.allCases))
        for kind in ReviewKind.allCases { #expect(kk.kind(kind) != en.kind(kind), "\(kind)") }
        for kind in ReviewKind.allCases { #expect(en.kind(kind) == kind.rawValue, "\(kind)") }
        #expect([Rating.again, .hard, .good, .easy].map(kk.rating) == ["Қайтадан", "Қиын", "Жақсы", "Оңай"])
        #expect([Rating.again, .hard, .good, .easy].map(en.rating) == ["again", "hard", "good", "easy"])
        for state in [SchedulingState.learning, .review, .relearning] {
            #expect(kk.state(state) != en.state(state))
            #expect(en.state(state) == HistoryFormat.stateName(state))
        }
        #expect(kk.heading.hasPrefix("#id  уақыт  түрі"))
        #expect(en.heading.hasPrefix("#id  time  kind"))
    }

    /// What the printer writes for `pages` of entries.
    private func printed(_ pages: [[ReviewLogEntry]], json: Bool, prompts: [String: String] = [:]) throws -> String {
        var text = ""
        var printer = HistoryPrinter(json: json, words: .english, timeZone: TimeZone(secondsFromGMT: 0)!) { text += $0 }
        for page in pages { try printer.write(page, prompts: prompts) }
        printer.finish()
        return text
    }

    private func entries(_ count: Int) -> [ReviewLogEntry] {
        (0..<count).map { i in
            var e = entry(kind: i % 4 == 3 ? .undo : .study, undoneBy: i % 5 == 0 ? 99 : nil)
            e.id = Int64(100 - i)
            e.key = "k\(i % 3)"
            return e
        }
    }

    /// Pages of any size print one JSON array: the one a JSON encoder
    /// makes of all the entries at once, and a line break.
    @Test func jsonPagesMakeTheOneArrayOfAllEntries() throws {
        let all = entries(7)
        let prompts = ["k0": "Режим", "k1": "Гегемония"]
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let whole = String(decoding: try encoder.encode(all.map { HistoryFormat.JSONEntry($0, prompt: prompts[$0.key]) }), as: UTF8.self)
        for split in [[7], [1, 6], [3, 3, 1], [1, 1, 1, 1, 1, 1, 1]] {
            var pages: [[ReviewLogEntry]] = []
            var start = 0
            for size in split {
                pages.append(Array(all[start..<(start + size)]))
                start += size
            }
            #expect(try printed(pages, json: true, prompts: prompts) == whole + "\n")
        }
        #expect(try printed([], json: true) == "[]\n")
    }

    /// Text: the heading once, then a line per entry, whatever the pages.
    @Test func textPagesMakeOneHeadingAndALinePerEntry() throws {
        let all = entries(5)
        let lines = all.map { HistoryFormat.line($0, prompt: nil, timeZone: TimeZone(secondsFromGMT: 0)!) }
        let expected = ([HistoryWords.english.heading] + lines).map { $0 + "\n" }.joined()
        #expect(try printed([Array(all[0..<2]), Array(all[2...])], json: false) == expected)
        #expect(try printed([all], json: false) == expected)
        #expect(try printed([], json: false) == HistoryWords.english.empty + "\n")
    }

    @Test func jsonCarriesEveryFieldWithMillisecondTimes() throws {
        let text = try printed([[entry()]], json: true, prompts: ["kz-режим": "Режим"])
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
        let first = try #require(parsed.first)
        #expect(first["id"] as? Int == 7)
        #expect(first["card"] as? String == "kz-режим")
        #expect(first["deckFile"] as? String == "decks/d4.deck")
        #expect(first["prompt"] as? String == "Режим")
        #expect(first["time"] as? String == "2026-11-18T11:06:40.250Z")
        #expect(first["kind"] as? String == "study")
        #expect(first["rating"] as? String == "good")
        #expect(first["durationMs"] as? Int == 4250)
        let after = try #require(first["after"] as? [String: Any])
        #expect(after["stability"] as? Double == 3.5)
        #expect(after["state"] as? String == "review")
        #expect(after["suspended"] as? Bool == false)
        let before = try #require(first["before"] as? [String: Any])
        #expect(before["state"] == nil)
    }

    /// The hand-written local-time arithmetic agrees with Foundation's
    /// calendar across leap years, negative times and odd offsets.
    @Test func localTimeAgreesWithFoundationsCalendar() throws {
        var rng = SeededGenerator(seed: 20_261_122)
        let zones = [0, 5 * 3600, -(9 * 3600 + 1800), 13 * 3600 + 2700].compactMap { TimeZone(secondsFromGMT: $0) }
        for _ in 0..<2_000 {
            let date = Date(timeIntervalSince1970: Double.random(in: -2e9...5e9, using: &rng))
            let zone = zones.randomElement(using: &rng) ?? .gmt
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = zone
            let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
            let expected = String(
                format: "%04d-%02d-%02d %02d:%02d:%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0,
                c.minute ?? 0, c.second ?? 0)
            #expect(HistoryFormat.localTime(date, timeZone: zone) == expected, "\(date.timeIntervalSince1970)")
        }
    }
}
