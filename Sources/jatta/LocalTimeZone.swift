import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The student's time zone, where the study day's boundaries are counted:
/// `TimeZone.current`, found without ICU's time-zone data when the zone
/// Foundation would find is one whose offset is zero at every instant
/// (`UTC`, `Etc/UTC` and their other names: what a server usually runs in).
///
/// Foundation makes every named zone through ICU, and the first one read
/// about 1.8 MB of ICU's data into a start's memory (of a peak of about
/// 66 MB at 100,000 cards); a zone of a fixed offset is made without it.
/// The day's boundaries read only `secondsFromGMT(for:)`, which is 0 at
/// every instant for both, so the study path gets the same days either
/// way. Any other zone, or a way of naming it this does not follow, is
/// left to Foundation.
enum LocalTimeZone {
    /// The zone to count days in, found once per process: making the
    /// environment's dictionary again for each of a million history lines
    /// was half of `jatta history`'s time.
    static let current: TimeZone = {
        let environment = ProcessEnvironment.variables
        if zeroOffsetName(environment: environment, localtimeLink: localtimeLink()) != nil,
            let utc = TimeZone(secondsFromGMT: 0)
        {
            return utc
        }
        return TimeZone.current
    }()

    /// The names of zones whose offset is zero at every instant, as ICU's
    /// data holds them (each checked against Foundation by the tests).
    static let zeroOffsetNames: Set<String> = [
        "UTC", "Etc/UTC", "UCT", "Etc/UCT", "Universal", "Etc/Universal", "Zulu", "Etc/Zulu", "GMT", "Etc/GMT",
        "GMT0", "Etc/GMT0", "GMT+0", "Etc/GMT+0", "GMT-0", "Etc/GMT-0", "Greenwich", "Etc/Greenwich",
    ]

    /// The folder whose zone files `/etc/localtime` links to, as Foundation
    /// looks for it in the link (`TZDIR` and a slash).
    static let zoneFolder = "/usr/share/zoneinfo/"

    /// The name of the zone Foundation takes for the current one when that
    /// is a zero-offset zone; nil when it is another or when this cannot
    /// tell. Foundation looks at `TZFILE`, then `TZ`, then the zone file
    /// `/etc/localtime` links to (`localtimeLink`), then the C library's
    /// local time; only the clear cases are followed here: no `TZFILE`, and
    /// either a `TZ` naming a zero-offset zone or no `TZ` and a link into
    /// the zone folder naming one.
    static func zeroOffsetName(environment: [String: String], localtimeLink: String?) -> String? {
        guard environment["TZFILE"] == nil else { return nil }
        if let tz = environment["TZ"] {
            return zeroOffsetNames.contains(tz) ? tz : nil
        }
        guard let link = localtimeLink, let folder = link.range(of: zoneFolder) else { return nil }
        let name = String(link[folder.upperBound...])
        return zeroOffsetNames.contains(name) ? name : nil
    }

    /// Where `/etc/localtime` links to; nil when it is no link.
    static func localtimeLink() -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = readlink("/etc/localtime", &buffer, Int(PATH_MAX))
        guard length >= 0 else { return nil }
        return String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
