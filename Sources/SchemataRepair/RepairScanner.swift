import SchemataJSON

/// The tolerant recursive-descent reader behind ``JSONRepairer``.
///
/// Works on the UTF-8 bytes of the text: delimiters are ASCII, typographic
/// quotes are recognised as their three-byte sequences, and text is copied
/// out in runs (one `String` per string value), so a damaged document is
/// read at memory speed. Recursion is bounded by `maximumDepth`, and every
/// loop consumes input, so hostile input ends in bounded time.
struct RepairScanner {
    /// The text's bytes (borrowed for the duration of the repair).
    let input: UnsafeBufferPointer<UInt8>
    var position = 0
    /// Where reading stops: the end of the input, or of a ``` fence.
    var limit: Int
    var edits: [RepairEdit] = []
    let maximumDepth: Int
    var depth = 0
    /// Every top-level value found, in order, with whether it was complete
    /// (needed no closing of strings or containers).
    var topLevelValues: [(value: JSONValue, complete: Bool)] = []
    /// Whether the last array read as a `( … )` tuple had a comma.
    var tupleHadComma = false
    /// Whether the value being read is an object member's value (a quote
    /// followed by `key:` then ends the string: a comma was left out).
    var readingMemberValue = false

    init(bytes: UnsafeBufferPointer<UInt8>, maximumDepth: Int) {
        input = bytes
        limit = bytes.count
        self.maximumDepth = maximumDepth
    }

    var atEnd: Bool { position >= limit }
    var current: UInt8? { position < limit ? input[position] : nil }

    func byte(at index: Int) -> UInt8? { index < limit ? input[index] : nil }

    mutating func edit(_ kind: RepairEdit.Kind, _ detail: String, at offset: Int? = nil) {
        edits.append(RepairEdit(offset: offset ?? position, kind: kind, detail: detail))
    }

    /// An edit whose wording names `subject` where `template` says `{}`.
    mutating func edit(_ kind: RepairEdit.Kind, _ template: String, subject: String, at offset: Int? = nil) {
        edits.append(RepairEdit(offset: offset ?? position, kind: kind, template: template, subject: subject))
    }

    func text(_ range: Range<Int>) -> String {
        String(decoding: input[range], as: UTF8.self)
    }

    // MARK: Character classes

