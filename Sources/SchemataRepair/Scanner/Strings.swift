import SchemataJSON

// Quoted strings and the look-ahead that decides where a damaged one ends.
extension RepairScanner {

    /// A string opened by any quote; a quote inside it counts as closing
    /// only when what follows is a delimiter (or the end).
    /// `enclosingCloser` is the bracket that ends the container the string
    /// is in: an unterminated string that contains it ends just before it
    /// (`{"a": "text}` is `{"a": "text"}`).
    mutating func parseString(terminators: ByteSet, closesBeforeKey: Bool = false, enclosingCloser: UInt8? = nil) -> String {
        let open = position
        let editsBefore = edits.count
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
        let context: StringContext = closesBeforeKey ? .memberValue : enclosingCloser == UInt8(ascii: "]") ? .arrayElement
            : terminators == RepairScanner.colon ? .key : .other
        var partnerOpen = false
        // While nothing inside needs changing, the string is a slice of the input.
        let contentStart = position
        var balance = BracketBalance(scanned: contentStart)
        var bytes: [UInt8]?
        // Where the decoded text stood right after an escaped backslash: a
        // quote there (`\\"`, `\\\"`) was escaped one level too many.
        var escapedBackslashEnd = -1
        func result(_ end: Int) -> String {
            if let bytes { return String(decoding: bytes, as: UTF8.self) }
            return String(decoding: input[contentStart..<end], as: UTF8.self)
        }
        while let c = current {
            if c == UInt8(ascii: "\\") {
                if bytes == nil { bytes = Array(input[contentStart..<position]) }
                guard position + 1 < limit else {
                    // Cut off after the backslash: stream-stable repairs drop it (the escape is unknown yet).
                    if !streamStable { bytes!.append(UInt8(ascii: "\\")) }
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
                    appendUnicodeEscape(into: &bytes!)
                case UInt8(ascii: "\\"):
                    bytes!.append(escaped)
                    escapedBackslashEnd = bytes!.count
                case UInt8(ascii: "\""), UInt8(ascii: "/"), UInt8(ascii: "'"), UInt8(ascii: "`"), 0x80...0xFF:
                    // A quote (typographic ones included) escaped with a backslash.
                    if escaped == UInt8(ascii: "\""), bytes!.count == escapedBackslashEnd { dropOverEscapingBackslash(&bytes!) }
                    bytes!.append(escaped)
                default:
                    // `\s`, `\(`, `\le`: not a JSON escape, so the backslash was meant as text.
                    edit(.escapedCharacter, "kept the backslash of \\\(Character(Unicode.Scalar(escaped))), which is not a JSON escape", at: position - 2)
                    bytes!.append(UInt8(ascii: "\\"))
                    bytes!.append(escaped)
                }
                continue
            }
            let closerLength = closes(position, opener: open, openerLength: openerLength)
            if closerLength > 0 {
                // Closing only if a delimiter (or the end) follows.
                var look = position + closerLength
                while look < limit, input[look] == 0x20 || input[look] == 0x09 { look += 1 }
                let commentFollows = look < limit && input[look] == UInt8(ascii: "/")
                    && (byte(at: look + 1) == UInt8(ascii: "/") || byte(at: look + 1) == UInt8(ascii: "*"))
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
                var closing: Bool
                if partnerOpen {
                    // The partner of a quote that opened a quotation inside the text.
                    partnerOpen = false
                    closing = look >= limit || partnerCloses(next: look, context: context)
                } else if context != .other, opensQuotation(at: position, length: closerLength, contentStart: contentStart) {
                    // `"lorem "ipsum" sic"`: a quote after a space and before a word opens a quotation in the text.
                    partnerOpen = true
                    closing = false
                } else {
                    let bracket = look < limit && (input[look] == UInt8(ascii: "}") || input[look] == UInt8(ascii: "]"))
                        ? balance.innermostOpen(upTo: position, in: input) : nil
                    closing = commentFollows || quoteCloses(
                        at: position, length: closerLength, next: look, context: context, terminators: terminators, openBracket: bracket)
                }
                if closing {
                    var end = position
                    // `"first, b: "second"`: the member value ended at `, b:`.
                    if closesBeforeKey, repairedInside, let comma = memberBoundary(from: contentStart, to: end) {
                        if bytes != nil { return rereadString(from: open, upTo: comma, terminators: terminators, editsBefore: editsBefore) }
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
                if bytes != nil, bytes!.count == escapedBackslashEnd { dropOverEscapingBackslash(&bytes!) }
                bytes?.append(contentsOf: input[position..<position + closerLength])
                position += closerLength
                continue
            }
            // A single-quoted string ends at the line's end, unless its closing quote follows on a later line.
            if c == 0x0A && !doubleQuoted && !closesOnLaterLine(opener: open, openerLength: openerLength) { break }
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
        if position >= limit, position == contentStart { readEmptyCutOff = true }
        let cutOffAtEnd = position >= limit
        if closesBeforeKey, !(streamStable && cutOffAtEnd), let comma = memberBoundary(from: contentStart, to: position) {
            if bytes != nil { return rereadString(from: open, upTo: comma, terminators: terminators, editsBefore: editsBefore) }
            position = comma
            return result(comma)
        }
        if bytes == nil, let cut = unterminatedEnd(from: contentStart, to: position, enclosingCloser: enclosingCloser) {
            position = cut.resume
            return result(cut.end)
        }
        if cutOffAtEnd, !streamStable {
            // Cut off at the end of the text: trailing whitespace is not yet content.
            if var decoded = bytes {
                while let last = decoded.last, RepairScanner.isSpace(last) { decoded.removeLast() }
                return String(decoding: decoded, as: UTF8.self)
            }
            var end = position
            while end > contentStart, RepairScanner.isSpace(input[end - 1]) { end -= 1 }
            return result(end)
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
        // `"value3", ["more"]`: a stray value where the next member belongs.
        if c == UInt8(ascii: "[") || c == UInt8(ascii: "{") { return true }
        if startsMember(at: look) { return true }
        // `, COMMENT "key": …`: stray text before the next key.
        var end = look
        while end < limit, RepairScanner.isLetter(input[end]) || RepairScanner.isDigit(input[end]) || input[end] == UInt8(ascii: "_") { end += 1 }
        guard end > look else { return false }
        while end < limit, input[end] == 0x20 || input[end] == 0x09 { end += 1 }
        return quoteLength(at: end) > 0
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
                if startsMember(at: look) || startsQuotelessMember(at: look) || startsHalfQuotedMember(at: look) { return index }
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
            look = endOfBareWord(from: look)
            guard look > start else { return false }
        }
        while look < limit, input[look] == 0x20 || input[look] == 0x09 { look += 1 }
        return look < limit && input[look] == UInt8(ascii: ":")
    }

    /// Decodes the `\uXXXX` escape whose `u` was just read (a surrogate pair
    /// as one character); a malformed or lone-surrogate escape becomes
    /// U+FFFD, reported.
    mutating func appendUnicodeEscape(into bytes: inout [UInt8]) {
        func hex(at index: Int) -> UInt32? {
            guard index + 4 <= limit else { return nil }
            var value: UInt32 = 0
            for offset in 0..<4 {
                let digit = input[index + offset]
                let nibble: UInt32
                switch digit {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): nibble = UInt32(digit - UInt8(ascii: "0"))
                case UInt8(ascii: "a")...UInt8(ascii: "f"): nibble = UInt32(digit - UInt8(ascii: "a") + 10)
                case UInt8(ascii: "A")...UInt8(ascii: "F"): nibble = UInt32(digit - UInt8(ascii: "A") + 10)
                default: return nil
                }
                value = value << 4 | nibble
            }
            return value
        }
        guard let first = hex(at: position) else {
            bytes.append(UInt8(ascii: "\\"))
            bytes.append(UInt8(ascii: "u"))
            edit(.escapedCharacter, "kept an incomplete \\u escape as text", at: position - 2)
            return
        }
        position += 4
        var scalar = Unicode.Scalar(first)
        if (0xD800..<0xDC00).contains(first), byte(at: position) == UInt8(ascii: "\\"), byte(at: position + 1) == UInt8(ascii: "u"),
            let second = hex(at: position + 2), (0xDC00..<0xE000).contains(second)
        {
            scalar = Unicode.Scalar(0x10000 + (first - 0xD800) << 10 + (second - 0xDC00))
            position += 6
        }
        guard let scalar else {
            edit(.escapedCharacter, "replaced a lone surrogate escape with U+FFFD", at: position - 6)
            bytes.append(contentsOf: [0xEF, 0xBF, 0xBD])
            return
        }
        bytes.append(contentsOf: String(Character(scalar)).utf8)
    }

    /// Whether the quote that opened a single-quoted (or typographic)
    /// string appears again after the line break at `position`, followed by
    /// the end of a value: the string spans lines.
    func closesOnLaterLine(opener open: Int, openerLength: Int) -> Bool {
        var index = position + 1
        while index < limit {
            let length = closes(index, opener: open, openerLength: openerLength)
            if length > 0 {
                var look = index + length
                while look < limit, RepairScanner.isSpace(input[look]) { look += 1 }
                return look >= limit || RepairScanner.valueTerminators.contains(input[look])
            }
            index += 1
        }
        return false
    }

    /// Reads the string opened at `open` again, as if the text ended at
    /// `end` (the comma before the next member): for a damaged value whose
    /// text needed decoding, so that escapes are decoded as before.
    mutating func rereadString(from open: Int, upTo end: Int, terminators: ByteSet, editsBefore: Int) -> String {
        edits.removeSubrange(editsBefore...)
        let savedLimit = limit
        limit = end
        position = open
        let text = parseString(terminators: terminators)
        limit = savedLimit
        position = end
        return text
    }

    /// `` `key2:value `` — a key with an opening quote only, then `:`.
    func startsHalfQuotedMember(at index: Int) -> Bool {
        let quote = quoteLength(at: index)
        guard quote > 0 else { return false }
        var look = index + quote
        let start = look
        while look < limit, RepairScanner.isLetter(input[look]) || RepairScanner.isDigit(input[look]) || input[look] == UInt8(ascii: "_") {
            look += 1
        }
        return look > start && look < limit && input[look] == UInt8(ascii: ":")
    }

    /// Removes the backslash (decoded from `\\`) before a quote: JSON text
    /// inside a string escaped once too often (`{\\"key\\\":…}`).
    mutating func dropOverEscapingBackslash(_ bytes: inout [UInt8]) {
        bytes.removeLast()
        edit(.escapedCharacter, "dropped a backslash that escaped a quote once too often")
    }
}
