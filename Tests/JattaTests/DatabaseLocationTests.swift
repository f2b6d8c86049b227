import Foundation
import Testing
@testable import jatta

@Suite struct DatabaseLocationTests {
    @Test func optionWinsOverEverything() throws {
        let env = ["JATTA_DB": "/env/p.sqlite", "XDG_DATA_HOME": "/xdg", "HOME": "/home/a"]
        #expect(try DatabaseLocation.resolve(option: "/cli/p.sqlite", environment: env) == "/cli/p.sqlite")
        #expect(try DatabaseLocation.resolve(option: "~/p.sqlite", environment: env) == "/home/a/p.sqlite")
    }

    @Test func environmentVariableComesNext() throws {
        let env = ["JATTA_DB": "/env/p.sqlite", "XDG_DATA_HOME": "/xdg", "HOME": "/home/a"]
        #expect(try DatabaseLocation.resolve(option: nil, environment: env) == "/env/p.sqlite")
        #expect(try DatabaseLocation.resolve(option: "", environment: env) == "/env/p.sqlite")
    }

    @Test func xdgDataHomeThenHome() throws {
        #expect(
            try DatabaseLocation.resolve(option: nil, environment: ["XDG_DATA_HOME": "/xdg/", "HOME": "/home/a"])
                == "/xdg/jatta/progress.sqlite")
        #expect(
            try DatabaseLocation.resolve(option: nil, environment: ["JATTA_DB": "", "HOME": "/home/a"])
                == "/home/a/.local/share/jatta/progress.sqlite")
        // A relative XDG_DATA_HOME is invalid by the spec and ignored.
        #expect(
            try DatabaseLocation.resolve(option: nil, environment: ["XDG_DATA_HOME": "rel", "HOME": "/home/a"])
                == "/home/a/.local/share/jatta/progress.sqlite")
    }

    @Test func noHomeAndNothingElseIsAnError() {
        #expect(throws: (any Error).self) { try DatabaseLocation.resolve(option: nil, environment: [:]) }
    }

    @Test func missingFoldersAreCreatedPrivate() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("jatta-loc-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: base) }
        let path = base.appendingPathComponent("a/b/progress.sqlite").path
        try DatabaseLocation.prepareDirectory(for: path)
        let folder = base.appendingPathComponent("a/b").path
        let permissions = try FileManager.default.attributesOfItem(atPath: folder)[.posixPermissions] as? NSNumber
        #expect(permissions?.intValue == 0o700)
        // A file where the folder should be is a clear error, not a crash.
        let blocked = base.appendingPathComponent("file").path
        #expect(FileManager.default.createFile(atPath: blocked, contents: Data()))
        #expect(throws: (any Error).self) { try DatabaseLocation.prepareDirectory(for: blocked + "/progress.sqlite") }
    }
}
