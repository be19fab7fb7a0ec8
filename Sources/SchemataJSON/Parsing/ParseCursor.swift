import CYajl

/// The kind of the last event yajl reported; it tells the error locator what
/// may come next.
enum ParseEvent: Equatable {
    case none, containerStart, key, value
}

/// A failure found inside a callback (or by the error locator), turned into
/// a located ``JSONParseError`` once the source is at hand.
struct ParseFailure {
    /// A second place a failure message refers to.
    struct Related {
        enum Role { case firstDefinition, unclosedArray, unclosedObject, unterminatedString }
        var role: Role
        var offset: Int
    }

    var reason: JSONParseError.Reason
    var message: String
    var offset: Int
    /// Another place the message refers to, and how.
    var related: Related? = nil
    /// Whether the message names the token at `offset` as the text shows
    /// it (a syntax error: `unexpected 'versio…'`, a multi-byte character):
    /// a streaming parser reports it once that token has fully arrived (see
    /// ``ErrorLocator/describedTokenIsComplete(in:at:)``) or the input has
    /// ended, so that the message is the one the whole text gives.
    var describesFollowingBytes = false
}

/// Where yajl is in the text, shared by the tape and value builders.
///
/// Offsets are absolute: `source` covers every byte seen so far, and the
/// chunk handed to `yajl_parse` starts at `chunkBase`. yajl only reports how
/// far into the current chunk it has read (just past the token that fired the
/// callback); token starts are derived from that.
struct ParseCursor {
    var handle: yajl_handle?
    var source = UnsafeRawBufferPointer(start: nil, count: 0)
    var chunkStart: UnsafeRawPointer?
    var chunkBase = 0
    var chunkLength = 0
    var lastEventEnd = 0
    var lastEvent: ParseEvent = .none
    var failure: ParseFailure? {
        didSet { hasFailed = failure != nil }
    }
    /// Whether `failure` is set (a flag, so that the per-chunk check does not
    /// copy the optional).
    private(set) var hasFailed = false

    /// The absolute offset just past the token that fired the current callback.
    @inline(__always)
    func tokenEnd() -> Int {
        let consumed = Int(yajl_get_bytes_consumed(handle))
        return min(chunkBase + consumed, source.count)
    }

    /// Whether `pointer` points into the chunk being parsed (so a string
    /// callback's bytes are the raw token, with no escapes).
    @inline(__always)
    func isInChunk(_ pointer: UnsafeRawPointer) -> Bool {
        guard let chunkStart else { return false }
        return pointer >= chunkStart && pointer < chunkStart + chunkLength
    }

    /// The offset of the opening quote of a string that ends at `end`: the
    /// first `"` after the last event (only whitespace, `,` and `:` can come
    /// between).
    func openingQuote(before end: Int) -> Int {
        var index = lastEventEnd
        while index < end, source[index] != UInt8(ascii: "\"") { index += 1 }
        return index
    }

    /// Records the first failure.
    mutating func fail(_ reason: JSONParseError.Reason, _ message: String, at offset: Int, related: ParseFailure.Related? = nil) {
        if failure == nil {
            failure = ParseFailure(reason: reason, message: message, offset: offset, related: related)
        }
    }

    /// For a string whose bytes yajl handed over raw (``isInChunk(_:)``:
    /// no escapes, so they are the decoded text): checks their UTF-8 and
    /// returns the token's start, or `nil` after recording a failure.
    mutating func checkRawString(_ pointer: UnsafeRawPointer, _ length: Int) -> Int? {
        let contentStart = chunkBase + (pointer - chunkStart!)
        let raw = UnsafeRawBufferPointer(start: pointer, count: length)
        if let bad = UTF8Validation.firstInvalidOffset(raw) {
            fail(.invalidUTF8, "invalid UTF-8 byte 0x\(StringDecoding.hex(raw[bad])) in string", at: contentStart + bad)
            return nil
        }
        return contentStart - 1
    }

    /// A string token's text in the source, and where its opening quote is.
    struct SourceString {
        var text: UnsafeRawBufferPointer
        var quote: Int
    }

