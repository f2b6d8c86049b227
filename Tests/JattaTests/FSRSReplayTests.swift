import Foundation
import Testing

@testable import jatta

/// `jatta fsrs replay`: vector lines in, the same lines with jatta's values out.
@Suite struct FSRSReplayTests {
    func command(_ arguments: [String] = []) throws -> FSRSReplayCommand {
        try FSRSReplayCommand.parse(arguments)
    }

    /// The first two reviews of the worked example in the FSRS-6 specification.
    let workedExample = """
        {"id": 7, "card_id": 1704110400000, "config": {"parameters": [0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796, 1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542], "desired_retention": 0.9, "learning_steps": [60, 600], "relearning_steps": [600], "maximum_interval": 36500, "enable_fuzzing": false}, "reviews": [{"t": 1704110400, "rating": 3, "note": "kept"}, {"t": 1704111000, "rating": 3}]}
        """

    @Test func replayWritesTheSchedulersValues() throws {
        let output = try command(["--elapsed", "24h"]).replay(line: workedExample)
        let reviews = try #require(output["reviews"]?.arrayValue)
        #expect(reviews.count == 2)
        #expect(reviews[0]["s"] == .number("2.3065"))
        #expect(reviews[0]["d"] == .number("2.118103970459016"))
        #expect(reviews[0]["state"] == .number("1") && reviews[0]["step"] == .number("1"))
        #expect(reviews[0]["interval_s"] == .number("600") && reviews[0]["r_before"] == .number("0.0"))
        #expect(reviews[0]["elapsed_days"] == .null)
        #expect(reviews[0]["note"] == .string("kept"))
        #expect(reviews[1]["state"] == .number("2") && reviews[1]["step"] == .null)
        #expect(reviews[1]["d"] == .number("2.111214235785395"))
        #expect(reviews[1]["interval_s"] == .number("172800"))
        #expect(reviews[1]["elapsed_days"] == .number("0"))
        // Everything but the reviews is written back as it was read.
        let input = try JSONReader.parse(workedExample)
        #expect(output["config"] == input["config"] && output["id"] == .number("7"))
    }

    @Test func ankiDaysStartReviewIntervalsAtTheRollover() throws {
        let output = try command(["--elapsed", "anki", "--time-zone", "UTC"]).replay(line: workedExample)
        let reviews = try #require(output["reviews"]?.arrayValue)
        // Graduated at 12:10 UTC on 1 January with 2 days: due 3 January 04:00 UTC.
        #expect(reviews[1]["due"] == .number("1704254400"))
    }

    @Test func readerKeepsNumbersAndStringsExactly() throws {
        let line = #"{"a": [1, -2.50, 3e-7, 1.0E+300], "b": "қазақ \"тілі\"\n\u00e9", "c": {"d": null, "e": true}}"#
        let value = try JSONReader.parse(line)
        #expect(value["a"] == .array([.number("1"), .number("-2.50"), .number("3e-7"), .number("1.0E+300")]))
        #expect(value["b"] == .string("қазақ \"тілі\"\né"))
        #expect(try JSONReader.parse(value.text) == value)
    }

    @Test(arguments: ["", "{", "{\"a\": }", "[1, 2", "{\"a\": 01x}", "\"open", "{\"a\" 1}", "nul"])
    func readerRejectsBrokenJSON(line: String) {
        #expect(throws: JSONSyntaxError.self) { try JSONReader.parse(line) }
    }

    @Test func badLinesAreReportedNotCrashed() throws {
        let replay = try command()
        let cases: [(String, String)] = [
            ("{\"reviews\": []}", "config"),
            ("not json", "JSON"),
            ("{\"config\": {}, \"reviews\": [{\"t\": 1, \"rating\": 5}]}", "rating"),
            ("{\"config\": {\"parameters\": [1, 2]}, \"reviews\": []}", "21"),
            ("{\"config\": {\"parameters\": \"x\"}, \"reviews\": []}", "parameters"),
            ("{\"config\": {\"time_zone\": \"Mars/Olympus\"}, \"reviews\": []}", "Mars/Olympus"),
            ("{\"config\": {\"desired_retention\": 1.5}, \"reviews\": []}", "retention"),
        ]
        for (line, mentioned) in cases {
            do {
                _ = try replay.replay(line: line)
                Issue.record("accepted: \(line)")
            } catch {
                #expect(error.english.contains(mentioned), "\(line): \(error.english)")
                #expect(!error.kazakh.isEmpty)
            }
        }
    }

    /// The ISO text worked out by arithmetic equals Foundation's formatter's
    /// (what every row used before) across its whole range: both ends, leap
    /// days, century years, and seeded random instants.
    @Test func isoTextByArithmeticEqualsFoundations() {
        var instants = [0, 59, 86_399, 86_400, 951_782_400, 951_868_799, 4_107_542_399, 4_107_542_400, 253_402_300_799]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<3000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            instants.append(Int(state >> 11) % 253_402_300_800)
        }
        for unix in instants {
            #expect(FSRSReplay.iso(unix) == FSRSReplay.foundationISO(unix), "\(unix)")
        }
    }
}