    static let afterClosingQuote = ByteSet("}],\n#")
    static let numberPunctuation = ByteSet("+-.eE_")
    static let afterNumber = ByteSet(",}])")
    static let valueTerminators = ByteSet(",}]")

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 || byte == 0x0B || byte == 0x0C
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// ASCII letters, and any non-ASCII character (which starts words in prose).
    static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A || byte >= 0x80 }

    /// The length of the quote character at `index` (`"`, `'`, `` ` ``, or
    /// a typographic quote as three bytes), or 0.
    func quoteLength(at index: Int) -> Int {
        guard index < limit else { return 0 }
        switch input[index] {
        case 0x22, 0x27, 0x60: return 1
        case 0xE2:
            guard index + 2 < limit, input[index + 1] == 0x80 else { return 0 }
            switch input[index + 2] {
            case 0x98, 0x99, 0x9C, 0x9D: return 3
            default: return 0
            }
        default: return 0
        }
    }

    /// Whether a quote starting at `index` closes a string opened by the
    /// quote at `open` (typographic quotes close with either of their pair).
    func closes(_ index: Int, opener open: Int, openerLength: Int) -> Int {
        let length = quoteLength(at: index)
        guard length > 0 else { return 0 }
        if openerLength == 1 { return length == 1 && input[index] == input[open] ? 1 : 0 }
        guard length == 3 else { return 0 }
        let a = input[open + 2]
        let b = input[index + 2]
        let double: Set<UInt8> = [0x9C, 0x9D]
        return double.contains(a) == double.contains(b) ? 3 : 0
    }

    func starts(with literal: StaticString, at index: Int) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard index + count <= limit else { return false }
        return literal.withUTF8Buffer { buffer in
            for offset in 0..<count where input[index + offset] != buffer[offset] { return false }
            return true
        }
    }

    // MARK: Document

    mutating func repairDocument() -> JSONRepairer.Repair {
        // Prefer the contents of ``` fences when there are any.
        let fences = fenceRanges()
        if !fences.isEmpty {
            var values: [JSONValue] = []
            let fencesEdit = edits.count
            edit(.extractedFromText, "took the JSON inside ``` fences", at: 0)
            for range in fences {
                var start = range.lowerBound
                if starts(with: "json", at: start) { start += 4 }
                position = start
                limit = range.upperBound
                if let value = parseTopLevelValues(from: start) { values.append(value) }
            }
            limit = input.count
            if values.isEmpty { edits.removeSubrange(fencesEdit...) }
            if !values.isEmpty {
                if values.count > 1 {
                    edit(.choseValue, "\(values.count) fenced JSON values: kept the first", at: 0)
                }
                return JSONRepairer.Repair(value: values[0], edits: edits, candidates: topLevelValues.map(\.value))
            }
        }
        position = 0
        topLevelValues = []
        let value = parseTopLevelValues(from: 0)
        return JSONRepairer.Repair(value: value, edits: edits, candidates: topLevelValues.map(\.value))
    }

    /// The byte ranges between pairs of ``` (an unclosed last fence runs to the end).
    func fenceRanges() -> [Range<Int>] {
        var marks: [Int] = []
        var index = 0
        while let found = input[index..<limit].firstIndex(of: 0x60) {
            if found + 2 < limit, input[found + 1] == 0x60, input[found + 2] == 0x60 {
                marks.append(found)
                index = found + 3
            } else {
                index = found + 1
            }
        }
        var ranges: [Range<Int>] = []
        var pair = 0
        while pair < marks.count {
            let start = marks[pair] + 3
            let end = pair + 1 < marks.count ? marks[pair + 1] : limit
            ranges.append(start..<end)
            pair += 2
        }
        return ranges
    }

    /// The value of the text (prose around it skipped). Of several values,
    /// the first complete non-empty one is kept (all are in
    /// ``topLevelValues``, for a caller that can choose by schema).
    mutating func parseTopLevelValues(from start: Int) -> JSONValue? {
        var values: [JSONValue] = []
        let firstValue = topLevelValues.count
        while !atEnd {
            var next = position
            while next < limit, input[next] != 0x7B, input[next] != 0x5B { next += 1 }
            guard next < limit else { break }
            if next > position && values.isEmpty && position == start
                && input[position..<next].contains(where: { !RepairScanner.isSpace($0) })
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
            if current == UInt8(ascii: ",") { position += 1 }
        }
        if values.isEmpty {
            // No container: perhaps a lone scalar ("1", "true", a tuple).
            position = start
            skipWhitespaceAndComments()
            var end = limit
            while end > position, RepairScanner.isSpace(input[end - 1]) { end -= 1 }
            let rest = text(position..<max(position, end))
            let literals: Set<String> = ["true", "false", "null", "True", "False", "None"]
            guard let c = current,
                c == UInt8(ascii: "(") || c == UInt8(ascii: "-") || c == UInt8(ascii: ".") || c == UInt8(ascii: "\"")
                    || c == UInt8(ascii: "'") || RepairScanner.isDigit(c) || literals.contains(rest)
            else { return nil }
            let value = parseValue()
            skipWhitespaceAndComments()
            if !atEnd { return nil }
            topLevelValues.append((value, true))
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
        let found = topLevelValues[firstValue...]
        let chosen = found.firstIndex { $0.complete && nonEmpty.contains($0.value) } ?? found.firstIndex { nonEmpty.contains($0.value) }!
        edit(.choseValue, "\(values.count) JSON values in the text: kept value \(chosen - firstValue + 1), the first complete one", at: 0)
        return topLevelValues[chosen].value
    }

    mutating func skipWhitespaceAndComments() {
        while position < limit {
            let c = input[position]
            if c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 {
                position += 1
                continue
            }
            // Everything that is neither a comment start nor other whitespace ends the run.
            if c != UInt8(ascii: "/") && c != UInt8(ascii: "#") && c != 0x0B && c != 0x0C { return }
            if c == 0x0B || c == 0x0C {
                position += 1
            } else if c == UInt8(ascii: "/"), byte(at: position + 1) == UInt8(ascii: "/") {
                edit(.removedComment, "removed a // comment")
                while let d = current, d != 0x0A { position += 1 }
            } else if c == UInt8(ascii: "/"), byte(at: position + 1) == UInt8(ascii: "*") {
                edit(.removedComment, "removed a /* */ comment")
                position += 2
                while !atEnd, !(input[position] == UInt8(ascii: "*") && byte(at: position + 1) == UInt8(ascii: "/")) { position += 1 }
                position = min(limit, position + 2)
            } else if c == UInt8(ascii: "#") {
                edit(.removedComment, "removed a # comment")
                while let d = current, d != 0x0A { position += 1 }
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
            position = limit
            return .null
        }
        if c == UInt8(ascii: "{") || c == UInt8(ascii: "[") || c == UInt8(ascii: "(") { readingMemberValue = false }
        switch c {
        case UInt8(ascii: "{"): return parseObject()
        case UInt8(ascii: "["): return parseArray(closing: UInt8(ascii: "]"))
        case UInt8(ascii: "("):
            edit(.convertedTuple, "a ( … ) tuple became an array")
            let value = parseArray(closing: UInt8(ascii: ")"))
            if case .array(let elements) = value, elements.count == 1, !tupleHadComma { return elements[0] }
            return value
        default:
            if quoteLength(at: position) > 0 {
                let beforeKey = readingMemberValue
                readingMemberValue = false
                return .string(parseString(terminators: ByteSet(",}]:"), closesBeforeKey: beforeKey))
            }
            readingMemberValue = false
            if c == UInt8(ascii: "-") || c == UInt8(ascii: ".") || RepairScanner.isDigit(c) { return parseNumberOrText() }
            return parseBareWord(terminators: RepairScanner.valueTerminators)
        }
    }

    /// Reports the comma just consumed when only the container's end follows it.
    mutating func reportTrailingComma(before closing: UInt8, at offset: Int) {
        let saved = (position, edits.count)
        skipWhitespaceAndComments()
        let next = current
        position = saved.0
        edits.removeSubrange(saved.1...)
        if next == nil || next == closing || next == UInt8(ascii: "}") || next == UInt8(ascii: "]") {
            edit(.removedComma, "removed a trailing comma", at: offset)
        }
    }

    mutating func parseObject() -> JSONValue {
        let open = position
        position += 1
        depth += 1
        defer { depth -= 1 }
        var members = JSONObject()
        var object: JSONValue { .object(members) }
        var afterMember = false
        while true {
            skipWhitespaceAndComments()
            guard let c = current else {
                edit(.closedContainer, "added the missing }", at: open)
                return object
            }
            if c == UInt8(ascii: "}") {
                position += 1
                return object
            }
            if c == UInt8(ascii: ",") {
                if !afterMember { edit(.removedComma, "removed an extra comma") }
                position += 1
                if afterMember { reportTrailingComma(before: UInt8(ascii: "}"), at: position - 1) }
                afterMember = false
                continue
            }
            afterMember = true
            if c == UInt8(ascii: "]") {
                // A ] where a } belongs: treat as the end of the object.
                edit(.closedContainer, "replaced ] with }")
                position += 1
                return object
            }
            if c == UInt8(ascii: "[") || c == UInt8(ascii: "{") {
                // A value where a key belongs: merge arrays into the last member.
                let value = parseValue()
                if let last = members.keys.last, case .array(var existing)? = members[last], case .array(let more) = value {
                    existing.append(contentsOf: more)
                    members[last] = .array(existing)
                } else if case .array(let more) = value, let first = more.first?.stringValue {
                    members[first] = ""
                }
                continue
            }
            let keyStart = position
            let key: String
            if quoteLength(at: position) > 0 {
                key = parseString(terminators: ByteSet(":"))
            } else {
                key = parseBareWord(terminators: ByteSet(":,}"), isKey: true).stringValue ?? ""
                if key.isEmpty {
                    position += 1
                    continue
                }
                edit(.quotedKey, "quoted the key {}", subject: key, at: keyStart)
            }
            skipWhitespaceAndComments()
            guard let next = current else {
                edit(.droppedDanglingKey, "dropped the key {}, which had no value", subject: JSONSerializer.quoted(key), at: keyStart)
                edit(.closedContainer, "added the missing }", at: open)
                return object
            }
            if next == UInt8(ascii: ":") {
                position += 1
            } else if next == UInt8(ascii: "}") || next == UInt8(ascii: ",") {
                if next == UInt8(ascii: ",") {
                    // {"key", value} — take what follows as the value.
                    position += 1
                    edit(.insertedColon, "read the comma after {} as a colon", subject: JSONSerializer.quoted(key))
                    members[key] = parseBareWord(terminators: ByteSet("}"))
                    continue
                }
                edit(.filledMissingValue, "gave {} an empty string", subject: JSONSerializer.quoted(key))
                members[key] = ""
                continue
            } else {
                edit(.insertedColon, "inserted a missing colon after {}", subject: JSONSerializer.quoted(key))
            }
            skipWhitespaceAndComments()
            guard let valueStart = current else {
                edit(.droppedDanglingKey, "dropped the key {}, which had no value", subject: JSONSerializer.quoted(key), at: keyStart)
                return object
            }
            if valueStart == UInt8(ascii: ",") || valueStart == UInt8(ascii: "}") {
                edit(.filledMissingValue, "gave {} an empty string", subject: JSONSerializer.quoted(key))
                members[key] = ""
                continue
            }
            readingMemberValue = true
            members[key] = parseValue()
            readingMemberValue = false
            skipWhitespaceAndComments()
            if let after = current, after != UInt8(ascii: ","), after != UInt8(ascii: "}") {
                if quoteLength(at: position) > 0 || RepairScanner.isLetter(after) {
                    edit(.insertedComma, "inserted a missing comma")
                } else {
                    edit(.removedGarbage, "skipped \(text(position..<position + 1))")
                    position += 1
                }
            }
        }
    }

    mutating func parseArray(closing: UInt8) -> JSONValue {
        let open = position
        position += 1
        depth += 1
        defer { depth -= 1 }
        var elements: [JSONValue] = []
        var sawComma = false
        var afterElement = false
        let closingText = closing == UInt8(ascii: ")") ? ")" : "]"
        while true {
            skipWhitespaceAndComments()
            guard let c = current else {
                edit(.closedContainer, "added the missing \(closingText)", at: open)
                tupleHadComma = sawComma
                return .array(elements)
            }
            if c == closing || c == UInt8(ascii: "]") || c == UInt8(ascii: ")") {
                position += 1
                tupleHadComma = sawComma
                return .array(elements)
            }
            if c == UInt8(ascii: "}") {
                edit(.closedContainer, "replaced } with \(closingText)")
                position += 1
                tupleHadComma = sawComma
                return .array(elements)
            }
            if c == UInt8(ascii: ",") {
                if !afterElement { edit(.removedComma, "removed an extra comma") }
                sawComma = true
                position += 1
                if afterElement { reportTrailingComma(before: closing, at: position - 1) }
                afterElement = false
                continue
            }
            afterElement = true
            if c == UInt8(ascii: "."), starts(with: "...", at: position) {
                edit(.removedGarbage, "removed an ellipsis")
                position += 3
                continue
            }
            let value = c == UInt8(ascii: "\"") || c == UInt8(ascii: "'")
                ? .string(parseString(terminators: ByteSet(",]:\"'"))) : parseValue()
            skipWhitespaceAndComments()
            if current == UInt8(ascii: ":"), case .string(let key) = value {
                // ["key": "value"] — an object written with brackets.
                position += 1
                let inner = parseValue()
                edit(.closedContainer, "read [\"key\": value] as an object")
                elements.append(.object([key: inner]))
                continue
            }
            elements.append(value)
            if let next = current, next != UInt8(ascii: ","), next != closing, next != UInt8(ascii: "]"), next != UInt8(ascii: ")"),
                next != UInt8(ascii: "}")
            {
                edit(.insertedComma, "inserted a missing comma")
            }
        }
    }

    // MARK: Scalars

    /// A string opened by any quote; a quote inside it counts as closing
    /// only when what follows is a delimiter (or the end).
    mutating func parseString(terminators: ByteSet, closesBeforeKey: Bool = false) -> String {
        let open = position
        let openerLength = quoteLength(at: position)
        if !(openerLength == 1 && input[open] == UInt8(ascii: "\"")) {
            edit(.changedQuotes, "replaced \(text(open..<open + openerLength)) quotes with \"", at: open)
        }
        let doubleQuoted = openerLength == 1 && input[open] == UInt8(ascii: "\"")
        position += openerLength
        // While nothing inside needs changing, the string is a slice of the input.
        let contentStart = position
        var bytes: [UInt8]?
        func result(_ end: Int) -> String {
            if let bytes { return String(decoding: bytes, as: UTF8.self) }
            return String(decoding: input[contentStart..<end], as: UTF8.self)
        }
        while let c = current {
            if c == UInt8(ascii: "\\") {
                if bytes == nil { bytes = Array(input[contentStart..<position]) }
                guard position + 1 < limit else {
                    position += 1
                    break
                }
                let escaped = input[position + 1]
                position += 2
                switch escaped {
                case UInt8(ascii: "n"): bytes!.append(0x0A)
                case UInt8(ascii: "t"): bytes!.append(0x09)
                case UInt8(ascii: "r"): bytes!.append(0x0D)
                case UInt8(ascii: "b"): bytes!.append(0x08)
                case UInt8(ascii: "f"): bytes!.append(0x0C)
                case UInt8(ascii: "u"):
                    if position + 4 <= limit, let value = UInt32(text(position..<position + 4), radix: 16),
                        let scalar = Unicode.Scalar(value)
                    {
                        bytes!.append(contentsOf: String(Character(scalar)).utf8)
                        position += 4
                    } else {
                        bytes!.append(UInt8(ascii: "u"))
                    }
                default: bytes!.append(escaped)
                }
                continue
            }
            let closerLength = closes(position, opener: open, openerLength: openerLength)
            if closerLength > 0 {
                // Closing only if a delimiter (or the end) follows.
                var look = position + closerLength
                while look < limit, input[look] == 0x20 || input[look] == 0x09 { look += 1 }
                let commentFollows = starts(with: "//", at: look) || starts(with: "/*", at: look)
                if look >= limit || terminators.contains(input[look]) || RepairScanner.afterClosingQuote.contains(input[look])
                    || commentFollows || (closesBeforeKey && startsMember(at: look))
                {
                    let end = position
                    position += closerLength
                    return result(end)
                }
                edit(.escapedCharacter, "escaped a quote inside a string")
                bytes?.append(contentsOf: input[position..<position + closerLength])
                position += closerLength
                continue
            }
            if c == 0x0A && !doubleQuoted { break }
            // A run of ordinary bytes.
            let runStart = position
            position += 1
            while position < limit {
                let next = input[position]
                if next == UInt8(ascii: "\\") || next == 0x0A || next == 0x22 || next == 0x27 || next == 0x60 || next == 0xE2 { break }
                position += 1
            }
            bytes?.append(contentsOf: input[runStart..<position])
        }
        edit(.closedString, "closed an unterminated string", at: open)
        return result(position)
    }

    /// Whether `key:` (quoted or bare) starts at `index`, on the same line:
    /// what follows a member whose comma was left out.
    func startsMember(at index: Int) -> Bool {
        var look = index
        let quote = quoteLength(at: look)
        if quote > 0 {
            look += quote
            while look < limit, input[look] != 0x0A, quoteLength(at: look) == 0 { look += 1 }
            guard look < limit, input[look] != 0x0A else { return false }
            look += quoteLength(at: look)
        } else {
            let start = look
            while look < limit, RepairScanner.isLetter(input[look]) || RepairScanner.isDigit(input[look])
                || input[look] == UInt8(ascii: "_") || input[look] == UInt8(ascii: "-")
            {
                look += 1
            }
            guard look > start else { return false }
        }
        while look < limit, input[look] == 0x20 || input[look] == 0x09 { look += 1 }
        return look < limit && input[look] == UInt8(ascii: ":")
    }

    /// A number, or — when what follows is not a number — the bare text.
    mutating func parseNumberOrText() -> JSONValue {
        let start = position
        while let c = current, RepairScanner.isDigit(c) || RepairScanner.numberPunctuation.contains(c) { position += 1 }
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
        if literal.isEmpty || literal == "-" { return .null }
        edit(.quotedValue, "kept \(literal) as a string", at: start)
        return .string(written)
    }

    /// An unquoted word: a literal (`true`, `True`, `None`, `NaN` …) or text
    /// up to a delimiter, kept as a string.
    mutating func parseBareWord(terminators: ByteSet, isKey: Bool = false) -> JSONValue {
        let start = position
        let stopsAtNewline = !terminators.contains(UInt8(ascii: ":"))
        while let c = current, !terminators.contains(c), c != 0x0A || !stopsAtNewline {
            if position > start, quoteLength(at: position) > 0 { break }
            position += 1
        }
        var end = position
        while end > start, RepairScanner.isSpace(input[end - 1]) { end -= 1 }
        if end > start, input[end - 1] == UInt8(ascii: "\"") { end -= 1 }
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
        case "None", "NULL", "undefined", "NaN", "Infinity", "-Infinity":
            edit(.replacedLiteral, "{} → null", subject: word, at: start)
            return .null
        default:
            if !word.isEmpty { edit(.quotedValue, "quoted {}", subject: word, at: start) }
            return .string(word)
        }
    }
}

/// A set of ASCII bytes as a 128-bit mask: delimiter checks run per byte.
struct ByteSet: Sendable {
    private var low: UInt64 = 0
    private var high: UInt64 = 0

    init(_ members: StaticString) {
        members.withUTF8Buffer { buffer in
            for byte in buffer {
                precondition(byte < 128, "ByteSet holds ASCII only")
                if byte < 64 { low |= 1 << UInt64(byte) } else { high |= 1 << UInt64(byte - 64) }
            }
        }
    }

    @inline(__always)
    func contains(_ byte: UInt8) -> Bool {
        if byte < 64 { return low & (1 << UInt64(byte)) != 0 }
        if byte < 128 { return high & (1 << UInt64(byte - 64)) != 0 }
        return false
    }
}