    /// The source text between the quotes of the string token that just
    /// ended, and where its opening quote is.
    @inline(__always)
    func sourceString() -> SourceString {
        let end = tokenEnd()
        let quote = openingQuote(before: end)
        let contentStart = quote + 1
        let contentEnd = max(contentStart, end - 1)
        return SourceString(text: UnsafeRawBufferPointer(rebasing: source[contentStart..<contentEnd]), quote: quote)
    }

    /// The source text of the string token that just ended, when it holds
    /// no escape: then it is as long as the `length` yajl reported (each
    /// escape is longer than what it stands for), and its bytes are the
    /// text. yajl hands over the first token of each call from its own
    /// buffer rather than the input, so the streaming parser, which calls
    /// yajl once per completed token, comes here once per call.
    @inline(__always)
    func unescapedSourceText(ofStringOfLength length: Int) -> SourceString? {
        let string = sourceString()
        return string.text.count == length ? string : nil
    }

    /// Checks the UTF-8 of a string's source text (no escapes) and returns
    /// the token's start, or `nil` after recording a failure.
    mutating func checkSourceString(_ string: SourceString) -> Int? {
        if let bad = UTF8Validation.firstInvalidOffset(string.text) {
            fail(.invalidUTF8, "invalid UTF-8 byte 0x\(StringDecoding.hex(string.text[bad])) in string", at: string.quote + 1 + bad)
            return nil
        }
        return string.quote
    }

    /// Validates or decodes the string token whose callback gave `pointer`
    /// and `length`, appending its UTF-8 to `output`. Returns the token's
    /// start offset, or `nil` after recording a failure.
    mutating func decodeString(_ pointer: UnsafeRawPointer, _ length: Int, into output: inout [UInt8]) -> Int? {
        if isInChunk(pointer) {
            // yajl handed over the raw bytes: no escapes. Validate and copy.
            guard let start = checkRawString(pointer, length) else { return nil }
            output.append(contentsOf: UnsafeRawBufferPointer(start: pointer, count: length).assumingMemoryBound(to: UInt8.self))
            return start
        }
        // From yajl's buffer: the source bytes as they are when they hold no
        // escape (see ``unescapedSourceText(ofStringOfLength:)``); else decode
        // the raw token ourselves, since yajl's decoding of surrogates is wrong.
        let string = sourceString()
        if string.text.count == length {
            guard let start = checkSourceString(string) else { return nil }
            output.append(contentsOf: string.text.assumingMemoryBound(to: UInt8.self))
            return start
        }
        let contentStart = string.quote + 1
        do {
            try StringDecoding.decode(string.text, into: &output)
        } catch {
            let reason: JSONParseError.Reason
            switch error.kind {
            case .invalidUTF8: reason = .invalidUTF8
            case .loneSurrogate: reason = .loneSurrogate
            case .invalidEscape: reason = .invalidToken
            }
            fail(reason, error.detail, at: contentStart + error.offset)
            return nil
        }
        return string.quote
    }

    /// Checks a number literal's exponent; records a failure when it is out
    /// of range.
    mutating func checkNumber(_ text: UnsafeRawBufferPointer, start: Int) -> Bool {
        if NumberLiteral.exponentInRange(text) { return true }
        fail(
            .numberOutOfRange,
            "number exponent out of range (its magnitude must be at most \(DecimalNumber.maximumExponentMagnitude))",
            at: start)
        return false
    }

    /// The failure for exceeding the depth limit at `start`.
    mutating func failDepth(limit: Int, at start: Int) {
        fail(.depthLimitExceeded(limit: limit), "nesting deeper than the limit of \(limit) levels", at: start)
    }
}

/// A builder that yajl's callbacks drive (the tape or the value tree).
protocol YajlEventHandler {
    var cursor: ParseCursor { get set }
    /// Start offsets of the open containers, outermost first.
    var openContainerStarts: [Int] { get }
    /// Whether each open container is an object.
    var openContainerIsObject: [Bool] { get }
    /// The C callbacks table for this builder type.
    static var callbacks: yajl_callbacks { get }
}
