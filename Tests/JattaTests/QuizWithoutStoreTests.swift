import FSRS
import Foundation
import KazakhText
import ReviewStore
import Study
import Testing

@testable import jatta

/// `quiz --no-record` opens no store at all, where it made an empty one in
/// memory before: what it read from that store must be what it now takes
/// for no store, or the quiz would change with the saving.
@Suite struct QuizWithoutStoreTests {
    /// An empty store's scheduler is the default one (no parameters of the
    /// student's, the default retention), as `scheduler(store: nil)` gives.
    @Test(arguments: ["UTC", "Asia/Almaty", "America/New_York"])
    func anEmptyStoreGivesTheSchedulerNoStoreGives(zone: String) throws {
        let timeZone = try #require(TimeZone(identifier: zone))
        let empty = try StudySetup.scheduler(timeZone: timeZone, store: ProgressStore())
        let none = try StudySetup.scheduler(timeZone: timeZone, store: nil)
        #expect(empty.configuration == none.configuration)
    }

    /// The comparison above sees a store's parameters: a store holding a
    /// desired retention gives another scheduler.
    @Test func theComparisonSeesAStoresSettings() throws {
        let store = try ProgressStore()
        try store.setDesiredRetention(0.85)
        let timeZone = try #require(TimeZone(identifier: "UTC"))
        let stored = try StudySetup.scheduler(timeZone: timeZone, store: store)
        #expect(stored.configuration != (try StudySetup.scheduler(timeZone: timeZone, store: nil)).configuration)
    }

    /// An empty store knows no keyboard rule: the quiz starts from the
    /// profile of nothing known, as it does with no store.
    @Test func anEmptyStoreKnowsNoKeyboardRule() throws {
        let stored = try ProgressStore().setting(KeyboardProfile.settingKey)
        #expect(stored == nil)
        #expect(KeyboardProfile(stored: stored) == KeyboardProfile(stored: nil))
    }
}
