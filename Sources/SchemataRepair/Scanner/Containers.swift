import SchemataJSON

// Objects, arrays, tuples and set literals.
extension RepairScanner {

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
                let start = position
                let text = parseString(
                    terminators: RepairScanner.valueStringTerminators, closesBeforeKey: beforeKey,
                    enclosingCloser: beforeKey ? UInt8(ascii: "}") : nil)
                if let inner = fencedJSON(in: text) {
                    edit(.extractedFromText, "read the ```json block inside a string as its JSON", at: start)
                    return inner
                }
                return .string(text)
            }
            let inMemberValue = readingMemberValue
            readingMemberValue = false
            if c == UInt8(ascii: "-") || c == UInt8(ascii: ".") || RepairScanner.isDigit(c) { return parseNumberOrText() }
            return parseBareWord(terminators: RepairScanner.valueTerminators, inMemberValue: inMemberValue)
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
        if let set = parseSetLiteral(open: open) ?? parseNumberSet(open: open) { return set }
        openClosers.append(UInt8(ascii: "}"))
        defer { openClosers.removeLast() }
        var members = JSONObject()
        members.reserveCapacity(8)
        parseMembers(into: &members, open: open)
        return .object(members)
    }

    /// The next object of an array, whose first member was read already
    /// (see ``pendingRecord``): it takes the members that follow.
    mutating func parseRecord(startingWith first: (key: String, value: JSONValue)) -> JSONValue {
        depth += 1
        defer { depth -= 1 }
        openClosers.append(UInt8(ascii: "}"))
        defer { openClosers.removeLast() }
        var members = JSONObject()
        members[first.key] = first.value
        parseMembers(into: &members, open: position)
        return .object(members)
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
            let commaBefore = !afterMember
            afterMember = true
            if c == UInt8(ascii: "]") {
                if enclosingExpects(c) {
                    // `[{"a": 1], …`: the ] closes an outer array, so this object ends here.
                    edit(.closedContainer, "added the missing } before ]")
                    readEmptyCutOff = members.isEmpty
                    return
                }
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
            if c == UInt8(ascii: "\""), byte(at: position + 1) == c, byte(at: position + 2) == c, byte(at: position + 3) == c {
                edit(.removedGarbage, "removed stray quotes \"\"\"\"", at: position)
                position += 4
                continue
            }
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
                    skipWhitespaceAndComments()
                    var value = parseBareWord(terminators: RepairScanner.closingBrace)
                    // `{"key", 105,12,` (cut off): the trailing comma is not part of the text.
                    if case .string(let text) = value, text.hasSuffix(",") {
                        value = .string(String(text.reversed().drop { $0 == "," || $0 == " " }.reversed()))
                    }
                    members[key] = value
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
            let value = parseValue()
            readingMemberValue = false
            if let earlier = members.appendIfAbsent(key, value) {
                let quoted = JSONSerializer.quoted(key)
                if earlier == value, commaBefore {
                    edit(.repeatedKey, "dropped a repetition of the member {}", subject: quoted, at: keyStart)
                } else if openClosers.count >= 2, openClosers[openClosers.count - 2] == UInt8(ascii: "]") {
                    // `[{"name": "a", "name": "b"}]`: the key repeats, so the next record began (`}, {` left out).
                    // (A repetition of the same member after a plain comma is dropped instead.)
                    edit(.repeatedKey, "the key {} repeats: started the next object there", subject: quoted, at: keyStart)
                    pendingRecord = (key, value)
                    return
                } else {
                    edit(.repeatedKey, "the key {} repeats: kept its last value", subject: quoted, at: keyStart)
                    members[key] = value
                }
            }
            skipWhitespaceAndComments()
            if let after = current, after != UInt8(ascii: ","), after != UInt8(ascii: "}"),
                after != UInt8(ascii: "]") || !enclosingExpects(after)
            {
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

    /// An array up to its closer; `openerMissing` when the `[` was left
    /// out and reading starts at the first element.
    mutating func parseArray(closing: UInt8, openerMissing: Bool = false) -> JSONValue {
        let open = position
        if !openerMissing { position += 1 }
        depth += 1
        defer { depth -= 1 }
        openClosers.append(closing)
        defer { openClosers.removeLast() }
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
                if enclosingExpects(c) {
                    // `{"a": [1, 2}, …`: the } closes an outer object, so this array ends here.
                    edit(.closedContainer, "added the missing \(closingText) before }")
                    tupleHadComma = sawComma
                    return .array(elements)
                }
                // No object is open: a stray }.
                edit(.removedGarbage, "removed a stray }")
                position += 1
                continue
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
            if closing == UInt8(ascii: "]"), !elements.isEmpty, c != UInt8(ascii: "["),
                elements.allSatisfy({ if case .array = $0 { true } else { false } }), lostOpeningBracket()
            {
                // `[["a", "b"], "c", "d"], ["e"]]`: a row whose [ was left out.
                edit(.closedContainer, "added the missing [ of a row")
                elements.append(parseArray(closing: closing, openerMissing: true))
                continue
            }
            readEmptyCutOff = false
            let value = c == UInt8(ascii: "\"") || c == UInt8(ascii: "'")
                ? .string(parseString(terminators: RepairScanner.elementStringTerminators, enclosingCloser: closing)) : parseValue()
            if readEmptyCutOff {
                readEmptyCutOff = false
                edit(.removedGarbage, "dropped an element cut off before it had any content")
                continue
            }
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
            while let record = pendingRecord {
                pendingRecord = nil
                elements.append(parseRecord(startingWith: record))
                skipWhitespaceAndComments()
            }
            if let next = current, next != UInt8(ascii: ","), next != closing, next != UInt8(ascii: "]"), next != UInt8(ascii: ")"),
                next != UInt8(ascii: "}")
            {
                edit(.insertedComma, "inserted a missing comma")
            }
        }
    }
}
