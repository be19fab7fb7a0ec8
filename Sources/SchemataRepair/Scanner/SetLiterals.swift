import SchemataJSON

// Python set literals: `{'a', 'b'}` and `{1, 2}` become arrays.
extension RepairScanner {
    /// `{'a', 'b'}` — a Python set literal (strings and commas, no colon)
    /// becomes an array; `nil` (and nothing consumed) for anything else.
    mutating func parseSetLiteral(open: Int) -> JSONValue? {
        var look = position
        var elements: [JSONValue] = []
        while true {
            while look < limit, RepairScanner.isSpace(input[look]) { look += 1 }
            let quote = quoteLength(at: look)
            guard quote == 1 else { return nil }
            let delimiter = input[look]
            var end = look + 1
            while end < limit, input[end] != delimiter, input[end] != 0x0A { end += 1 }
            guard end < limit, input[end] == delimiter else { return nil }
            elements.append(.string(text(look + 1..<end)))
            look = end + 1
            while look < limit, RepairScanner.isSpace(input[look]) { look += 1 }
            guard look < limit else { return nil }
            if input[look] == UInt8(ascii: "}") {
                position = look + 1
                edit(.convertedTuple, "a {…} set of strings became an array", at: open)
                return .array(elements)
            }
            guard input[look] == UInt8(ascii: ",") else { return nil }
            look += 1
            // `{"key", value}` (a value that is not a quoted string) is not a set.
            while look < limit, RepairScanner.isSpace(input[look]) { look += 1 }
            guard quoteLength(at: look) == 1 else { return nil }
        }
    }

    /// `{1, 2}` or `{5}` — a set of numbers (never an object: a number
    /// cannot be a key) becomes an array; `nil` for anything else.
    mutating func parseNumberSet(open: Int) -> JSONValue? {
        var look = position
        var elements: [JSONValue] = []
        while true {
            while look < limit, RepairScanner.isSpace(input[look]) { look += 1 }
            let start = look
            while look < limit, RepairScanner.isDigit(input[look]) || RepairScanner.numberPunctuation.contains(input[look]) { look += 1 }
            guard look > start,
                let number = JSONNumber(utf8: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: input[start..<look])))
            else { return nil }
            elements.append(.number(number))
            while look < limit, RepairScanner.isSpace(input[look]) { look += 1 }
            guard look < limit else { return nil }
            if input[look] == UInt8(ascii: "}") {
                position = look + 1
                edit(.convertedTuple, "a {…} set of numbers became an array", at: open)
                return .array(elements)
            }
            guard input[look] == UInt8(ascii: ",") else { return nil }
            look += 1
        }
    }
}
