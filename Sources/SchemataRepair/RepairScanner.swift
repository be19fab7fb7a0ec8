import SchemataJSON

/// The tolerant recursive-descent reader behind ``JSONRepairer``. Works on
/// Unicode scalars (typographic quotes are single scalars); recursion is
/// bounded by `maximumDepth`, and every loop consumes input, so hostile
/// input ends in bounded time.
struct RepairScanner {
    let input: [Unicode.Scalar]
    var position = 0
    var edits: [RepairEdit] = []
    let maximumDepth: Int
    var depth = 0
    /// Every top-level value found, in order, with whether it was complete
    /// (needed no closing of strings or containers).
    var topLevelValues: [(value: JSONValue, complete: Bool)] = []

    init(text: String, maximumDepth: Int) {
        input = Array(text.unicodeScalars)
        self.maximumDepth = maximumDepth
    }

    var atEnd: Bool { position >= input.count }
    var current: Unicode.Scalar? { atEnd ? nil : input[position] }

    mutating func edit(_ kind: RepairEdit.Kind, _ detail: String, at offset: Int? = nil) {
        edits.append(RepairEdit(offset: offset ?? position, kind: kind, detail: detail))
    }

    static func isQuote(_ scalar: Unicode.Scalar) -> Bool {
        "\"'“”‘’`".unicodeScalars.contains(scalar)
    }

    static func closingQuote(for opening: Unicode.Scalar) -> Set<Unicode.Scalar> {
        switch opening {
        case "“", "”": return ["”", "“"]
        case "‘", "’": return ["’", "‘"]
        default: return [opening]
        }
    }

    // MARK: Document

    mutating func repairDocument() -> JSONRepairer.Repair {
        // Prefer the contents of ```json fences when there are any.
        let text = String(String.UnicodeScalarView(input))
        if text.contains("```") {
            var values: [JSONValue] = []
            let parts = text.split(separator: "```", omittingEmptySubsequences: false).map(String.init)
            var base = 0
            var innerEdits: [RepairEdit] = []
            for (index, part) in parts.enumerated() {
                defer { base += part.unicodeScalars.count + 3 }
                guard index % 2 == 1 else { continue }
                var body = Substring(part)
                var skipped = 0
                if body.hasPrefix("json") {
                    body = body.dropFirst(4)
                    skipped = 4
                }
                var inner = RepairScanner(text: String(body), maximumDepth: maximumDepth)
                if let value = inner.parseTopLevelValues() { values.append(value) }
                topLevelValues += inner.topLevelValues
                innerEdits += inner.edits.map { edit in
                    var shifted = edit
                    shifted.offset += base + skipped
                    return shifted
                }
            }
            if !values.isEmpty {
                edit(.extractedFromText, "took the JSON inside ``` fences", at: 0)
                edits += innerEdits
                if values.count > 1 {
                    edit(.choseValue, "\(values.count) fenced JSON values: kept the first", at: 0)
                }
                return JSONRepairer.Repair(value: values[0], edits: edits, candidates: topLevelValues.map(\.value))
            }
        }
        let value = parseTopLevelValues()
        return JSONRepairer.Repair(value: value, edits: edits, candidates: topLevelValues.map(\.value))
    }

