extension JSONNumber: Equatable, Comparable, Hashable {
    @inlinable
    public static func == (lhs: JSONNumber, rhs: JSONNumber) -> Bool {
        if case .integer(let a) = lhs.storage, case .integer(let b) = rhs.storage {
            return a == b
        }
        return compare(lhs, rhs) == 0
    }

    @inlinable
    public static func < (lhs: JSONNumber, rhs: JSONNumber) -> Bool {
        if case .integer(let a) = lhs.storage, case .integer(let b) = rhs.storage {
            return a < b
        }
        return compare(lhs, rhs) < 0
    }

    public func hash(into hasher: inout Hasher) {
        // Equal values must hash alike whatever their spelling: integers that
        // fit Int64 hash as Int64, everything else by its normalised parts.
        if let small = int64Value {
            hasher.combine(small)
            return
        }
        let parts = decimalParts
        hasher.combine(parts.isNegative)
        hasher.combine(parts.digits)
        hasher.combine(parts.exponent)
    }

    /// Exact three-way comparison: negative, zero or positive as `lhs` is
    /// below, equal to or above `rhs`.
    @usableFromInline
    static func compare(_ lhs: JSONNumber, _ rhs: JSONNumber) -> Int {
        let a = lhs.decimalParts
        let b = rhs.decimalParts
        let aZero = a.digits.isEmpty
        let bZero = b.digits.isEmpty
        if aZero && bZero { return 0 }
        let aSign = aZero ? 0 : (a.isNegative ? -1 : 1)
        let bSign = bZero ? 0 : (b.isNegative ? -1 : 1)
        if aSign != bSign { return aSign < bSign ? -1 : 1 }
        let magnitude = compareMagnitude(a.digits, a.exponent, b.digits, b.exponent)
        return aSign < 0 ? -magnitude : magnitude
    }

    /// Compares `|x| = xd × 10^xe` and `|y| = yd × 10^ye` for non-zero,
    /// normalised operands.
    static func compareMagnitude(_ xd: [UInt8], _ xe: Int, _ yd: [UInt8], _ ye: Int) -> Int {
        // Position of the most significant digit decides first.
        let xTop = xd.count + xe
        let yTop = yd.count + ye
        if xTop != yTop { return xTop < yTop ? -1 : 1 }
        let common = min(xd.count, yd.count)
        for index in 0..<common where xd[index] != yd[index] {
            return xd[index] < yd[index] ? -1 : 1
        }
        // Same leading digits; trailing zeros are stripped, so the longer one
        // has a non-zero digit further down and is larger.
        if xd.count == yd.count { return 0 }
        return xd.count < yd.count ? -1 : 1
    }
}
