import KazakhText

#if canImport(Glibc)
    import Glibc
#endif

/// libFuzzer entry point for the answer checker: the input is the accepted
/// answer and the typed one, split at the first newline. Any pair must be
/// judged without a crash and in bounded time and memory (edit distance on
/// two long strings once took 41 s and 2 GB), and a typed answer equal to
/// the accepted one must be accepted.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAnswer(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let split = bytes.firstIndex(of: UInt8(ascii: "\n")) ?? size
    let accepted = String(decoding: bytes[..<split], as: UTF8.self)
    let typed = String(decoding: bytes[min(split + 1, size)...], as: UTF8.self)
    let checker = AnswerChecker(knownAnswers: [accepted])
    _ = checker.check(typed: typed, accepted: [accepted])
    var profile = KeyboardProfile()
    _ = checker.check(typed: typed, accepted: [accepted, typed], updating: &profile)
    return 0
}
