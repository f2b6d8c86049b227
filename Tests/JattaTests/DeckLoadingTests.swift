import Foundation
import Testing

@testable import jatta

/// Where the deck index lives, from the environment alone.
@Suite struct DeckLoadingTests {
    @Test func theIndexFolderFollowsTheEnvironment() {
        #expect(DeckLoading.directory(environment: ["HOME": "/home/a"]) == "/home/a/.cache/jatta/deck-index")
        #expect(
            DeckLoading.directory(environment: ["HOME": "/home/a", "XDG_CACHE_HOME": "/var/cache/a"])
                == "/var/cache/a/jatta/deck-index")
        // The XDG spec: a relative value is invalid and ignored.
        #expect(
            DeckLoading.directory(environment: ["HOME": "/home/a", "XDG_CACHE_HOME": "cache"])
                == "/home/a/.cache/jatta/deck-index")
        #expect(
            DeckLoading.directory(environment: ["HOME": "/home/a", "JATTA_DECK_INDEX": "/tmp/i", "XDG_CACHE_HOME": "/c"])
                == "/tmp/i")
        #expect(DeckLoading.directory(environment: ["HOME": "/home/a", "JATTA_DECK_INDEX": "off"]) == nil)
        // Nowhere to keep it: decks are parsed, nothing is written.
        #expect(DeckLoading.directory(environment: [:]) == nil)
        #expect(DeckLoading.directory(environment: ["HOME": ""]) == nil)
    }
}
