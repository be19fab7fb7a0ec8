/// An exact JSON number.
///
/// A `JSONNumber` keeps the decimal value that was written, never a binary
/// approximation of it: `1e400`, `0.1` and `18446744073709551616` round-trip
/// to the same text, and compare exactly. Numbers that are written as plain
/// integers and fit in `Int64` take a fast path with no allocation.
///
/// Equality and ordering are by numeric value across spellings, so
/// `1 == 1.0 == 1e0 == 10e-1` and `-0 == 0`. ``isInteger`` follows JSON Schema:
/// `1.0` is an integer.
public struct JSONNumber: Sendable {
    @usableFromInline
    enum Storage: Sendable {
        /// A value written as a canonical integer literal (no sign on zero, no
        /// fraction or exponent) that fits in `Int64`.
        case integer(Int64)
        /// Any other literal of up to 32 characters (already validated),
        /// packed into two words: parsing such a number allocates nothing.
        case packed(PackedNumberLiteral)
        /// Longer literals, as their text (already validated). The
        /// normalised parts of a non-integer literal are computed when a
        /// comparison needs them.
        case decimal(String)
    }

    /// The storage of a validated literal that is not a canonical `Int64`.
    @inline(__always)
    static func nonIntegerStorage(_ bytes: UnsafeRawBufferPointer) -> Storage {
        if let packed = PackedNumberLiteral(bytes) { return .packed(packed) }
        return .decimal(String(decoding: bytes, as: UTF8.self))
    }

    @usableFromInline
    let storage: Storage

    @usableFromInline
    init(storage: Storage) {
        self.storage = storage
    }

    /// Creates a number from an integer.
    public init<I: BinaryInteger>(_ value: I) {
        if let small = Int64(exactly: value) {
            self.storage = .integer(small)
        } else {
            // Wider than Int64 (e.g. UInt64.max): keep the exact decimal text.
            self.storage = .decimal(String(value))
        }
    }

    /// Creates a number from a binary floating-point value, or `nil` when the
    /// value is not finite (JSON has no NaN or infinities).
    ///
    /// The text is the shortest that reads back as the same `Double`; an
    /// integral value in the exactly representable range becomes an integer.
    public init?(_ value: Double) {
        guard value.isFinite else { return nil }
        if value == value.rounded(), abs(value) < 9_007_199_254_740_992, let small = Int64(exactly: value) {
            self.storage = .integer(small)
            return
        }
        let text = value.description
        guard DecimalNumber(validLiteral: text) != nil else { return nil }
        self.storage = .decimal(text)
    }

    /// Creates a number from JSON number text (RFC 8259 grammar), or `nil` if
    /// the text is not a JSON number or its exponent is out of the supported
    /// range (magnitude above 10^15).
    public init?(text: String) {
        var text = text
        let parsed = text.withUTF8 { JSONNumber(literal: UnsafeRawBufferPointer($0)) }
        guard let parsed else { return nil }
        self = parsed
    }

    /// Creates a number from the UTF-8 bytes of JSON number text, or `nil`
    /// if they are not a JSON number (see ``init(text:)``).
    public init?(utf8 bytes: UnsafeRawBufferPointer) {
        self.init(literal: bytes)
    }

    /// Parses a number literal from raw bytes. Returns `nil` if the bytes are
    /// not a JSON number or the exponent is out of range.
    @usableFromInline
    init?(literal bytes: UnsafeRawBufferPointer) {
        if let small = NumberLiteral.canonicalInt64(bytes) {
            self.storage = .integer(small)
            return
        }
        guard DecimalNumber.isValidLiteral(bytes) else { return nil }
        self.storage = JSONNumber.nonIntegerStorage(bytes)
    }

    /// Wraps literal bytes already validated (by the parser, or as the text
    /// of a `JSONNumber`): no second grammar check.
    package init(validatedLiteral bytes: UnsafeRawBufferPointer) {
        if let small = NumberLiteral.canonicalInt64(bytes) {
            self.storage = .integer(small)
        } else {
            self.storage = JSONNumber.nonIntegerStorage(bytes)
        }
    }

    /// The normalised decimal form (computed on demand).
    var decimal: DecimalNumber? {
        switch storage {
        case .integer: return nil
        case .packed(let packed): return DecimalNumber(validLiteral: packed.text)
        case .decimal(let text): return DecimalNumber(validLiteral: text)
        }
    }
}

extension JSONNumber {
    /// The number as written (for parsed numbers) or its canonical text.
    public var text: String {
        switch storage {
        case .integer(let value): return String(value)
        case .packed(let packed): return packed.text
        case .decimal(let text): return text
        }
    }

    /// Whether the value is a whole number (JSON Schema's "integer": `1.0` and
    /// `1e2` count, `1.5` does not).
    public var isInteger: Bool {
        switch storage {
        case .integer: return true
        case .packed, .decimal: return decimal?.isInteger ?? false
        }
    }

    /// Whether the value is zero (either sign).
    public var isZero: Bool {
        switch storage {
        case .integer(let value): return value == 0
        case .packed, .decimal: return decimal?.digits.isEmpty ?? false
        }
    }

    /// Whether the value is below zero. `-0` is not negative.
    public var isNegative: Bool {
        switch storage {
        case .integer(let value): return value < 0
        case .packed, .decimal:
            guard let decimal else { return false }
            return decimal.isNegative && !decimal.digits.isEmpty
        }
    }

    /// The exact value as `Int64`, or `nil` if it is not an integer or does
    /// not fit (`1.0` gives 1; `1.5` and `1e19` give `nil`).
    public var int64Value: Int64? {
        switch storage {
        case .integer(let value): return value
        case .packed, .decimal: return decimal?.exactInt64
        }
    }

    /// The nearest `Double` (infinite when the magnitude is beyond `Double`'s
    /// range, e.g. `1e400`).
    public var doubleValue: Double {
        switch storage {
        case .integer(let value): return Double(value)
        case .packed, .decimal:
            let text = self.text
            return Double(text) ?? (text.hasPrefix("-") ? -.infinity : .infinity)
        }
    }

    /// The value as sign, significand digits and exponent: the value is
    /// `(negative ? -1 : 1) × digits × 10^exponent`, where `digits` has no
    /// leading or trailing zeros (and is empty for zero).
    public var decimalParts: (isNegative: Bool, digits: [UInt8], exponent: Int) {
        switch storage {
        case .integer(let value):
            let parts = DecimalNumber.parts(of: value)
            return (parts.isNegative, parts.digits, parts.exponent)
        case .packed, .decimal:
            guard let decimal else { return (false, [], 0) }
            return (decimal.isNegative && !decimal.digits.isEmpty, decimal.digits, decimal.exponent)
        }
    }
}

extension JSONNumber: CustomStringConvertible, CustomDebugStringConvertible {
    public var description: String { text }
    public var debugDescription: String { "JSONNumber(\(text))" }
}

extension JSONNumber: ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral {
    public init(integerLiteral value: Int64) {
        self.storage = .integer(value)
    }

    public init(floatLiteral value: Double) {
        self = JSONNumber(value) ?? JSONNumber(0)
    }
}
