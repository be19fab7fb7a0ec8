/// Splits a range of code points into sequences of UTF-8 byte ranges: each
/// sequence matches exactly the encodings of a sub-range, and together they
/// cover the range (surrogates excluded). This is what turns a class such as
/// `[à-ÿ]` or `\p{L}` into transitions over bytes.
enum UTF8Ranges {
    /// The byte-range sequences for the scalars in `set`.
    static func sequences(for set: ScalarSet) -> [[ClosedRange<UInt8>]] {
        var result: [[ClosedRange<UInt8>]] = []
        for range in set.ranges {
            for piece in [(UInt32(0), UInt32(0x7F)), (0x80, 0x7FF), (0x800, 0xD7FF), (0xE000, 0xFFFF), (0x10000, 0x10FFFF)] {
                let low = max(range.lowerBound, piece.0)
                let high = min(range.upperBound, piece.1)
                if low <= high { split(low, high, into: &result) }
            }
        }
        return result
    }

    /// Splits `low…high` (one encoded length) until each part's encodings
    /// are a product of byte ranges.
    private static func split(_ low: UInt32, _ high: UInt32, into result: inout [[ClosedRange<UInt8>]]) {
        let length = encodedLength(low)
        for index in 1..<length {
            let mask: UInt32 = (1 << (6 * UInt32(index))) - 1
            if low & ~mask != high & ~mask {
                if low & mask != 0 {
                    split(low, low | mask, into: &result)
                    split((low | mask) + 1, high, into: &result)
                    return
                }
                if high & mask != mask {
                    split(low, (high & ~mask) - 1, into: &result)
                    split(high & ~mask, high, into: &result)
                    return
                }
            }
        }
        let first = encode(low)
        let last = encode(high)
        result.append(zip(first, last).map { $0...$1 })
    }

    static func encodedLength(_ scalar: UInt32) -> Int {
        switch scalar {
        case 0..<0x80: return 1
        case 0x80..<0x800: return 2
        case 0x800..<0x10000: return 3
        default: return 4
        }
    }

    static func encode(_ scalar: UInt32) -> [UInt8] {
        switch scalar {
        case 0..<0x80: return [UInt8(scalar)]
        case 0x80..<0x800: return [UInt8(0xC0 | scalar >> 6), UInt8(0x80 | scalar & 0x3F)]
        case 0x800..<0x10000:
            return [UInt8(0xE0 | scalar >> 12), UInt8(0x80 | scalar >> 6 & 0x3F), UInt8(0x80 | scalar & 0x3F)]
        default:
            return [UInt8(0xF0 | scalar >> 18), UInt8(0x80 | scalar >> 12 & 0x3F), UInt8(0x80 | scalar >> 6 & 0x3F), UInt8(0x80 | scalar & 0x3F)]
        }
    }
}