    /// The value of the text (prose around it skipped). Of several values,
    /// the first complete non-empty one is kept (all are in
    /// ``topLevelValues``, for a caller that can choose by schema).
    mutating func parseTopLevelValues() -> JSONValue? {
        var values: [JSONValue] = []
        let start = position
        while !atEnd {
            guard let next = input[position...].firstIndex(where: { $0 == "{" || $0 == "[" }) else { break }
            if next > position && values.isEmpty && position == start
                && input[position..<next].contains(where: { !$0.properties.isWhitespace })
            {
                edit(.extractedFromText, "skipped text before the JSON", at: position)
            }
            position = next
            let editsBefore = edits.count
            let value = parseValue()
            values.append(value)
            let closed = edits[editsBefore...].contains { [.closedString, .closedContainer, .droppedDanglingKey].contains($0.kind) }
            topLevelValues.append((value, !closed))
            skipWhitespaceAndComments()
            if let c = current, c == "," { position += 1 }
        }
        if values.isEmpty {
            // No container: perhaps a lone scalar ("1", "true", a tuple).
            position = start
            skipWhitespaceAndComments()
            let rest = String(String.UnicodeScalarView(input[position...])).trimmingWhitespaceAtEnd()
            let literals: Set<String> = ["true", "false", "null", "True", "False", "None"]
            guard let c = current, c == "(" || c == "-" || c == "." || c == "\"" || c == "'" || (c.properties.numericType != nil)
                || literals.contains(rest)
            else { return nil }
            let value = parseValue()
            skipWhitespaceAndComments()
            if !atEnd { return nil }
            topLevelValues = [(value, true)]
            return value
        }
        let nonEmpty = values.filter { value in
            switch value {
            case .array(let a): return !a.isEmpty
            case .object(let o): return !o.isEmpty
            default: return true
            }
        }
        if values.count == 1 { return values[0] }
        if nonEmpty.isEmpty { return values[0] }
        if nonEmpty.count == 1 { return nonEmpty[0] }
        let chosen = topLevelValues.firstIndex { $0.complete && nonEmpty.contains($0.value) }
            ?? topLevelValues.firstIndex { nonEmpty.contains($0.value) }!
        edit(.choseValue, "\(values.count) JSON values in the text: kept value \(chosen + 1), the first complete one", at: 0)
        return topLevelValues[chosen].value
    }

    mutating func skipWhitespaceAndComments() {
        while let c = current {
            if c.properties.isWhitespace {
                position += 1
            } else if c == "/", position + 1 < input.count, input[position + 1] == "/" {
                edit(.removedComment, "removed a // comment")
                while let d = current, d != "\n" { position += 1 }
            } else if c == "/", position + 1 < input.count, input[position + 1] == "*" {
                edit(.removedComment, "removed a /* */ comment")
                position += 2
                while !atEnd, !(input[position] == "*" && position + 1 < input.count && input[position + 1] == "/") { position += 1 }
                position = min(input.count, position + 2)
            } else if c == "#" {
                edit(.removedComment, "removed a # comment")
                while let d = current, d != "\n" { position += 1 }
            } else {
                return
            }
        }
    }

    // MARK: Values

    mutating func parseValue() -> JSONValue {
        skipWhitespaceAndComments()
        guard let c = current else { return .null }
        if depth >= maximumDepth {
            edit(.removedGarbage, "nesting deeper than \(maximumDepth) levels cut off")
            position = input.count
            return .null
        }
        switch c {
        case "{": return parseObject()
        case "[": return parseArray(closing: "]")
        case "(":
            edit(.convertedTuple, "a ( … ) tuple became an array")
            let value = parseArray(closing: ")")
            if case .array(let elements) = value, elements.count == 1, !tupleHadComma { return elements[0] }
            return value
        default:
            if RepairScanner.isQuote(c) { return .string(parseString(terminators: [",", "}", "]", ":"])) }
            if c == "-" || c == "." || c.properties.numericType != nil { return parseNumberOrText() }
            return parseBareWord(terminators: [",", "}", "]"])
        }
    }

    var tupleHadComma = false

