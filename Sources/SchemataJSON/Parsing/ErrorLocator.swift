/// Finds exactly where and why a JSON text went wrong.
///
/// yajl's error offsets are per chunk and land after the offending token (or
/// at 0), and its messages name grammar states. Instead, after yajl reports an
/// error, this re-reads the text from the end of the last well-formed event,
/// knowing what may come next there, and names the first byte that cannot
/// belong, with a message in terms of what was found and what was expected.
struct ErrorLocator {
    /// What the grammar allows at the point where reading resumes.
    enum Expectation {
        case value
        case valueOrArrayEnd
        case keyOrObjectEnd
        case key
        case colon
        case commaOrArrayEnd
        case commaOrObjectEnd
        case endOfInput
    }

    let source: UnsafeRawBufferPointer
    /// Offsets of the opening brackets of the containers still open, outermost first.
    let openStarts: [Int]
    /// Whether each still-open container is an object.
    let openIsObject: [Bool]
    /// Whether all of the input has been seen.
    let inputComplete: Bool
    /// Where the JSON text starts in `source` (after a byte order mark, or
    /// at its line in JSON Lines).
    var documentStart = 0

    /// How many bytes from a failure's offset its message may describe
    /// (a word of up to this many characters; a character of up to four
    /// bytes).
    static var descriptionLookahead: Int { 24 }

    /// Whether the token described at `offset` (by ``describeToken(at:)``)
    /// is all in `source`: a word ended by another byte or at its length
    /// limit, a multi-byte character with all its bytes; any other byte is
    /// described by itself.
    static func describedTokenIsComplete(in source: UnsafeRawBufferPointer, at offset: Int) -> Bool {
        guard offset < source.count else { return false }
        let byte = source[offset]
        if byte >= 0x80 {
            let needed = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
            return offset + needed <= source.count
        }
        guard isWordByte(byte) else { return true }
        var end = offset
        while end < source.count, end - offset < descriptionLookahead, isWordByte(source[end]) { end += 1 }
        return end < source.count || end - offset == descriptionLookahead
    }

