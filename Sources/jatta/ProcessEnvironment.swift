import Foundation

/// The process's environment variables, read once.
///
/// `ProcessInfo.processInfo.environment` makes a new dictionary of every
/// variable at each call; a start asked for it five times (the language,
/// the store's path, the deck index's folder twice, the time zone), about
/// 2 % of a start on one deck file of ten at 100,000 cards. jatta never
/// changes its own environment for its own reading: the only variables it
/// sets are libpq's defaults (`ClassCommand`), which libpq reads itself.
enum ProcessEnvironment {
    static let variables: [String: String] = ProcessInfo.processInfo.environment
}
