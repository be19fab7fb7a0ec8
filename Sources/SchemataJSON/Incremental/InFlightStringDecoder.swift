/// Decodes the text so far of an in-flight string for snapshots, keeping the
/// latest string's decoded prefix between reads: a reader that looks at
/// every snapshot decodes each byte once, and feeding decodes nothing.
struct InFlightStringDecoder {
    /// The string whose prefix `decoded` holds (its opening quote's offset).
    private var tokenStart = -1
    /// Where the raw bytes behind `decoded` end.
    private var rawEnd = 0
    private var decoded: [UInt8] = []

    /// The decoded text of the string token starting at `start`, as far as
    /// `source[..<end]` shows it: escapes decoded where complete, whole
    /// characters only. `source` only ever grows, so an older snapshot
    /// (a smaller `end`) is decoded afresh without losing the cached prefix.
    mutating func text(ofStringAt start: Int, upTo end: Int, in source: UnsafeRawBufferPointer) -> String {
        let contentStart = start + 1
        guard contentStart < end else { return "" }
        if start != tokenStart || end < rawEnd {
            if start < tokenStart || (start == tokenStart && end < rawEnd) {
                var scratch: [UInt8] = []
                _ = StringDecoding.decodePrefix(UnsafeRawBufferPointer(rebasing: source[contentStart..<end]), into: &scratch)
                return Self.wholeCharacters(scratch)
            }
            tokenStart = start
            rawEnd = contentStart
            decoded.removeAll(keepingCapacity: true)
        }
        if end > rawEnd {
            rawEnd += StringDecoding.decodePrefix(UnsafeRawBufferPointer(rebasing: source[rawEnd..<end]), into: &decoded)
        }
        return Self.wholeCharacters(decoded)
    }

    /// `bytes` as a string without a trailing incomplete UTF-8 sequence.
    private static func wholeCharacters(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBytes { raw in
            let whole = raw.count - UTF8Validation.incompleteSuffixLength(raw)
            return String(decoding: UnsafeRawBufferPointer(rebasing: raw[0..<whole]), as: UTF8.self)
        }
    }
}