    static func isWordByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "_")
    }

    static func expectation(after lastEvent: ParseEvent, innermostIsObject: Bool?) -> Expectation {
        switch lastEvent {
        case .none: return .value
        case .key: return .colon
        case .containerStart: return innermostIsObject == true ? .keyOrObjectEnd : .valueOrArrayEnd
        case .value:
            switch innermostIsObject {
            case .none: return .endOfInput
            case .some(true): return .commaOrObjectEnd
            case .some(false): return .commaOrArrayEnd
            }
        }
    }

    /// The failure for an error yajl reported somewhere after `resume`.
    func locate(from resume: Int, expecting initial: Expectation) -> ParseFailure {
        var index = resume
        var expectation = initial
        let count = source.count
        let innermostIsObject = openIsObject.last
        while true {
            index = skipWhitespace(from: index)
            guard index < count else {
                return endOfInputFailure(at: count, expecting: expectation)
            }
            let byte = source[index]
            switch expectation {
            case .colon:
                if byte == UInt8(ascii: ":") {
                    index += 1
                    expectation = .value
                    continue
                }
            case .commaOrArrayEnd, .commaOrObjectEnd:
                if byte == UInt8(ascii: ",") {
                    index += 1
                    expectation = innermostIsObject == true ? .key : .value
                    continue
                }
            case .value, .valueOrArrayEnd:
                if startsValue(byte) { return tokenFailure(at: index) }
            case .keyOrObjectEnd, .key:
                if byte == UInt8(ascii: "\"") { return tokenFailure(at: index) }
            case .endOfInput:
                break
            }
            if index == resume, index > 0, NumberLiteral.isDigit(byte), source[index - 1] == UInt8(ascii: "0"),
                index < 2 || !NumberLiteral.isDigit(source[index - 2])
            {
                // yajl reads "01" as the number 0 followed by another token.
                return ParseFailure(
                    reason: .invalidToken, message: "malformed number: leading zeros are not allowed", offset: index - 1)
            }
            if expectation == .endOfInput {
                return ParseFailure(
                    reason: .trailingContent,
                    message: "unexpected \(describeToken(at: index)) after the end of the JSON value", offset: index)
            }
            return ParseFailure(
                reason: .syntax,
                message: "unexpected \(describeToken(at: index)): expected \(describe(expectation))", offset: index)
        }
    }

    func skipWhitespace(from start: Int) -> Int {
        var index = start
        while index < source.count {
            switch source[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return index
            }
        }
        return index
    }

    func startsValue(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"),
            UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
            return true
        default:
            return false
        }
    }

    func describe(_ expectation: Expectation) -> String {
        switch expectation {
        case .value: return "a value"
        case .valueOrArrayEnd: return "a value or ']'"
        case .keyOrObjectEnd: return "a string key or '}'"
        case .key: return "a string key"
        case .colon: return "':' after the object key"
        case .commaOrArrayEnd: return "',' or ']' after the array element"
        case .commaOrObjectEnd: return "',' or '}' after the object member"
        case .endOfInput: return "the end of input"
        }
    }

    func describeToken(at index: Int) -> String {
        let byte = source[index]
        switch byte {
        case UInt8(ascii: "\""): return "string"
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return "number"
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "_"):
            var end = index
            while end < source.count, end - index < ErrorLocator.descriptionLookahead, ErrorLocator.isWordByte(source[end]) {
                end += 1
            }
            return "'\(String(decoding: source[index..<end], as: UTF8.self))'"
        case 0x20...0x7E:
            return "'\(Character(Unicode.Scalar(byte)))'"
        case 0x80...0xFF:
            let length = UTF8Validation.sequenceLength(source, at: index)
            if length == 0 { return "invalid UTF-8 byte 0x\(StringDecoding.hex(byte))" }
            let text = String(decoding: source[index..<index + length], as: UTF8.self)
            let scalar = text.unicodeScalars.first!
            return "character '\(text)' (U+\(String(scalar.value, radix: 16, uppercase: true)))"
        default:
            return "control character U+00\(StringDecoding.hex(byte))"
        }
    }

    func endOfInputFailure(at offset: Int, expecting expectation: Expectation) -> ParseFailure {
        if openStarts.isEmpty && expectation == .value {
            let onlyWhitespace = skipWhitespace(from: documentStart) >= source.count
            return ParseFailure(
                reason: onlyWhitespace ? .emptyDocument : .unexpectedEndOfInput,
                message: onlyWhitespace ? "no JSON value (the input is empty)" : "unexpected end of input: expected a value",
                offset: offset)
        }
        var related: ParseFailure.Related?
        if let start = openStarts.last, let isObject = openIsObject.last {
            related = ParseFailure.Related(role: isObject ? .unclosedObject : .unclosedArray, offset: start)
        }
        return ParseFailure(
            reason: .unexpectedEndOfInput, message: "unexpected end of input: expected \(describe(expectation))",
            offset: offset, related: related)
    }

    /// A token that may start here but is malformed: find the exact byte.
    func tokenFailure(at start: Int) -> ParseFailure {
        let byte = source[start]
        if byte == UInt8(ascii: "\"") { return stringFailure(at: start) }
        if byte == UInt8(ascii: "-") || NumberLiteral.isDigit(byte) { return numberFailure(at: start) }
        if byte == UInt8(ascii: "t") || byte == UInt8(ascii: "f") || byte == UInt8(ascii: "n") {
            return literalFailure(at: start)
        }
        return ParseFailure(reason: .syntax, message: "unexpected \(describeToken(at: start))", offset: start)
    }

    func stringFailure(at start: Int) -> ParseFailure {
        var index = start + 1
        while index < source.count {
            let byte = source[index]
            if byte == UInt8(ascii: "\"") { break }
            if byte < 0x20 {
                let name: String
                switch byte {
                case 0x0A: name = "line break (write \\n)"
                case 0x0D: name = "carriage return (write \\r)"
                case 0x09: name = "tab (write \\t)"
                default: name = "control character U+00\(StringDecoding.hex(byte)) (write \\u00\(StringDecoding.hex(byte)))"
                }
                return ParseFailure(
                    reason: .invalidToken, message: "unescaped \(name) inside a string", offset: index)
            }
            if byte == UInt8(ascii: "\\") {
                guard index + 1 < source.count else { break }
                let escape = source[index + 1]
                if escape == UInt8(ascii: "u") {
                    if StringDecoding.hexQuad(source, at: index + 2) == nil {
                        // Undecided only while every digit so far is hex and
                        // more may come; a non-hex one decides it now.
                        let digits = UnsafeRawBufferPointer(rebasing: source[(index + 2)..<min(index + 6, source.count)])
                        if index + 6 > source.count && !inputComplete && digits.allSatisfy(StringDecoding.isHexDigit) { break }
                        return ParseFailure(
                            reason: .invalidToken, message: "\\u must be followed by four hexadecimal digits",
                            offset: index)
                    }
                    index += 6
                    continue
                }
                if !"\"\\/bfnrt".utf8.contains(escape) {
                    let shown = escape >= 0x20 && escape < 0x7F ? String(Character(Unicode.Scalar(escape))) : "0x\(StringDecoding.hex(escape))"
                    return ParseFailure(
                        reason: .invalidToken, message: "invalid escape sequence '\\\(shown)' in a string",
                        offset: index)
                }
                index += 2
                continue
            }
            if byte >= 0x80 {
                let length = UTF8Validation.sequenceLength(source, at: index)
                if length == 0 {
                    return ParseFailure(
                        reason: .invalidUTF8, message: "invalid UTF-8 byte 0x\(StringDecoding.hex(byte)) in string",
                        offset: index)
                }
                index += length
                continue
            }
            index += 1
        }
        if index >= source.count {
            return ParseFailure(
                reason: .unexpectedEndOfInput, message: "unexpected end of input inside a string (no closing quote)",
                offset: source.count, related: ParseFailure.Related(role: .unterminatedString, offset: start))
        }
        return ParseFailure(reason: .invalidToken, message: "malformed string", offset: start)
    }

    func numberFailure(at start: Int) -> ParseFailure {
        var index = start
        func digits() -> Int {
            let from = index
            while index < source.count, NumberLiteral.isDigit(source[index]) { index += 1 }
            return index - from
        }
        func malformed(_ what: String) -> ParseFailure {
            if index >= source.count {
                return ParseFailure(
                    reason: .unexpectedEndOfInput, message: "unexpected end of input inside a number: \(what)",
                    offset: index)
            }
            return ParseFailure(
                reason: .invalidToken, message: "malformed number: \(what), found \(describeToken(at: index))",
                offset: index)
        }
        if source[index] == UInt8(ascii: "-") { index += 1 }
        if index < source.count, source[index] == UInt8(ascii: "0") {
            index += 1
            if index < source.count, NumberLiteral.isDigit(source[index]) {
                return ParseFailure(
                    reason: .invalidToken, message: "malformed number: leading zeros are not allowed", offset: index)
            }
        } else if digits() == 0 {
            return malformed("expected a digit")
        }
        if index < source.count, source[index] == UInt8(ascii: ".") {
            index += 1
            if digits() == 0 { return malformed("expected a digit after the decimal point") }
        }
        if index < source.count, source[index] == UInt8(ascii: "e") || source[index] == UInt8(ascii: "E") {
            index += 1
            if index < source.count, source[index] == UInt8(ascii: "+") || source[index] == UInt8(ascii: "-") { index += 1 }
            if digits() == 0 { return malformed("expected a digit in the exponent") }
        }
        // The number itself is fine; what follows it is not.
        let resumeAt = index
        let innermost = openIsObject.last
        return locate(from: resumeAt, expecting: ErrorLocator.expectation(after: .value, innermostIsObject: innermost))
    }

    func literalFailure(at start: Int) -> ParseFailure {
        let candidates = ["true", "false", "null"]
        for word in candidates where word.utf8.first == source[start] {
            var index = start
            for expected in word.utf8 {
                guard index < source.count else {
                    return ParseFailure(
                        reason: .unexpectedEndOfInput, message: "unexpected end of input inside '\(word)'", offset: index)
                }
                if source[index] != expected {
                    return ParseFailure(
                        reason: .invalidToken,
                        message: "invalid literal \(describeToken(at: start)) (did you mean '\(word)'?)", offset: start)
                }
                index += 1
            }
            // The literal is complete; what follows it is wrong.
            return locate(from: index, expecting: ErrorLocator.expectation(after: .value, innermostIsObject: openIsObject.last))
        }
        return ParseFailure(reason: .syntax, message: "unexpected \(describeToken(at: start))", offset: start)
    }
}
