/// Decodes the raw bytes between a JSON string's quotes.
///
/// yajl's own escape decoding mishandles UTF-16 surrogates (it turns
/// `\ud800\u0041` into a wrong scalar and passes a lone low surrogate on as
/// invalid UTF-8), so Schemata decodes escapes itself from the raw token.
enum StringDecoding {
    /// A problem found while decoding, at a byte offset within the raw text.
    struct Failure: Error {
        enum Kind { case invalidUTF8, loneSurrogate, invalidEscape }
        var kind: Kind
        var offset: Int
        var detail: String
    }

    /// Appends the decoded UTF-8 of `raw` (the bytes between the quotes) to
    /// `output`, validating UTF-8 on the way.
    static func decode(_ raw: UnsafeRawBufferPointer, into output: inout [UInt8]) throws(Failure) {
        let count = raw.count
        var index = 0
        var runStart = 0
        func flushRun(upTo end: Int) throws(Failure) {
            guard end > runStart else { return }
            let run = UnsafeRawBufferPointer(rebasing: raw[runStart..<end])
            if let bad = UTF8Validation.firstInvalidOffset(run) {
                throw Failure(kind: .invalidUTF8, offset: runStart + bad, detail: "invalid UTF-8 byte 0x\(hex(raw[runStart + bad])) in string")
            }
            output.append(contentsOf: run.assumingMemoryBound(to: UInt8.self))
        }
        while index < count {
            guard raw[index] == UInt8(ascii: "\\") else {
                index += 1
                continue
            }
            try flushRun(upTo: index)
            guard index + 1 < count else {
                throw Failure(kind: .invalidEscape, offset: index, detail: "incomplete escape sequence")
            }
            let escape = raw[index + 1]
            switch escape {
            case UInt8(ascii: "\""): output.append(0x22); index += 2
            case UInt8(ascii: "\\"): output.append(0x5C); index += 2
            case UInt8(ascii: "/"): output.append(0x2F); index += 2
            case UInt8(ascii: "b"): output.append(0x08); index += 2
            case UInt8(ascii: "f"): output.append(0x0C); index += 2
            case UInt8(ascii: "n"): output.append(0x0A); index += 2
            case UInt8(ascii: "r"): output.append(0x0D); index += 2
            case UInt8(ascii: "t"): output.append(0x09); index += 2
            case UInt8(ascii: "u"):
                guard let unit = hexQuad(raw, at: index + 2) else {
                    throw Failure(kind: .invalidEscape, offset: index, detail: "\\u must be followed by four hexadecimal digits")
                }
                var scalarValue = UInt32(unit)
                var consumed = 6
                if (0xD800...0xDBFF).contains(unit) {
                    // A high surrogate must be followed by an escaped low surrogate.
                    if index + 7 < count, raw[index + 6] == UInt8(ascii: "\\"), raw[index + 7] == UInt8(ascii: "u"),
                        let low = hexQuad(raw, at: index + 8), (0xDC00...0xDFFF).contains(low)
                    {
                        scalarValue = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
                        consumed = 12
                    } else {
                        throw Failure(
                            kind: .loneSurrogate, offset: index,
                            detail: "lone high surrogate \\u\(hex4(unit)) (not followed by a low surrogate escape)")
                    }
                } else if (0xDC00...0xDFFF).contains(unit) {
                    throw Failure(
                        kind: .loneSurrogate, offset: index,
                        detail: "lone low surrogate \\u\(hex4(unit)) (no high surrogate before it)")
                }
                appendUTF8(scalarValue, to: &output)
                index += consumed
            default:
                throw Failure(kind: .invalidEscape, offset: index, detail: "invalid escape sequence '\\\(Character(Unicode.Scalar(escape)))'")
            }
            runStart = index
        }
        try flushRun(upTo: count)
    }

    /// Decodes as much of an in-flight string's raw bytes as can be decoded
    /// without seeing more input. Returns how many raw bytes were consumed;
    /// the rest (an unfinished escape) waits for the next piece. Stops early,
    /// without error, at anything invalid: the complete token will report it.
    static func decodePrefix(_ raw: UnsafeRawBufferPointer, into output: inout [UInt8]) -> Int {
        let count = raw.count
        var index = 0
        while index < count {
            // Copy the run up to the next backslash in one go.
            var runEnd = index
            while runEnd < count, raw[runEnd] != UInt8(ascii: "\\") { runEnd += 1 }
            if runEnd > index {
                output.append(contentsOf: UnsafeRawBufferPointer(rebasing: raw[index..<runEnd]).assumingMemoryBound(to: UInt8.self))
                index = runEnd
            }
            guard index < count else { break }
            guard index + 1 < count else { return index }
            let escape = raw[index + 1]
            if escape != UInt8(ascii: "u") {
                let decoded: UInt8
                switch escape {
                case UInt8(ascii: "b"): decoded = 0x08
                case UInt8(ascii: "f"): decoded = 0x0C
                case UInt8(ascii: "n"): decoded = 0x0A
                case UInt8(ascii: "r"): decoded = 0x0D
                case UInt8(ascii: "t"): decoded = 0x09
                default: decoded = escape
                }
                output.append(decoded)
                index += 2
                continue
            }
            guard index + 6 <= count else { return index }
            guard let unit = hexQuad(raw, at: index + 2) else { return index }
            if (0xD800...0xDBFF).contains(unit) {
                guard index + 12 <= count else { return index }
                guard raw[index + 6] == UInt8(ascii: "\\"), raw[index + 7] == UInt8(ascii: "u"),
                    let low = hexQuad(raw, at: index + 8), (0xDC00...0xDFFF).contains(low)
                else { return index }
                appendUTF8(0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00), to: &output)
                index += 12
            } else if (0xDC00...0xDFFF).contains(unit) {
                return index
            } else {
                appendUTF8(UInt32(unit), to: &output)
                index += 6
            }
        }
        return index
    }

    /// Whether `byte` is a hexadecimal digit.
    static func isHexDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
            || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte)
    }

    static func hexQuad(_ raw: UnsafeRawBufferPointer, at start: Int) -> UInt16? {
        guard start + 4 <= raw.count else { return nil }
        var value: UInt16 = 0
        for offset in 0..<4 {
            let byte = raw[start + offset]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            value = value << 4 | UInt16(digit)
        }
        return value
    }

    static func appendUTF8(_ scalar: UInt32, to output: inout [UInt8]) {
        switch scalar {
        case 0..<0x80:
            output.append(UInt8(scalar))
        case 0x80..<0x800:
            output.append(UInt8(0xC0 | (scalar >> 6)))
            output.append(UInt8(0x80 | (scalar & 0x3F)))
        case 0x800..<0x10000:
            output.append(UInt8(0xE0 | (scalar >> 12)))
            output.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            output.append(UInt8(0x80 | (scalar & 0x3F)))
        default:
            output.append(UInt8(0xF0 | (scalar >> 18)))
            output.append(UInt8(0x80 | ((scalar >> 12) & 0x3F)))
            output.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
            output.append(UInt8(0x80 | (scalar & 0x3F)))
        }
    }

    static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0xF)]])
    }

    static func hex4(_ unit: UInt16) -> String {
        hex(UInt8(unit >> 8)).lowercased() + hex(UInt8(unit & 0xFF)).lowercased()
    }
}
