import SchemataJSON

// Numbers, literals and bare words.
extension RepairScanner {
    /// A number, or — when what follows is not a number — the bare text.
    mutating func parseNumberOrText() -> JSONValue {
        let start = position
        while let c = current, RepairScanner.isDigit(c) || RepairScanner.numberPunctuation.contains(c) { position += 1 }
        // `12345",`: a stray closing quote after a number.
        if quoteLength(at: position) == 1, position > start, strayQuoteEnds(at: position) {
            let number = input[start..<position].allSatisfy { RepairScanner.isDigit($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".") }
            if number, let value = JSONNumber(utf8: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: input[start..<position]))) {
                edit(.removedGarbage, "dropped a stray quote after a number")
                position += 1
                return .number(value)
            }
        }
        if let c = current, !(RepairScanner.isSpace(c) || RepairScanner.afterNumber.contains(c)) {
            position = start
            return parseBareWord(terminators: RepairScanner.valueTerminators)
        }
        // The common case: the text is already a JSON number.
        let direct = JSONNumber(utf8: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: input[start..<position])))
        if let direct { return .number(direct) }
        let written = text(start..<position)
        let hasUnderscore = input[start..<position].contains(UInt8(ascii: "_"))
        var literal = hasUnderscore ? String(written.filter { $0 != "_" }) : written
        if literal.hasPrefix(".") { literal = "0" + literal }
        if literal.hasSuffix(".") { literal += "0" }
        while let last = literal.last, last == "e" || last == "E" || last == "-" || last == "+" { literal.removeLast() }
        if let number = JSONNumber(text: literal) {
            if literal != written { edit(.repairedNumber, "read \(written) as \(literal)", at: start) }
            return .number(number)
        }
        if literal.isEmpty || literal == "-" {
            readEmptyCutOff = true
            return .null
        }
        edit(.quotedValue, "kept \(literal) as a string", at: start)
        return .string(written)
    }

    /// An unquoted word: a literal (`true`, `True`, `None`, `NaN` …) or text
    /// up to a delimiter, kept as a string.
    /// In a member value (`inMemberValue`), brackets opened in the text
    /// are its own (`words{in brackets}`), and a closing quote later on the
    /// line, before the value's end, means only the opening one was lost
    /// (`ipsum, sic, datum.",`).
    mutating func parseBareWord(terminators: ByteSet, isKey: Bool = false, inMemberValue: Bool = false) -> JSONValue {
        let start = position
        if inMemberValue, let quote = closingQuoteOfUnopenedValue() {
            edit(.quotedValue, "added the missing opening quote", at: start)
            position = quote + 1
            return .string(text(start..<quote))
        }
        let stopsAtNewline = !terminators.contains(UInt8(ascii: ":"))
        var openBrackets = 0
        while let c = current, !terminators.contains(c) || openBrackets > 0, c != 0x0A || !stopsAtNewline {
            if position > start, quoteLength(at: position) > 0 { break }
            if inMemberValue, c == UInt8(ascii: "{") || c == UInt8(ascii: "[") { openBrackets += 1 }
            if openBrackets > 0, c == UInt8(ascii: "}") || c == UInt8(ascii: "]") { openBrackets -= 1 }
            position += 1
        }
        var end = position
        while end > start, RepairScanner.isSpace(input[end - 1]) { end -= 1 }
        if end > start, input[end - 1] == UInt8(ascii: "\"") { end -= 1 }
        // `abcdef",`: a value that lost its opening quote keeps its closing one.
        if !isKey, position > start, quoteLength(at: position) == 1, strayQuoteEnds(at: position) {
            edit(.quotedValue, "added the missing opening quote", at: start)
            position += 1
            return .string(text(start..<end))
        }
        if isKey { return .string(text(start..<end)) }
        // Literals are at most 9 bytes: longer words skip the comparisons.
        let word = text(start..<end)
        if end - start > 9 {
            edit(.quotedValue, "quoted {}", subject: word, at: start)
            return .string(word)
        }
        switch word {
        case "true": return .bool(true)
        case "false": return .bool(false)
        case "null": return .null
        case "True", "TRUE":
            edit(.replacedLiteral, "True → true", at: start)
            return .bool(true)
        case "False", "FALSE":
            edit(.replacedLiteral, "False → false", at: start)
            return .bool(false)
        case "None", "NULL", "Null", "undefined", "NaN", "Infinity", "-Infinity":
            edit(.replacedLiteral, "{} → null", subject: word, at: start)
            return .null
        default:
            if !word.isEmpty { edit(.quotedValue, "quoted {}", subject: word, at: start) }
            return .string(word)
        }
    }

    /// The closing quote of a member value that lost only its opening
    /// quote: the first `"` on the line, with no colon or bracket before it
    /// and the value's end (`,`, `}`, the end of the text) after it.
    func closingQuoteOfUnopenedValue() -> Int? {
        var index = position
        while index < limit {
            let c = input[index]
            if c == 0x0A || c == UInt8(ascii: ":") || c == UInt8(ascii: "{") || c == UInt8(ascii: "[") || c == UInt8(ascii: "}")
                || c == UInt8(ascii: "]") || c == UInt8(ascii: "'")
            {
                return nil
            }
            if c == UInt8(ascii: "\"") { break }
            index += 1
        }
        guard index < limit, index > position else { return nil }
        var look = index + 1
        while look < limit, RepairScanner.isSpace(input[look]) { look += 1 }
        guard look >= limit || input[look] == UInt8(ascii: ",") || input[look] == UInt8(ascii: "}") else { return nil }
        return index
    }
}
