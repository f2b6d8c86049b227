import Testing

@testable import ClassStore

/// A batch column as PostgreSQL's array syntax: every text element quoted
/// with `"` and `\` escaped, so deck text can neither end an element nor
/// the array; NULL for none; no number PostgreSQL would refuse. (The
/// round trip through a real server with hostile text is in
/// scripts/tests/class-security.sh.)
@Suite struct PostgresArrayLiteralTests {
    @Test func textIsQuotedAndEscaped() {
        var column = PostgresArrayLiteral()
        for value in ["plain", "a \"quote\"", "back\\slash", "comma, {brace}", "NULL", "", nil] as [String?] {
            column.append(value)
        }
        #expect(column.literal == #"{"plain","a \"quote\"","back\\slash","comma, {brace}","NULL","",NULL}"#)
    }

    @Test func zeroCharactersAreDroppedSincePostgreSQLTextCannotHoldThem() {
        var column = PostgresArrayLiteral()
        column.append("a\u{0}b")
        #expect(column.literal == #"{"ab"}"#)
    }

    @Test func numbersAndMissingOnes() {
        var integers = PostgresArrayLiteral()
        integers.append(Int64(1_760_000_000_000))
        integers.append(Int?.none)
        integers.append(-3)
        #expect(integers.literal == "{1760000000000,NULL,-3}")
        var reals = PostgresArrayLiteral()
        for value in [2.5, .nan, .infinity, nil, 1e-5] as [Double?] { reals.append(value) }
        #expect(reals.literal == "{2.5,NULL,NULL,NULL,1e-05}")
    }

    @Test func anEmptyColumnIsAnEmptyArray() {
        #expect(PostgresArrayLiteral().literal == "{}")
    }
}
