import FSRS
import Foundation
import Testing

@testable import jatta

/// The study day's zone (`LocalTimeZone`) is Foundation's current zone
/// where the day's boundaries are concerned: a zero-offset zone is taken
/// without ICU only when Foundation would take a zone whose offset is
/// zero at every instant, and then it gives the same offsets and days.
@Suite struct LocalTimeZoneTests {
    /// Instants from 1900 to 2100, a few hours and days apart, and around
    /// the daylight-saving changes of zones that have them.
    static let instants: [Date] = {
        var dates: [Date] = []
        var t = -2_208_988_800.0  // 1900-01-01
        while t < 4_102_444_800 {  // 2100-01-01
            dates.append(Date(timeIntervalSince1970: t))
            t += 86_400 * 13 + 3_600 * 7 + 61
        }
        // Around 2024's changes in Europe and America, and Kazakhstan's
        // move to one zone (1 March 2024).
        for base in [1_711_846_800.0, 1_729_990_800, 1_710_054_000, 1_730_613_600, 1_709_229_600] {
            for step in -8...8 { dates.append(Date(timeIntervalSince1970: base + Double(step) * 1_800)) }
        }
        return dates
    }()

    /// Every name taken for a zero-offset zone is one to Foundation: the
    /// zone it makes of the name has offset 0 and no daylight-saving time at
    /// every instant, as the fixed zone does, so the day numbers and day
    /// starts agree.
    @Test(arguments: LocalTimeZone.zeroOffsetNames.sorted())
    func everyZeroOffsetNameIsZeroToFoundation(name: String) throws {
        let named = try #require(TimeZone(identifier: name), "Foundation knows \(name)")
        let fixed = try #require(TimeZone(secondsFromGMT: 0))
        for date in Self.instants {
            #expect(named.secondsFromGMT(for: date) == 0, "\(name) at \(date)")
            #expect(named.daylightSavingTimeOffset(for: date) == 0, "\(name) at \(date)")
            #expect(fixed.secondsFromGMT(for: date) == 0)
        }
        #expect(named.nextDaylightSavingTimeTransition(after: Date(timeIntervalSince1970: -2_208_988_800)) == nil)
        for date in Self.instants.prefix(200) {
            let day = SchedulerDay.number(of: date, rolloverHour: 4, timeZone: named)
            #expect(day == SchedulerDay.number(of: date, rolloverHour: 4, timeZone: fixed))
            #expect(
                SchedulerDay.start(of: day, rolloverHour: 4, timeZone: named)
                    == SchedulerDay.start(of: day, rolloverHour: 4, timeZone: fixed))
        }
    }

    /// Zones with offsets, and daylight-saving changes, are not zero-offset
    /// to Foundation: the names are not in the set by mistake.
    @Test func zonesWithOffsetsAreNotAmongTheNames() throws {
        for name in ["Asia/Almaty", "Europe/London", "America/New_York", "Africa/Abidjan", "Europe/Dublin", "WET"] {
            #expect(!LocalTimeZone.zeroOffsetNames.contains(name))
            let zone = try #require(TimeZone(identifier: name))
            #expect(Self.instants.contains { zone.secondsFromGMT(for: $0) != 0 }, "\(name) has an offset somewhere")
        }
    }

    /// Foundation's order: `TZFILE` first (not followed: left to
    /// Foundation), then `TZ` (a zero-offset name, or anything else left to
    /// Foundation, even when the link names UTC), then the link's name
    /// after the zone folder.
    @Test func theZoneIsFoundAsFoundationFindsIt() {
        let utcLink = "/usr/share/zoneinfo/Etc/UTC"
        #expect(LocalTimeZone.zeroOffsetName(environment: [:], localtimeLink: utcLink) == "Etc/UTC")
        #expect(LocalTimeZone.zeroOffsetName(environment: [:], localtimeLink: "../usr/share/zoneinfo/UTC") == "UTC")
        #expect(LocalTimeZone.zeroOffsetName(environment: [:], localtimeLink: "/usr/share/zoneinfo/Asia/Almaty") == nil)
        #expect(LocalTimeZone.zeroOffsetName(environment: [:], localtimeLink: "/etc/zones/UTC") == nil)
        #expect(LocalTimeZone.zeroOffsetName(environment: [:], localtimeLink: nil) == nil)
        #expect(LocalTimeZone.zeroOffsetName(environment: ["TZ": "UTC"], localtimeLink: nil) == "UTC")
        #expect(LocalTimeZone.zeroOffsetName(environment: ["TZ": "Asia/Almaty"], localtimeLink: utcLink) == nil)
        #expect(LocalTimeZone.zeroOffsetName(environment: ["TZ": ""], localtimeLink: utcLink) == nil)
        #expect(LocalTimeZone.zeroOffsetName(environment: ["TZ": ":UTC"], localtimeLink: utcLink) == nil)
        #expect(LocalTimeZone.zeroOffsetName(environment: ["TZFILE": "/x", "TZ": "UTC"], localtimeLink: utcLink) == nil)
    }

    /// In this process, the zone the study path counts days in gives
    /// Foundation's current zone's offsets at every instant.
    @Test func theZoneGivesTheCurrentZonesOffsets() {
        let zone = LocalTimeZone.current
        for date in Self.instants {
            #expect(zone.secondsFromGMT(for: date) == TimeZone.current.secondsFromGMT(for: date), "\(date)")
        }
    }
}
