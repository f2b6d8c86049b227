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
}
