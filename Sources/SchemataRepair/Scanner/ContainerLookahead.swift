import SchemataJSON

// Look-ahead that decides damaged structure: rows that lost their `[`,
// fenced JSON inside a string.
extension RepairScanner {
    /// The JSON in a string that is one ```json … ``` block (a model that
    /// wrapped a nested value in fences), when it parses as JSON.
    func fencedJSON(in text: String) -> JSONValue? {
        guard text.utf8.first == UInt8(ascii: "`"), text.utf8.count > 10, text.hasPrefix("```json"), text.hasSuffix("```") else { return nil }
        let body = text.utf8.dropFirst(7).dropLast(3)
        return Array(body).withUnsafeBytes { JSONParser().parseIfValid($0) }
    }

    /// Whether the scalars from here on end in a `]` followed by `, [`,
    /// and a `]` later closes more than was opened after it and is followed
    /// by the closer of the container around this array: in an array of
    /// arrays, a row that lost its `[`. The look-ahead spends
    /// ``lookaheadBudget``; once it is spent the answer is no.
    mutating func lostOpeningBracket() -> Bool {
        var index = position
        defer { lookaheadBudget -= index - position }
        while index < limit, lookaheadBudget > index - position {
            let c = input[index]
            if c == UInt8(ascii: "[") || c == UInt8(ascii: "{") || c == UInt8(ascii: "}") || c == UInt8(ascii: ":") { return false }
            if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
                index = endOfQuoted(from: index)
            } else if c == UInt8(ascii: "]") {
                index += 1
                while index < limit, RepairScanner.isSpace(input[index]) { index += 1 }
                guard index < limit, input[index] == UInt8(ascii: ",") else { return false }
                index += 1
                while index < limit, RepairScanner.isSpace(input[index]) { index += 1 }
                guard index < limit, input[index] == UInt8(ascii: "[") else { return false }
                guard let extra = unopenedCloser(from: &index, budget: lookaheadBudget) else { return false }
                // The container around this array must end right after that `]`
                // (the text, when this array is the outermost).
                var after = extra + 1
                while after < limit, RepairScanner.isSpace(input[after]) { after += 1 }
                if openClosers.count < 2 { return after >= limit }
                return after < limit && input[after] == openClosers[openClosers.count - 2]
            }
            index += 1
        }
        return false
    }

    /// The index after the quoted text that starts at `index` (to its
    /// closing quote, backslash escapes skipped).
    func endOfQuoted(from index: Int) -> Int {
        let quote = input[index]
        var end = index + 1
        while end < limit, input[end] != quote {
            if input[end] == UInt8(ascii: "\\") { end += 1 }
            end += 1
        }
        return end
    }

    /// From `index` on, the `]` that closes more than was opened after
    /// `index` (before a `}` at the same level, the end, or `budget` bytes);
    /// `index` is left where the scan stopped.
    func unopenedCloser(from index: inout Int, budget: Int) -> Int? {
        let start = index
        var depth = 0
        while index < limit, index - start < budget {
            let c = input[index]
            switch c {
            case UInt8(ascii: "\""), UInt8(ascii: "'"): index = endOfQuoted(from: index)
            case UInt8(ascii: "["), UInt8(ascii: "{"): depth += 1
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                if depth == 0 { return c == UInt8(ascii: "]") ? index : nil }
                depth -= 1
            default: break
            }
            index += 1
        }
        return nil
    }
}
