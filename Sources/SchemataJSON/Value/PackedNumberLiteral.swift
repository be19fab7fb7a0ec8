/// The text of a number literal of up to 32 characters, four bits per
/// character in two words: numbers such as `23.531240999999994`, too long
/// for a string's inline storage, kept exactly and with no allocation.
///
/// A JSON number literal uses fifteen characters (`0`–`9`, `.`, `e`, `E`,
/// `-`, `+`), so each fits in a nibble; nibble 15 marks the end of a
/// literal shorter than 32.
@usableFromInline
struct PackedNumberLiteral: Sendable {
    @usableFromInline var low: UInt64
    @usableFromInline var high: UInt64

    /// The longest literal that packs.
    static let capacity = 32
    private static let end: UInt64 = 15

    /// Packs `bytes` (a validated literal), or `nil` when it is longer
    /// than ``capacity``.
    @inline(__always)
    init?(_ bytes: UnsafeRawBufferPointer) {
        let count = bytes.count
        guard count <= PackedNumberLiteral.capacity else { return nil }
        // Shifting codes in from the last character to the first leaves
        // character `i` in nibble `i`, and the end marks (all ones) above.
        var low: UInt64 = ~0
        var high: UInt64 = ~0
        var position = count
        while position > 16 {
            position &-= 1
            high = (high &<< 4) | PackedNumberLiteral.code(of: bytes[position])
        }
        while position > 0 {
            position &-= 1
            low = (low &<< 4) | PackedNumberLiteral.code(of: bytes[position])
        }
        self.low = low
        self.high = high
    }

    @inline(__always)
    private static func code(of byte: UInt8) -> UInt64 {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt64(byte &- UInt8(ascii: "0"))
        case UInt8(ascii: "."): return 10
        case UInt8(ascii: "e"): return 11
        case UInt8(ascii: "E"): return 12
        case UInt8(ascii: "-"): return 13
        default: return 14  // "+", the only other character of a valid literal
        }
    }

    private static let characters: [UInt8] = Array("0123456789.eE-+".utf8)

    /// The number of characters.
    var count: Int {
        for position in 0..<PackedNumberLiteral.capacity where nibble(at: position) == PackedNumberLiteral.end {
            return position
        }
        return PackedNumberLiteral.capacity
    }

    @inline(__always)
    private func nibble(at position: Int) -> UInt64 {
        let word = position < 16 ? low : high
        return (word &>> UInt64((position & 15) * 4)) & 0xF
    }

    /// The literal as written.
    var text: String {
        let count = self.count
        return String(unsafeUninitializedCapacity: count) { buffer in
            for position in 0..<count {
                buffer[position] = PackedNumberLiteral.characters[Int(nibble(at: position))]
            }
            return count
        }
    }
}
