import SchemataJSON

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
    /// The most edits a repair may make before it gives up.
    var maximumEdits = 1_000_000
    /// Why the repair gave up, if it did.
    var failure: String?
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

    @inline(__always)
    var atEnd: Bool { position >= limit }
    @inline(__always)
    var current: UInt8? { position < limit ? input[position] : nil }

    @inline(__always)
    func byte(at index: Int) -> UInt8? { index < limit ? input[index] : nil }

    mutating func edit(_ kind: RepairEdit.Kind, _ detail: String, at offset: Int? = nil) {
        guard failure == nil else { return }
        edits.append(RepairEdit(offset: offset ?? position, kind: kind, detail: detail))
        if edits.count > maximumEdits { giveUp() }
    }

    /// An edit whose wording names `subject` where `template` says `{}`.
    mutating func edit(_ kind: RepairEdit.Kind, _ template: String, subject: String, at offset: Int? = nil) {
        guard failure == nil else { return }
        edits.append(RepairEdit(offset: offset ?? position, kind: kind, template: template, subject: subject))
        if edits.count > maximumEdits { giveUp() }
    }

    /// Stops reading: the text needs more edits than allowed (garbage, not
    /// damaged JSON). The text is cut off here, so every loop (they all end
    /// at `limit`) unwinds as at a truncation, and no index passes the input.
    mutating func giveUp() {
        failure = "the text needs more than \(maximumEdits) edits (stopped at byte \(position)): it is not damaged JSON but something else"
        limit = min(limit, position)
    }

    func text(_ range: Range<Int>) -> String {
        String(decoding: input[range], as: UTF8.self)
    }

    // MARK: Character classes

    // Delimiter sets as constant masks (computed properties: no lazy
    // initialisation check on the hot path).
    /// '}],\n#)`'
    static var afterClosingQuote: ByteSet { ByteSet(low: 0x0000120800000400, high: 0x2000000120000000) }
    /// '+-.eE_'
    static var numberPunctuation: ByteSet { ByteSet(low: 0x0000680000000000, high: 0x0000002080000020) }
    /// ',}])'
    static var afterNumber: ByteSet { ByteSet(low: 0x0000120000000000, high: 0x2000000020000000) }
    /// ',}]'
    static var valueTerminators: ByteSet { ByteSet(low: 0x0000100000000000, high: 0x2000000020000000) }
    /// ',}]:'
    static var valueStringTerminators: ByteSet { ByteSet(low: 0x0400100000000000, high: 0x2000000020000000) }
    /// ':'
    static var colon: ByteSet { ByteSet(low: 0x0400000000000000, high: 0x0000000000000000) }
    /// ':,}'
    static var keyTerminators: ByteSet { ByteSet(low: 0x0400100000000000, high: 0x2000000000000000) }
    /// '}'
    static var closingBrace: ByteSet { ByteSet(low: 0x0000000000000000, high: 0x2000000000000000) }
    /// ',]:"\''
    static var elementStringTerminators: ByteSet { ByteSet(low: 0x0400108400000000, high: 0x0000000020000000) }
    /// '\\\n"\'`'
    static var stringRunEnds: ByteSet { ByteSet(low: 0x0000008400000400, high: 0x0000000110000000) }

    @inline(__always)
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 || byte == 0x0B || byte == 0x0C
    }

    @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// ASCII letters, and any non-ASCII character (which starts words in prose).
    @inline(__always)
    static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A || byte >= 0x80 }

    /// The length of the quote character at `index` (`"`, `'`, `` ` ``, or
    /// a typographic quote as three bytes), or 0.
    @inline(__always)
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
    @inline(__always)
    func closes(_ index: Int, opener open: Int, openerLength: Int) -> Int {
        if openerLength == 1 { return index < limit && input[index] == input[open] ? 1 : 0 }
        guard quoteLength(at: index) == 3 else { return 0 }
        // “ ” (0x9C, 0x9D) close each other, and ‘ ’ (0x98, 0x99) each other.
        let a = input[open + 2] >= 0x9C
        let b = input[index + 2] >= 0x9C
        return a == b ? 3 : 0
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
        // Fences that open after the JSON has started are inside it (a
        // snippet in a string value), not around it.
        let firstContainer = input[0..<limit].firstIndex { $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "[") } ?? limit
        if let first = fences.first, first.lowerBound - 3 < firstContainer {
            var values: [JSONValue] = []
            let fencesEdit = edits.count
            edit(.extractedFromText, "took the JSON inside ``` fences", at: 0)
            for range in fences where failure == nil {
                var start = range.lowerBound
                if starts(with: "json", at: start) { start += 4 }
                position = start
                limit = range.upperBound
                if let value = parseTopLevelValues(from: start) { values.append(value) }
            }
            if failure == nil { limit = input.count }
            if values.isEmpty, failure == nil { edits.removeSubrange(fencesEdit...) }
            if !values.isEmpty {
                if values.count > 1 {
                    edit(.choseValue, "\(values.count) fenced JSON values: kept the first", at: 0)
                }
                return finished(values[0])
            }
        }
        position = 0
        topLevelValues = []
        let value = parseTopLevelValues(from: 0)
        return finished(value)
    }

    /// The result, or no value when the repair gave up.
    func finished(_ value: JSONValue?) -> JSONRepairer.Repair {
        if let failure { return JSONRepairer.Repair(value: nil, edits: edits, candidates: [], failure: failure) }
        return JSONRepairer.Repair(value: value, edits: edits, candidates: topLevelValues.map(\.value), failure: nil)
    }

    /// The byte ranges between pairs of ``` (an unclosed last fence runs to the end).
    func fenceRanges() -> [Range<Int>] {
        var marks: [Int] = []
        guard let base = input.baseAddress else { return [] }
        var index = 0
        while index < limit, let found = memchr(base + index, 0x60, limit - index) {
            let offset = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if offset + 2 < limit, input[offset + 1] == 0x60, input[offset + 2] == 0x60 {
                marks.append(offset)
                index = offset + 3
            } else {
                index = offset + 1
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
            var value = parseValue()
            // `{"a": 1}, "b": 2}`: members after the object closed too early.
            if case .object(var members) = value, continuesWithMembers() {
                edit(.closedContainer, "read the members after } as part of the object")
                parseMembers(into: &members, open: position)
                value = .object(members)
            }
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
            let literals: Set<String> = ["true", "false", "null", "True", "False", "None", "Null", "TRUE", "FALSE", "NULL"]
            // A lone string is prose in quotes, not JSON (valid JSON strings
            // never get here: they take the parser's fast path).
            guard let c = current,
                c == UInt8(ascii: "(") || c == UInt8(ascii: "-") || c == UInt8(ascii: ".")
                    || RepairScanner.isDigit(c) || literals.contains(rest)
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

    /// Skips whitespace and comments; the common case (nothing to skip) is
    /// decided inline.
    @inline(__always)
    mutating func skipWhitespaceAndComments() {
        if position < limit {
            let c = input[position]
            if c > 0x20 && c != UInt8(ascii: "/") && c != UInt8(ascii: "#") { return }
        }
        skipWhitespaceAndCommentsSlowly()
    }

    @inline(never)
    mutating func skipWhitespaceAndCommentsSlowly() {
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
                return .string(parseString(
                    terminators: RepairScanner.valueStringTerminators, closesBeforeKey: beforeKey,
                    enclosingCloser: beforeKey ? UInt8(ascii: "}") : nil))
            }
            readingMemberValue = false
            if c == UInt8(ascii: "-") || c == UInt8(ascii: ".") || RepairScanner.isDigit(c) { return parseNumberOrText() }
            return parseBareWord(terminators: RepairScanner.valueTerminators)
        }
    }

    /// Reports the comma just consumed when only the container's end follows it.
    mutating func reportTrailingComma(before closing: UInt8, at offset: Int) {
        guard failure == nil else { return }
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
        if let set = parseSetLiteral(open: open) { return set }
        var members = JSONObject()
        members.reserveCapacity(8)
        parseMembers(into: &members, open: open)
        return .object(members)
    }

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

    /// Reads members up to the closing `}` (or the end) into `members`.
    mutating func parseMembers(into members: inout JSONObject, open: Int) {
        var afterMember = false
        while true {
            skipWhitespaceAndComments()
            guard let c = current else {
                edit(.closedContainer, "added the missing }", at: open)
                return
            }
            if c == UInt8(ascii: "}") {
                position += 1
                return
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
                return
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
                key = parseKeyString()
            } else {
                key = parseBareWord(terminators: RepairScanner.keyTerminators, isKey: true).stringValue ?? ""
                if key.isEmpty {
                    position += 1
                    continue
                }
                // `COMMENT "key": …` and `… AAAA }`: a bare word that is not
                // followed by a colon is stray text, not a key.
                var look = position
                while look < limit, input[look] == 0x20 || input[look] == 0x09 { look += 1 }
                if look < limit, quoteLength(at: look) > 0 || input[look] == UInt8(ascii: "}") {
                    let quoteThenColon = quoteLength(at: look) > 0 && byte(at: look + quoteLength(at: look)) == UInt8(ascii: ":")
                    if !quoteThenColon {
                        edit(.removedGarbage, "dropped the stray text {}", subject: key, at: keyStart)
                        continue
                    }
                }
                // `gender": "male"`: a key that lost its opening quote.
                if quoteLength(at: position) > 0, byte(at: position + quoteLength(at: position)) == UInt8(ascii: ":") {
                    position += quoteLength(at: position)
                }
                edit(.quotedKey, "quoted the key {}", subject: key, at: keyStart)
            }
            skipWhitespaceAndComments()
            guard let next = current else {
                edit(.droppedDanglingKey, "dropped the key {}, which had no value", subject: JSONSerializer.quoted(key), at: keyStart)
                edit(.closedContainer, "added the missing }", at: open)
                return
            }
            if next == UInt8(ascii: ":") {
                position += 1
            } else if next == UInt8(ascii: "}") || next == UInt8(ascii: ",") {
                if next == UInt8(ascii: ",") {
                    // {"key", value} — take what follows as the value.
                    position += 1
                    edit(.insertedColon, "read the comma after {} as a colon", subject: JSONSerializer.quoted(key))
                    members[key] = parseBareWord(terminators: RepairScanner.closingBrace)
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
                return
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

    /// Whether what follows a closed top-level object is `, "key"` (more
    /// members); consumes the comma when it is.
    mutating func continuesWithMembers() -> Bool {
        var look = position
        while look < limit, RepairScanner.isSpace(input[look]) { look += 1 }
        guard look < limit, input[look] == UInt8(ascii: ",") else { return false }
        look += 1
        while look < limit, RepairScanner.isSpace(input[look]) { look += 1 }
        guard quoteLength(at: look) > 0 else { return false }
        position = look
        return true
    }

    /// A quoted key. Doubled quotes (`""key""`) count as one; a key that
    /// swallowed its colon (`"key:"value"`, `"key:value}`) ends at the colon.
    mutating func parseKeyString() -> String {
        let quote = quoteLength(at: position)
        if quote == 1, byte(at: position + 1) == input[position], let after = byte(at: position + 2),
            after != UInt8(ascii: ":"), !RepairScanner.isSpace(after) || byte(at: position + 3).map({ $0 != UInt8(ascii: ":") }) == true
        {
            edit(.changedQuotes, "read a doubled quote as one")
            position += 1
        }
        let editsBefore = edits.count
        let keyStart = position + quote
        var key = parseString(terminators: RepairScanner.colon)
        if quoteLength(at: position) == 1, input[position] == input[keyStart - 1], byte(at: position + 1) == UInt8(ascii: ":") {
            position += 1  // the second quote of `""key""`
        }
        let repaired = edits[editsBefore...].contains { $0.kind == .closedString || $0.kind == .escapedCharacter }
        if repaired, let colon = input[keyStart..<position].firstIndex(of: UInt8(ascii: ":")) {
            key = text(keyStart..<colon)
            position = colon
            edits.removeSubrange(editsBefore...)
            edit(.closedString, "ended the key {} at its colon", subject: key, at: colon)
        }
        return key
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
                ? .string(parseString(terminators: RepairScanner.elementStringTerminators, enclosingCloser: closing)) : parseValue()
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
    /// `enclosingCloser` is the bracket that ends the container the string
    /// is in: an unterminated string that contains it ends just before it
    /// (`{"a": "text}` is `{"a": "text"}`).
    mutating func parseString(terminators: ByteSet, closesBeforeKey: Bool = false, enclosingCloser: UInt8? = nil) -> String {
        let open = position
        let openerLength = quoteLength(at: position)
        if !(openerLength == 1 && input[open] == UInt8(ascii: "\"")) {
            edit(.changedQuotes, "replaced \(text(open..<open + openerLength)) quotes with \"", at: open)
        }
        let doubleQuoted = openerLength == 1 && input[open] == UInt8(ascii: "\"")
        position += openerLength
        // `""value"`: a doubled opening quote (not an empty string) counts once.
        var doubledOpener = false
        if openerLength == 1, byte(at: position) == input[open], let after = byte(at: position + 1),
            !RepairScanner.isSpace(after), !terminators.contains(after), !RepairScanner.afterClosingQuote.contains(after)
        {
            edit(.changedQuotes, "read a doubled quote as one", at: position)
            position += 1
            doubledOpener = true
        }
        var repairedInside = false
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
                // `""value""`: the doubled closing quote of a doubled opener.
                if doubledOpener, closerLength == 1, byte(at: position + 1) == input[open] {
                    var after = position + 2
                    while after < limit, input[after] == 0x20 || input[after] == 0x09 { after += 1 }
                    if after >= limit || terminators.contains(input[after]) || RepairScanner.afterClosingQuote.contains(input[after]) {
                        let end = position
                        position += 2
                        return result(end)
                    }
                }
                var closing = look >= limit || terminators.contains(input[look]) || RepairScanner.afterClosingQuote.contains(input[look])
                    || commentFollows || (closesBeforeKey && startsMember(at: look))
                    || (enclosingCloser == UInt8(ascii: "]") && closesArrayElement(quoteAt: position, next: look))
                if closesBeforeKey, look < limit {
                    if input[look] == UInt8(ascii: ","), !memberFollowsComma(at: look) {
                        // `"lorem "ipsum", sic."`: the comma is part of the text.
                        closing = false
                    } else if !closing, strayWordBeforeEnd(at: look) {
                        // `"xxxxx" true}`: stray text after the value.
                        closing = true
                    }
                }
                if closing {
                    var end = position
                    // `"first, b: "second"`: the member value ended at `, b:`.
                    if closesBeforeKey, repairedInside, bytes == nil, let comma = memberBoundary(from: contentStart, to: end) {
                        position = comma
                        return result(comma)
                    }
                    position += closerLength
                    // A raw line break just before the closing quote is layout.
                    if bytes == nil {
                        while end > contentStart, input[end - 1] == 0x0A || input[end - 1] == 0x0D { end -= 1 }
                    }
                    return result(end)
                }
                edit(.escapedCharacter, "escaped a quote inside a string")
                repairedInside = true
                bytes?.append(contentsOf: input[position..<position + closerLength])
                position += closerLength
                continue
            }
            if c == 0x0A && !doubleQuoted { break }
            // A run of ordinary bytes.
            let runStart = position
            position += 1
            let runEnds = RepairScanner.stringRunEnds
            while position < limit {
                let next = input[position]
                if next == 0xE2 || runEnds.contains(next) { break }
                position += 1
            }
            bytes?.append(contentsOf: input[runStart..<position])
        }
        edit(.closedString, "closed an unterminated string", at: open)
        if closesBeforeKey, bytes == nil, let comma = memberBoundary(from: contentStart, to: position) {
            position = comma
            return result(comma)
        }
        if bytes == nil, let cut = unterminatedEnd(from: contentStart, to: position, enclosingCloser: enclosingCloser) {
            position = cut.resume
            return result(cut.end)
        }
        return result(position)
    }

    /// Where an unterminated string really ends: before a ``` that follows
    /// it, and before the first bracket that closes its container (trailing
    /// spaces left out); `nil` when it runs to the end.
    func unterminatedEnd(from start: Int, to end: Int, enclosingCloser: UInt8?) -> (end: Int, resume: Int)? {
        var stop = end
        var index = start
        while index + 2 < end {
            if input[index] == 0x60, input[index + 1] == 0x60, input[index + 2] == 0x60 {
                stop = index
                break
            }
            index += 1
        }
        var resume = stop
        if let enclosingCloser, let bracket = input[start..<stop].firstIndex(of: enclosingCloser) {
            stop = bracket
            resume = bracket
        }
        guard stop < end else { return nil }
        var trimmed = stop
        while trimmed > start, RepairScanner.isSpace(input[trimmed - 1]) { trimmed -= 1 }
        return (trimmed, resume == stop && resume < end && input[resume] == 0x60 ? end : resume)
    }

    /// Whether what follows the comma at `index` starts another member (a
    /// quote, `key:`) or ends the object — else the comma is text.
    func memberFollowsComma(at index: Int) -> Bool {
        var look = index + 1
        while look < limit, RepairScanner.isSpace(input[look]) { look += 1 }
        guard look < limit else { return true }
        let c = input[look]
        if quoteLength(at: look) > 0 || c == UInt8(ascii: "}") || c == UInt8(ascii: "/") || c == UInt8(ascii: "#") { return true }
        if startsMember(at: look) { return true }
        // `, COMMENT "key": …`: stray text before the next key.
        var end = look
        while end < limit, RepairScanner.isLetter(input[end]) || RepairScanner.isDigit(input[end]) || input[end] == UInt8(ascii: "_") { end += 1 }
        guard end > look else { return false }
        while end < limit, input[end] == 0x20 || input[end] == 0x09 { end += 1 }
        return quoteLength(at: end) > 0
    }

    /// Whether a bare word and then `}` or `,` start at `index`.
    func strayWordBeforeEnd(at index: Int) -> Bool {
        var look = index
        while look < limit, RepairScanner.isLetter(input[look]) || RepairScanner.isDigit(input[look]) { look += 1 }
        guard look > index else { return false }
        while look < limit, input[look] == 0x20 || input[look] == 0x09 { look += 1 }
        return look < limit && (input[look] == UInt8(ascii: "}") || input[look] == UInt8(ascii: ","))
    }

    /// Whether the quote at `index` is followed by the end of a value
    /// (`,`, `}`, `]`, a line break or the end of the text).
    func strayQuoteEnds(at index: Int) -> Bool {
        var look = index + 1
        while look < limit, input[look] == 0x20 || input[look] == 0x09 { look += 1 }
        return look >= limit || input[look] == UInt8(ascii: ",") || input[look] == UInt8(ascii: "}")
            || input[look] == UInt8(ascii: "]") || input[look] == 0x0A
    }

    /// In a member value that needed repair, the first `, key:` (the next
    /// member, its comma inside the damaged string), as the comma's index.
    func memberBoundary(from start: Int, to end: Int) -> Int? {
        var index = start
        while index < end {
            if input[index] == UInt8(ascii: ",") {
                var look = index + 1
                while look < limit, input[look] == 0x20 || input[look] == 0x09 { look += 1 }
                if startsMember(at: look) || startsQuotelessMember(at: look) { return index }
            }
            index += 1
        }
        return nil
    }

    /// `gender": …` — a key missing its opening quote, then `:`.
    func startsQuotelessMember(at index: Int) -> Bool {
        var look = index
        while look < limit, RepairScanner.isLetter(input[look]) || RepairScanner.isDigit(input[look]) || input[look] == UInt8(ascii: "_") {
            look += 1
        }
        guard look > index, quoteLength(at: look) == 1 else { return false }
        look += 1
        while look < limit, input[look] == 0x20 || input[look] == 0x09 { look += 1 }
        return look < limit && input[look] == UInt8(ascii: ":")
    }

    /// In an array, whether the quote at `quoteAt` (not followed by a
    /// delimiter) still ends the element: a number follows (`"c" 1`), or a
    /// word and then a quote that is followed by `,` or `]` (`"a" b", "c"`).
    func closesArrayElement(quoteAt: Int, next look: Int) -> Bool {
        guard look < limit else { return true }
        if look > quoteAt + 1, RepairScanner.isDigit(input[look]) || input[look] == UInt8(ascii: "-") {
            var end = look + 1
            while end < limit, RepairScanner.isDigit(input[end]) || input[end] == UInt8(ascii: ".") { end += 1 }
            while end < limit, RepairScanner.isSpace(input[end]) { end += 1 }
            return end >= limit || input[end] == UInt8(ascii: ",") || input[end] == UInt8(ascii: "]")
        }
        var end = look
        var sawWord = false
        while end < limit, input[end] != 0x0A, quoteLength(at: end) == 0 {
            if RepairScanner.isLetter(input[end]) || RepairScanner.isDigit(input[end]) { sawWord = true }
            if input[end] == UInt8(ascii: ",") || input[end] == UInt8(ascii: "]") { return false }
            end += 1
        }
        guard sawWord, end < limit, quoteLength(at: end) == 1 else { return false }
        var after = end + 1
        while after < limit, input[after] == 0x20 || input[after] == 0x09 { after += 1 }
        return after >= limit || input[after] == UInt8(ascii: ",") || input[after] == UInt8(ascii: "]")
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
}

/// A set of ASCII bytes as a 128-bit mask: delimiter checks run per byte.
struct ByteSet: Sendable {
    private var low: UInt64 = 0
    private var high: UInt64 = 0

    /// A set from its masks: bit `b` of `low` is byte `b` (0–63), of `high` byte `64 + b`.
    @inline(__always)
    init(low: UInt64, high: UInt64) {
        self.low = low
        self.high = high
    }

    @inline(__always)
    func contains(_ byte: UInt8) -> Bool {
        if byte < 64 { return low & (1 << UInt64(byte)) != 0 }
        if byte < 128 { return high & (1 << UInt64(byte - 64)) != 0 }
        return false
    }
}