    mutating func parseObject() -> JSONValue {
        let open = position
        position += 1
        depth += 1
        defer { depth -= 1 }
        var object = JSONObject()
        var afterMember = false
        while true {
            skipWhitespaceAndComments()
            guard let c = current else {
                edit(.closedContainer, "added the missing }", at: open)
                return .object(object)
            }
            if c == "}" {
                position += 1
                return .object(object)
            }
            if c == "," {
                if !afterMember { edit(.removedComma, "removed an extra comma") }
                position += 1
                if afterMember { reportTrailingComma(before: "}", at: position - 1) }
                afterMember = false
                continue
            }
            afterMember = true
            if c == "]" {
                // A ] where a } belongs: treat as the end of the object.
                edit(.closedContainer, "replaced ] with }")
                position += 1
                return .object(object)
            }
            if c == "[" || c == "{" {
                // A value where a key belongs: merge arrays into the last member.
                let value = parseValue()
                if let last = object.keys.last, case .array(var existing)? = object[last], case .array(let more) = value {
                    existing.append(contentsOf: more)
                    object[last] = .array(existing)
                } else if case .array(let more) = value, let first = more.first?.stringValue {
                    object[first] = ""
                }
                continue
            }
            let keyStart = position
            let key: String
            if RepairScanner.isQuote(c) {
                key = parseString(terminators: [":"])
            } else {
                key = parseBareWord(terminators: [":", ",", "}"]).stringValue ?? ""
                if key.isEmpty {
                    position += 1
                    continue
                }
                edit(.quotedKey, "quoted the key \(key)", at: keyStart)
            }
            skipWhitespaceAndComments()
            guard let next = current else {
                edit(.droppedDanglingKey, "dropped the key \(JSONSerializer.quoted(key)), which had no value", at: keyStart)
                edit(.closedContainer, "added the missing }", at: open)
                return .object(object)
            }
            if next == ":" {
                position += 1
            } else if next == "}" || next == "," {
                if next == "," {
                    // {"key", value} — take what follows as the value.
                    position += 1
                    edit(.insertedColon, "read the comma after \(JSONSerializer.quoted(key)) as a colon")
                    let rest = parseBareWord(terminators: ["}"])
                    object[key] = rest
                    continue
                }
                edit(.filledMissingValue, "gave \(JSONSerializer.quoted(key)) an empty string")
                object[key] = ""
                continue
            } else {
                edit(.insertedColon, "inserted a missing colon after \(JSONSerializer.quoted(key))")
            }
            skipWhitespaceAndComments()
            guard let valueStart = current else {
                edit(.droppedDanglingKey, "dropped the key \(JSONSerializer.quoted(key)), which had no value", at: keyStart)
                return .object(object)
            }
            if valueStart == "," || valueStart == "}" {
                edit(.filledMissingValue, "gave \(JSONSerializer.quoted(key)) an empty string")
                object[key] = ""
                continue
            }
            object[key] = parseValue()
            skipWhitespaceAndComments()
            if let after = current, after != ",", after != "}", !atEnd {
                if RepairScanner.isQuote(after) || after.properties.isAlphabetic {
                    edit(.insertedComma, "inserted a missing comma")
                } else {
                    edit(.removedGarbage, "skipped \(after)")
                    position += 1
                }
            }
        }
    }

    /// Reports the comma just consumed when only the container's end follows it.
    mutating func reportTrailingComma(before closing: Unicode.Scalar, at offset: Int) {
        let saved = (position, edits.count)
        skipWhitespaceAndComments()
        let next = current
        (position, _) = saved
        edits.removeSubrange(saved.1...)
        if next == nil || next == closing || next == "}" || next == "]" {
            edit(.removedComma, "removed a trailing comma", at: offset)
        }
    }

    mutating func parseArray(closing: Unicode.Scalar) -> JSONValue {
        let open = position
        position += 1
        depth += 1
        defer { depth -= 1 }
        var elements: [JSONValue] = []
        var sawComma = false
        var afterElement = false
        while true {
            skipWhitespaceAndComments()
            guard let c = current else {
                edit(.closedContainer, "added the missing \(closing)", at: open)
                tupleHadComma = sawComma
                return .array(elements)
            }
            if c == closing || c == "]" || c == ")" {
                position += 1
                tupleHadComma = sawComma
                return .array(elements)
            }
            if c == "}" {
                edit(.closedContainer, "replaced } with \(closing)")
                position += 1
                tupleHadComma = sawComma
                return .array(elements)
            }
            if c == "," {
                if !afterElement { edit(.removedComma, "removed an extra comma") }
                sawComma = true
                position += 1
                if afterElement { reportTrailingComma(before: closing, at: position - 1) }
                afterElement = false
                continue
            }
            afterElement = true
            if c == ".", input[position...].starts(with: "...".unicodeScalars) {
                edit(.removedGarbage, "removed an ellipsis")
                position += 3
                continue
            }
            let value = c == "\"" || c == "'" ? .string(parseString(terminators: [",", "]", ":", "\"", "'"])) : parseValue()
            skipWhitespaceAndComments()
            if let next = current, next == ":" , case .string(let key) = value {
                // ["key": "value"] — an object written with brackets.
                position += 1
                let inner = parseValue()
                edit(.closedContainer, "read [\"key\": value] as an object")
                elements.append(.object([key: inner]))
                continue
            }
            elements.append(value)
            if let next = current, next != ",", next != closing, next != "]", next != ")", next != "}" {
                edit(.insertedComma, "inserted a missing comma")
            }
        }
    }

    // MARK: Scalars

