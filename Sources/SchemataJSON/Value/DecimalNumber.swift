/// The normalised decimal form of a ``JSONNumber`` literal: sign, significand
/// digits and exponent, for exact comparison and arithmetic.
struct DecimalNumber: Sendable {
    /// The largest exponent magnitude accepted. Beyond this, a number is
    /// rejected with a clear error instead of risking overflow in arithmetic
    /// on exponents. `1e400` and `1e-400` are well inside the range.
    static let maximumExponentMagnitude = 1_000_000_000_000_000

    /// The literal as written.
    let text: String
    /// The sign as written (`-0` keeps it, but compares equal to `0`).
    let isNegative: Bool
    /// Significand digits, values 0...9, with no leading or trailing zeros.
    /// Empty for zero.
    let digits: [UInt8]
    /// The value is `digits × 10^exponent`.
    let exponent: Int

    init(text: String, isNegative: Bool, digits: [UInt8], exponent: Int) {
        self.text = text
        self.isNegative = isNegative
        self.digits = digits
        self.exponent = digits.isEmpty ? 0 : exponent
    }

    /// Parses literal text; `nil` if it is not a JSON number in range.
    init?(validLiteral text: String) {
        var text = text
        guard let parsed = text.withUTF8({ DecimalNumber(literal: UnsafeRawBufferPointer($0)) }) else { return nil }
        self = parsed
    }

    /// Whether the bytes are a JSON number literal with an exponent in range.
    static func isValidLiteral(_ bytes: UnsafeRawBufferPointer) -> Bool {
        DecimalNumber(literal: bytes) != nil
    }

    /// Parses and normalises a JSON number literal; `nil` if the bytes are not
    /// a JSON number or the exponent is out of range.
    init?(literal bytes: UnsafeRawBufferPointer) {
        var index = 0
        let count = bytes.count
        var negative = false
        if index < count, bytes[index] == UInt8(ascii: "-") {
            negative = true
            index += 1
        }
        // Integer part: "0" or [1-9][0-9]*
        guard index < count, NumberLiteral.isDigit(bytes[index]) else { return nil }
        var significand: [UInt8] = []
        significand.reserveCapacity(min(count, 32))
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
            if index < count, NumberLiteral.isDigit(bytes[index]) { return nil }
        } else {
            while index < count, NumberLiteral.isDigit(bytes[index]) {
                significand.append(bytes[index] &- 48)
                index += 1
            }
        }
        var fractionDigits = 0
        if index < count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            let fractionStart = index
            while index < count, NumberLiteral.isDigit(bytes[index]) {
                significand.append(bytes[index] &- 48)
                index += 1
            }
            fractionDigits = index - fractionStart
            if fractionDigits == 0 { return nil }
        }
        var exponent = 0
        if index < count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            var exponentNegative = false
            if index < count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                exponentNegative = bytes[index] == UInt8(ascii: "-")
                index += 1
            }
            let exponentStart = index
            while index < count, NumberLiteral.isDigit(bytes[index]) {
                if exponent <= DecimalNumber.maximumExponentMagnitude {
                    exponent = exponent * 10 + Int(bytes[index] &- 48)
                }
                index += 1
            }
            if index == exponentStart { return nil }
            if exponent > DecimalNumber.maximumExponentMagnitude { return nil }
            if exponentNegative { exponent = -exponent }
        }
        guard index == count else { return nil }

        // Normalise: strip leading zeros (from "0.001") and trailing zeros.
        var leading = 0
        while leading < significand.count, significand[leading] == 0 { leading += 1 }
        var trailing = significand.count
        while trailing > leading, significand[trailing - 1] == 0 { trailing -= 1 }
        let trailingZeros = significand.count - trailing
        let normalisedDigits = Array(significand[leading..<trailing])
        let normalisedExponent = exponent - fractionDigits + trailingZeros
        self.text = String(decoding: bytes, as: UTF8.self)
        self.isNegative = negative
        self.digits = normalisedDigits
        self.exponent = normalisedDigits.isEmpty ? 0 : normalisedExponent
    }

    /// Whether the value is a whole number.
    var isInteger: Bool { exponent >= 0 }

    /// The value as `Int64` if it is an integer that fits.
    var exactInt64: Int64? {
        guard isInteger else { return nil }
        if digits.isEmpty { return 0 }
        guard digits.count + exponent <= 19 else { return nil }
        var magnitude: UInt64 = 0
        for digit in digits {
            magnitude = magnitude &* 10 &+ UInt64(digit)
        }
        for _ in 0..<exponent {
            let (product, overflow) = magnitude.multipliedReportingOverflow(by: 10)
            if overflow { return nil }
            magnitude = product
        }
        if isNegative {
            if magnitude <= UInt64(Int64.max) { return -Int64(magnitude) }
            if magnitude == UInt64(Int64.max) + 1 { return Int64.min }
            return nil
        }
        return magnitude <= UInt64(Int64.max) ? Int64(magnitude) : nil
    }

    /// The nearest `Double`, computed by the C-locale-independent standard
    /// library conversion of the original text.
    var doubleValue: Double {
        Double(text) ?? (isNegative ? -.infinity : .infinity)
    }

    /// Sign, digits and exponent of an `Int64`, normalised as above.
    static func parts(of value: Int64) -> (isNegative: Bool, digits: [UInt8], exponent: Int) {
        if value == 0 { return (false, [], 0) }
        var magnitude = value.magnitude
        var reversed: [UInt8] = []
        var exponent = 0
        while magnitude % 10 == 0 {
            magnitude /= 10
            exponent += 1
        }
        while magnitude > 0 {
            reversed.append(UInt8(magnitude % 10))
            magnitude /= 10
        }
        return (value < 0, reversed.reversed(), exponent)
    }
}
