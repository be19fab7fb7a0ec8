/// RFC 3339 `date-time`, `full-date`, `full-time`, and the ISO 8601
/// durations of RFC 3339 appendix A.
enum DateTimeFormats {
    static func digits(_ bytes: ArraySlice<UInt8>) -> Int? {
        guard !bytes.isEmpty, bytes.allSatisfy(FormatChecker.isDigit) else { return nil }
        return bytes.reduce(0) { $0 * 10 + Int($1 - 48) }
    }

    static func isLeapYear(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    /// `YYYY-MM-DD` with a real day of that month.
    static func isDate(_ text: String) -> Bool {
        isDate(Array(text.utf8)[...])
    }

    static func isDate(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard bytes.count == 10 else { return false }
        let start = bytes.startIndex
        guard bytes[start + 4] == UInt8(ascii: "-"), bytes[start + 7] == UInt8(ascii: "-"),
            let year = digits(bytes[start..<start + 4]), let month = digits(bytes[start + 5..<start + 7]),
            let day = digits(bytes[start + 8..<start + 10])
        else { return false }
        let lengths = [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return (1...12).contains(month) && day >= 1 && day <= lengths[month - 1]
    }

    /// `HH:MM:SS[.frac](Z|±HH:MM)`, allowing a leap second at 23:59:60 UTC.
    static func isTime(_ text: String) -> Bool {
        isTime(Array(text.utf8)[...])
    }

    static func isTime(_ bytes: ArraySlice<UInt8>) -> Bool {
        var index = bytes.startIndex
        func two() -> Int? {
            guard index + 2 <= bytes.endIndex, let value = digits(bytes[index..<index + 2]) else { return nil }
            index += 2
            return value
        }
        func expect(_ byte: Character) -> Bool {
            guard index < bytes.endIndex, bytes[index] == byte.asciiValue! else { return false }
            index += 1
            return true
        }
        guard let hour = two(), expect(":"), let minute = two(), expect(":"), let second = two() else { return false }
        guard hour <= 23, minute <= 59, second <= 60 else { return false }
        if index < bytes.endIndex, bytes[index] == UInt8(ascii: ".") {
            index += 1
            let start = index
            while index < bytes.endIndex, FormatChecker.isDigit(bytes[index]) { index += 1 }
            if index == start { return false }
        }
        guard index < bytes.endIndex else { return false }
        var offsetMinutes = 0
        switch bytes[index] {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            index += 1
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            let sign = bytes[index] == UInt8(ascii: "+") ? 1 : -1
            index += 1
            guard let offsetHour = two(), expect(":"), let offsetMinute = two(), offsetHour <= 23, offsetMinute <= 59 else {
                return false
            }
            offsetMinutes = sign * (offsetHour * 60 + offsetMinute)
        default:
            return false
        }
        guard index == bytes.endIndex else { return false }
        if second == 60 {
            // A leap second happens at 23:59:60 UTC only.
            let utc = ((hour * 60 + minute - offsetMinutes) % 1440 + 1440) % 1440
            return utc == 23 * 60 + 59
        }
        return true
    }

    /// `full-date "T" full-time` (T and Z case-insensitive).
    static func isDateTime(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count > 11, bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: "t") else { return false }
        return isDate(bytes[0..<10]) && isTime(bytes[11...])
    }

    /// `P…` durations (RFC 3339 appendix A): `PnW`, or date units from
    /// Y/M/D and time units (after `T`) from H/M/S, where the units present
    /// are consecutive (`P1Y2D` and `PT1H2S` are not durations).
    static func isDuration(_ text: String) -> Bool {
        var bytes = Array(text.utf8)[...]
        guard bytes.popFirst() == UInt8(ascii: "P"), !bytes.isEmpty else { return false }
        if bytes.last == UInt8(ascii: "W") {
            return digits(bytes.dropLast()) != nil
        }
        var datePart = bytes
        var timePart: ArraySlice<UInt8>?
        if let t = bytes.firstIndex(of: UInt8(ascii: "T")) {
            datePart = bytes[..<t]
            timePart = bytes[(t + 1)...]
            if timePart!.isEmpty { return false }
        }
        guard units(datePart, order: Array("YMD".utf8)), timePart.map({ units($0, order: Array("HMS".utf8)) }) ?? true else {
            return false
        }
        return !datePart.isEmpty || timePart != nil
    }

    /// `n U n U …` where the units are a consecutive run of `order`.
    static func units(_ part: ArraySlice<UInt8>, order: [UInt8]) -> Bool {
        var rest = part
        var expected: Int?
        while !rest.isEmpty {
            let start = rest.startIndex
            while let byte = rest.first, FormatChecker.isDigit(byte) { rest.removeFirst() }
            if rest.startIndex == start { return false }
            guard let unit = rest.popFirst(), let position = order.firstIndex(of: unit) else { return false }
            if let expected, position != expected { return false }
            expected = position + 1
        }
        return true
    }
}
