/// Helpers for scanning JSON number literals.
@usableFromInline
enum NumberLiteral {
    @inlinable @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool {
        byte &- UInt8(ascii: "0") < 10
    }

    /// The value of a literal written in canonical integer form (`0`, `-12`,
    /// `9223372036854775807`, but not `-0`, `01`, `1.0` or `1e2`) that fits in
    /// `Int64`; `nil` for anything else.
    @inlinable
    static func canonicalInt64(_ bytes: UnsafeRawBufferPointer) -> Int64? {
        let count = bytes.count
        guard count > 0, count <= 20 else { return nil }
        var index = 0
        let negative = bytes[0] == UInt8(ascii: "-")
        if negative { index = 1 }
        guard index < count else { return nil }
        let first = bytes[index]
        guard isDigit(first) else { return nil }
        if first == UInt8(ascii: "0") {
            // Only "0" itself is canonical; "-0" and "01" keep their text.
            return (count == 1) ? 0 : nil
        }
        var magnitude: UInt64 = 0
        while index < count {
            let byte = bytes[index]
            guard isDigit(byte) else { return nil }
            let (times10, overflow1) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times10.addingReportingOverflow(UInt64(byte &- 48))
            if overflow1 || overflow2 { return nil }
            magnitude = sum
            index += 1
        }
        if negative {
            if magnitude <= UInt64(Int64.max) { return -Int64(magnitude) }
            return magnitude == UInt64(Int64.max) + 1 ? Int64.min : nil
        }
        return magnitude <= UInt64(Int64.max) ? Int64(magnitude) : nil
    }
}

extension NumberLiteral {
    /// Whether a syntactically valid literal's exponent (if any) is within
    /// ``DecimalNumber/maximumExponentMagnitude``.
    static func exponentInRange(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var index = 0
        let count = bytes.count
        while index < count, bytes[index] != UInt8(ascii: "e"), bytes[index] != UInt8(ascii: "E") { index += 1 }
        guard index < count else { return true }
        index += 1
        if index < count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
        while index < count, bytes[index] == UInt8(ascii: "0") { index += 1 }
        var magnitude = 0
        while index < count {
            magnitude = magnitude * 10 + Int(bytes[index] &- 48)
            if magnitude > DecimalNumber.maximumExponentMagnitude { return false }
            index += 1
        }
        return true
    }
}
