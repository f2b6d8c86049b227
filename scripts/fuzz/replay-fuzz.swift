#if canImport(Glibc)
    import Glibc
#endif

/// libFuzzer entry point for `jatta fsrs replay`: each input line goes
/// through the very code the command runs (FSRSReplay, JSONReader), in
/// both day-counting modes. Bad JSON, absurd parameters, times and ratings
/// must be a LineError, never a crash or a hang.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzReplay(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    for line in text.split(separator: "\n", omittingEmptySubsequences: true).prefix(8) {
        for fullDays in [true, false] {
            let replay = FSRSReplay(fullDays: fullDays, rolloverHour: nil, timeZone: nil, maxStability: nil)
            if let output = try? replay.replay(line: String(line)) {
                // What was written must read back as JSON.
                if (try? JSONReader.parse(output.text)) == nil { abort() }
            }
        }
    }
    return 0
}
