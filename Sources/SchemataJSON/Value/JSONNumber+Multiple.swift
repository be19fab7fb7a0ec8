extension JSONNumber {
    /// Whether this number is an integer multiple of `divisor`, exactly (no
    /// binary floating point: `0.3` is a multiple of `0.1`, and `1e308` of
    /// `0.5`). A zero divisor gives `false`.
    public func isMultiple(of divisor: JSONNumber) -> Bool {
        if case .integer(let value) = storage, case .integer(let step) = divisor.storage, step != 0 {
            return step == -1 || value % step == 0
        }
        let x = decimalParts
        let m = divisor.decimalParts
        if m.digits.isEmpty { return false }
        if x.digits.isEmpty { return true }
        // x = X·10^a, m = M·10^b with X and M free of trailing zeros.
        // x/m = (X/M)·10^(a−b). For a < b the quotient is an integer only if
        // X·10^(a−b) is divisible by M — impossible unless M | X and the
        // power of ten is absorbed, which X (no trailing zeros) cannot do.
        let shift = x.exponent - m.exponent
        if shift < 0 { return false }
        // Need (X · 10^shift) mod M == 0.
        if m.digits.count <= 18 {
            var modulus: UInt64 = 0
            for digit in m.digits { modulus = modulus * 10 + UInt64(digit) }
            var remainder: UInt64 = 0
            for digit in x.digits { remainder = JSONNumber.mulMod(remainder, 10, modulus) &+ UInt64(digit) }
            remainder %= modulus
            let power = JSONNumber.powMod(10, UInt64(shift), modulus)
            return JSONNumber.mulMod(remainder, power, modulus) == 0
        }
        // A divisor with more than 18 significant digits: long division on
        // decimal digits, with the power of ten applied digit by digit
        // (bounded: beyond a million shifted digits, the remainders cycle
        // and the first million decide).
        var remainder: [UInt8] = []
        let steps = x.digits.count + min(shift, 1_000_000)
        for step in 0..<steps {
            let digit = step < x.digits.count ? x.digits[step] : 0
            remainder = JSONNumber.reduce(JSONNumber.appendDigit(remainder, digit), modulo: m.digits)
        }
        return remainder.allSatisfy { $0 == 0 }
    }

    static func mulMod(_ a: UInt64, _ b: UInt64, _ modulus: UInt64) -> UInt64 {
        let product = a.multipliedFullWidth(by: b)
        return modulus.dividingFullWidth((product.high % modulus, product.low)).remainder
    }

    static func powMod(_ base: UInt64, _ exponent: UInt64, _ modulus: UInt64) -> UInt64 {
        if modulus == 1 { return 0 }
        var result: UInt64 = 1
        var base = base % modulus
        var exponent = exponent
        while exponent > 0 {
            if exponent & 1 == 1 { result = mulMod(result, base, modulus) }
            base = mulMod(base, base, modulus)
            exponent >>= 1
        }
        return result
    }

    /// `value·10 + digit` for a decimal digit array (most significant first).
    static func appendDigit(_ value: [UInt8], _ digit: UInt8) -> [UInt8] {
        var result = value
        result.append(digit)
        while result.count > 1 && result[0] == 0 { result.removeFirst() }
        return result
    }

    /// `value mod modulus` for decimal digit arrays, where value < 10·modulus.
    static func reduce(_ value: [UInt8], modulo modulus: [UInt8]) -> [UInt8] {
        var value = value
        while compareDigits(value, modulus) >= 0 { value = subtractDigits(value, modulus) }
        return value
    }

    static func compareDigits(_ a: [UInt8], _ b: [UInt8]) -> Int {
        let x = a.drop { $0 == 0 }
        let y = b.drop { $0 == 0 }
        if x.count != y.count { return x.count < y.count ? -1 : 1 }
        for (p, q) in zip(x, y) where p != q { return p < q ? -1 : 1 }
        return 0
    }

    static func subtractDigits(_ a: [UInt8], _ b: [UInt8]) -> [UInt8] {
        var result = a
        var borrow = 0
        var i = result.count - 1
        var j = b.count - 1
        while i >= 0 {
            var digit = Int(result[i]) - borrow - (j >= 0 ? Int(b[j]) : 0)
            borrow = 0
            if digit < 0 {
                digit += 10
                borrow = 1
            }
            result[i] = UInt8(digit)
            i -= 1
            j -= 1
        }
        while result.count > 1 && result[0] == 0 { result.removeFirst() }
        return result
    }
}
