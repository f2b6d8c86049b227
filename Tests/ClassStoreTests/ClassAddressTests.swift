import Testing

@testable import ClassStore

/// What `jatta class join` accepts as an address: libpq's own parser decides,
/// jatta takes out `class=` and refuses passwords.
@Suite struct ClassAddressTests {
    @Test func classParameterIsTakenOutOfTheURI() throws {
        let address = try ClassAddress.parse(
            "postgresql://alice@db.example.edu:5433/jatta?sslmode=verify-full&class=IR101&connect_timeout=5",
            classOption: nil)
        #expect(address.classID == "IR101")
        #expect(address.connectionString == "postgresql://alice@db.example.edu:5433/jatta?sslmode=verify-full&connect_timeout=5")
    }

    @Test func passwordsAreRefusedInEveryForm() {
        for text in [
            "postgresql://alice:hunter2@db.example.edu/jatta?class=IR101",
            "postgresql://alice@db.example.edu/jatta?password=hunter2&class=IR101",
            "host=db.example.edu user=alice password=hunter2 dbname=jatta",
        ] {
            #expect(throws: ClassError(.passwordInAddress)) { try ClassAddress.parse(text, classOption: "IR101") }
        }
    }

    @Test func aClassMustBeNamedAndTheAddressMustParse() {
        #expect(throws: ClassError(.noClassName)) { try ClassAddress.parse("postgresql://alice@db/jatta", classOption: nil) }
        #expect(throws: ClassError.self) { try ClassAddress.parse("host=db 'unterminated", classOption: "IR101") }
        #expect(throws: ClassError.self) { try ClassAddress.parse("postgresql://alice@db/jatta?nonsense=1", classOption: "X") }
    }

    /// An address that is no PostgreSQL address is said as such, even with
    /// class= in it (it was told to name the class); a class id the server
    /// would refuse is a usage error here, not sent.
    @Test func aWrongAddressOrClassIDIsSaidBeforeAnythingIsSent() {
        do {
            _ = try ClassAddress.parse("http://example.com/?class=IR101", classOption: nil)
            Issue.record("an http address was taken")
        } catch {
            #expect(error.kind == .badAddress)
        }
        for id in ["IR'101", "IR 101", "ИР101", String(repeating: "a", count: 65)] {
            #expect(throws: ClassError(.badClassID, detail: id)) { try ClassAddress.parse("postgresql://alice@db/jatta", classOption: id) }
        }
        #expect((try? ClassAddress.parse("postgresql://alice@db/jatta?class=IR-101_a.b", classOption: nil))?.classID == "IR-101_a.b")
    }
}

/// A failed connection is a refused login (status 1) or an unreachable
/// server (75, "the next sync sends it") by libpq's words.
@Suite struct LoginRefusedTests {
    @Test func refusalsAndUnreachableServersAreTold() {
        for refused in [
            #"connection to server at "127.0.0.1", port 25481 failed: FATAL:  password authentication failed for user "alice""#,
            "connection to server on socket \"/tmp/s/.s.PGSQL.25481\" failed: fe_sendauth: no password supplied",
            #"connection to server at "h", port 5432 failed: FATAL:  no pg_hba.conf entry for host "10.0.0.2", user "alice""#,
            #"connection to server at "h", port 5432 failed: FATAL:  role "carol" does not exist"#,
        ] {
            #expect(PostgresConnection.refusesLogin(refused), "\(refused)")
        }
        for unreachable in [
            #"connection to server at "127.0.0.1", port 25481 failed: Connection refused Is the server running on that host and accepting TCP/IP connections?"#,
            #"could not translate host name "class.example.edu" to address: Name or service not known"#,
            "connection to server at \"10.255.255.1\", port 5432 failed: timeout expired",
        ] {
            #expect(!PostgresConnection.refusesLogin(unreachable), "\(unreachable)")
        }
    }
}
