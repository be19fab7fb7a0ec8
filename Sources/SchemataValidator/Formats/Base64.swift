/// RFC 4648 base64 decoding (standard alphabet, padding required).
enum Base64 {
    static func decode(_ text: [UInt8]) -> [UInt8]? {
        guard text.count % 4 == 0 else { return nil }
        var output: [UInt8] = []
        output.reserveCapacity(text.count / 4 * 3)
        var index = 0
        while index < text.count {
            var values: [UInt8] = []
            var padding = 0
            for offset in 0..<4 {
                let byte = text[index + offset]
                if byte == UInt8(ascii: "=") {
                    // Padding only at the very end, at most two.
                    guard index + 4 == text.count, offset >= 2 else { return nil }
                    padding += 1
                    values.append(0)
                    continue
                }
                guard padding == 0, let value = sextet(byte) else { return nil }
                values.append(value)
            }
            let combined = UInt32(values[0]) << 18 | UInt32(values[1]) << 12 | UInt32(values[2]) << 6 | UInt32(values[3])
            output.append(UInt8(combined >> 16 & 0xFF))
            if padding < 2 { output.append(UInt8(combined >> 8 & 0xFF)) }
            if padding < 1 { output.append(UInt8(combined & 0xFF)) }
            index += 4
        }
        return output
    }

    static func sextet(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): return byte - 65
        case UInt8(ascii: "a")...UInt8(ascii: "z"): return byte - 71
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte + 4
        case UInt8(ascii: "+"): return 62
        case UInt8(ascii: "/"): return 63
        default: return nil
        }
    }
}
