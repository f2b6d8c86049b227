import Foundation
import GRDB

/// The registry's prompts in one byte per letter (migration
/// `store-4-coded-prompts`, issue 20: the store at Anki's size). jatta's
/// prompts are Kazakh and Russian: in UTF-8 every Cyrillic letter takes two
/// bytes, and at 100,000 cards the prompts were 15 of the registry's 22 MiB.
///
/// The rule, over the text's Unicode scalars (not its characters, so a
/// letter and its combining marks come back as they were):
/// - ASCII (U+0000–U+007F, NUL included) is its own byte;
/// - the Cyrillic letters А–я, Ё ё, the Kazakh letters Ә ә Ғ ғ Қ қ Ң ң
///   Ө ө Ұ ұ Ү ү Һ һ І і, and the punctuation of such text « » — – … “ ” №
///   are one byte each, 0x80 on (`letters`, in that order);
/// - any other scalar is `escape` followed by its UTF-8 bytes, which say
///   their own length.
///
/// The coding is a function of the scalars, so two prompts are the same
/// text exactly when their codings are the same bytes: SQL compares coded
/// with coded (`registryDiffers`), as it compared the UTF-8 texts before.
/// The coded form is stored as a BLOB; a TEXT value (a store not yet
/// migrated, a hand edit) is still read as the text it is.
enum PromptCoding {
    static let migrationName = "store-4-coded-prompts"

    /// The scalars of one byte each, from 0x80 on.
    static let letters: [Unicode.Scalar] =
        (0x410...0x44F).compactMap(Unicode.Scalar.init)
        + "ЁёӘәҒғҚқҢңӨөҰұҮүҺһІі«»—–…“”№".unicodeScalars

    /// The byte before a scalar written as its UTF-8 bytes. The bytes
    /// after the letters' and before it are free for letters added later.
    static let escape: UInt8 = 0xFF

    /// The byte of each scalar of `letters`, by scalar: nearly all are in
    /// the Cyrillic block, looked up by index; the punctuation by value.
    private static let cyrillicBlock: ClosedRange<UInt32> = 0x400...0x4FF
    private static let cyrillicBytes: [UInt8] = {
        var bytes = [UInt8](repeating: 0, count: cyrillicBlock.count)
        for (index, scalar) in letters.enumerated() where cyrillicBlock.contains(scalar.value) {
            bytes[Int(scalar.value - cyrillicBlock.lowerBound)] = 0x80 + UInt8(index)
        }
        return bytes
    }()
    private static let punctuationBytes: [UInt32: UInt8] = Dictionary(
        uniqueKeysWithValues: letters.enumerated().filter { !cyrillicBlock.contains($0.element.value) }
            .map { ($0.element.value, 0x80 + UInt8($0.offset)) })

    /// The UTF-8 bytes of each one-byte letter, by its byte less 0x80.
    private static let letterUTF8: [[UInt8]] = letters.map { Array(String($0).utf8) }

    /// The byte standing for the scalar `value`, not ASCII (nil: it is
    /// escaped), `cyrillic` being `cyrillicBytes`: a global read at every
    /// letter cost a third of coding a prompt.
    @inline(__always)
    private static func byte(of value: UInt32, cyrillic: UnsafeBufferPointer<UInt8>) -> UInt8? {
        if cyrillicBlock.contains(value) {
            let byte = cyrillic[Int(value - cyrillicBlock.lowerBound)]
            return byte == 0 ? nil : byte
        }
        return punctuationBytes[value]
    }

    /// What the registry stores for `text`: its coding as a BLOB. The
    /// empty prompt stays the empty text, since SQLite binds an empty BLOB
    /// (no bytes to point at) as NULL.
    static func stored(_ text: String) -> DatabaseValue {
        text.isEmpty ? text.databaseValue : coded(text).databaseValue
    }