    /// A string opened by any quote; a quote inside it counts as closing
    /// only when what follows is a delimiter (or the end).
    mutating func parseString(terminators: Set<Unicode.Scalar>) -> String {
        let open = position
        let opening = input[position]
        if opening != "\"" { edit(.changedQuotes, "replaced \(opening) quotes with \"", at: open) }
        let closers = RepairScanner.closingQuote(for: opening)
        position += 1
        var text = String.UnicodeScalarView()
        while let c = current {
            if c == "\\" {
                guard position + 1 < input.count else {
                    position += 1
                    break
                }
                let escaped = input[position + 1]
                position += 2
                switch escaped {
                case "n": text.append("\n")
                case "t": text.append("\t")
                case "r": text.append("\r")
                case "b": text.append("\u{8}")
                case "f": text.append("\u{C}")
                case "u":
                    let hex = String(String.UnicodeScalarView(input[position..<min(input.count, position + 4)]))
                    if hex.count == 4, let value = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(value) {
                        text.append(scalar)
                        position += 4
                    } else {
                        text.append("u")
                    }
                default: text.append(escaped)
                }
                continue
            }
            if closers.contains(c) {
                // Closing only if a delimiter (or the end) follows.
                var look = position + 1
                while look < input.count, input[look] == " " || input[look] == "\t" { look += 1 }
                let commentFollows = input[look...].starts(with: "//".unicodeScalars) || input[look...].starts(with: "/*".unicodeScalars)
                if look >= input.count || terminators.contains(input[look]) || "}],\n#".unicodeScalars.contains(input[look]) || commentFollows {
                    position += 1
                    return String(text)
                }
                edit(.escapedCharacter, "escaped a quote inside a string")
                text.append(c)
                position += 1
                continue
            }
            if c == "\n" && opening != "\"" {
                break
            }
            text.append(c)
            position += 1
        }
        edit(.closedString, "closed an unterminated string", at: open)
        return String(text)
    }

    /// A number, or — when what follows is not a number — the bare text.
    mutating func parseNumberOrText() -> JSONValue {
        let start = position
        while let c = current, c.properties.numericType != nil || "+-.eE_".unicodeScalars.contains(c) { position += 1 }
        if let c = current, !(c.properties.isWhitespace || ",}])".unicodeScalars.contains(c)) {
            position = start
            return parseBareWord(terminators: [",", "}", "]"])
        }
        var literal = String(String.UnicodeScalarView(input[start..<position])).replacingUnderscores()
        if literal.hasPrefix(".") { literal = "0" + literal }
        if literal.hasSuffix(".") { literal += "0" }
        while let last = literal.last, last == "e" || last == "E" || last == "-" || last == "+" { literal.removeLast() }
        if let number = JSONNumber(text: literal) {
            if literal != String(String.UnicodeScalarView(input[start..<position])) {
                edit(.repairedNumber, "read \(String(String.UnicodeScalarView(input[start..<position]))) as \(literal)", at: start)
            }
            return .number(number)
        }
        if literal.isEmpty || literal == "-" {
            return .null
        }
        edit(.quotedValue, "kept \(literal) as a string", at: start)
        return .string(String(String.UnicodeScalarView(input[start..<position])))
    }

    /// An unquoted word: a literal (`true`, `True`, `None`, `NaN` …) or text
    /// up to a delimiter, kept as a string.
    mutating func parseBareWord(terminators: Set<Unicode.Scalar>) -> JSONValue {
        let start = position
        while let c = current, !terminators.contains(c), c != "\n" || terminators.contains(":") {
            if RepairScanner.isQuote(c) && position > start { break }
            position += 1
        }
        var word = String(String.UnicodeScalarView(input[start..<position]))
        while let last = word.last, last.isWhitespace { word.removeLast() }
        if word.hasSuffix("\"") { word.removeLast() }
        switch word {
        case "true", "false", "null": return word == "null" ? .null : .bool(word == "true")
        case "True", "TRUE": edit(.replacedLiteral, "True → true", at: start); return .bool(true)
        case "False", "FALSE": edit(.replacedLiteral, "False → false", at: start); return .bool(false)
        case "None", "NULL", "undefined", "NaN", "Infinity", "-Infinity":
            edit(.replacedLiteral, "\(word) → null", at: start)
            return .null
        default:
            if !word.isEmpty { edit(.quotedValue, "quoted \(word)", at: start) }
            return .string(word)
        }
    }
}

extension String {
    func replacingUnderscores() -> String { String(filter { $0 != "_" }) }

    func trimmingWhitespaceAtEnd() -> String {
        var text = self
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return text
    }
}