    /// `text` coded. Read from its UTF-8 bytes in place and written into
    /// the result directly: a registration codes every prompt of a deck
    /// that changed, 120,000 at the largest, and going through its
    /// scalars and a byte array first made that registration slower
    /// than with the text bound as it is. No scalar takes more bytes
    /// coded than twice its UTF-8 bytes.
    static func coded(_ text: String) -> Data {
        var text = text
        return cyrillicBytes.withUnsafeBufferPointer { cyrillic in text.withUTF8 { utf8 in
            var coded = Data(count: utf8.count * 2)
            let written = coded.withUnsafeMutableBytes { (out: UnsafeMutableRawBufferPointer) -> Int in
                var (read, written) = (0, 0)
                while read < utf8.count {
                    let lead = utf8[read]
                    if lead < 0x80 {
                        out[written] = lead
                        (read, written) = (read + 1, written + 1)
                        continue
                    }
                    // Nearly every letter: two bytes in the Cyrillic block,
                    // U+0400–U+04FF, whose lead bytes are 0xD0–0xD3.
                    if lead & 0xFC == 0xD0 {
                        let byte = cyrillic[Int(lead & 0x03) << 6 | Int(utf8[read + 1] & 0x3F)]
                        if byte != 0 {
                            out[written] = byte
                            (read, written) = (read + 2, written + 1)
                            continue
                        }
                    }
                    // A String's UTF-8 is valid: the lead byte says the length.
                    let length = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
                    var value = UInt32(lead & (0xFF >> (length + 1)))
                    for next in read + 1..<read + length { value = value << 6 | UInt32(utf8[next] & 0x3F) }
                    if let byte = byte(of: value, cyrillic: cyrillic) {
                        out[written] = byte
                        written += 1
                    } else {
                        out[written] = escape
                        for next in 0..<length { out[written + 1 + next] = utf8[read + next] }
                        written += 1 + length
                    }
                    read += length
                }
                return written
            }
            coded.count = written
            return coded
        } }
    }

    /// The text `coded` stands for; nil when it is no coding (a byte not
    /// given to a letter, an escape cut short or of no valid scalar).
    static func text(_ coded: some Collection<UInt8>) -> String? {
        if coded.allSatisfy({ $0 < 0x80 }) { return String(decoding: coded, as: UTF8.self) }
        var utf8: [UInt8] = []
        utf8.reserveCapacity(coded.count * 2)
        var bytes = coded.makeIterator()
        while let byte = bytes.next() {
            if byte < 0x80 {
                utf8.append(byte)
            } else if byte == escape {
                guard let lead = bytes.next() else { return nil }
                let length: Int
                switch lead {
                case 0xC2...0xDF: length = 2
                case 0xE0...0xEF: length = 3
                case 0xF0...0xF4: length = 4
                default: return nil
                }
                utf8.append(lead)
                for _ in 1..<length {
                    guard let next = bytes.next(), next & 0xC0 == 0x80 else { return nil }
                    utf8.append(next)
                }
            } else {
                let index = Int(byte - 0x80)
                guard index < letterUTF8.count else { return nil }
                utf8.append(contentsOf: letterUTF8[index])
            }
        }
        // Overlong forms and surrogates in an escape are not UTF-8.
        return String(validating: utf8, as: UTF8.self)
    }

    /// A stored prompt: coded (a BLOB) or the text itself (TEXT); nil for
    /// anything else or a BLOB that is no coding.
    static func text(stored value: DatabaseValue) -> String? {
        switch value.storage {
        case .blob(let coded): text(coded)
        case .string(let text): text
        default: nil
        }
    }

    /// Codes every prompt stored as text, in one statement: an update of
    /// `prompt` fires none of the registry's triggers. Each is coded as it
    /// was read, so it reads back the same (a text with a NUL, which only
    /// a hand edit stores, was read up to the NUL).
    static func migrate(_ db: Database) throws {
        let code = DatabaseFunction("jatta_coded_prompt", argumentCount: 1, pure: true) { values in
            String.fromDatabaseValue(values[0]).map(stored)
        }
        db.add(function: code)
        defer { db.remove(function: code) }
        try db.execute(sql: "UPDATE registry SET prompt = jatta_coded_prompt(prompt) WHERE typeof(prompt) = 'text'")
    }
}
