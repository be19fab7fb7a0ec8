/// Parses complete JSON texts with yajl.
///
/// ```swift
/// let value = try JSONParser().parse(#"{"name": "Ada", "age": 36}"#)
/// let document = try JSONParser().parseDocument(bytes)       // flat tape
/// let parsed = try JSONParser().parseWithSourceMap(bytes)    // value + positions
/// ```
///
/// Every error is a ``JSONParseError`` naming the byte offset, line and
/// column, with an excerpt. The parser is a value: configure ``options`` and
/// use it from any thread.
public struct JSONParser: Sendable {
    /// Limits and policies.
    public var options: JSONParseOptions

    public init(options: JSONParseOptions = JSONParseOptions()) {
        self.options = options
    }

    // MARK: Tape

    /// Parses one JSON text into a flat ``JSONDocument``.
    public func parseDocument(_ bytes: UnsafeRawBufferPointer) throws(JSONParseError) -> JSONDocument {
        let bodyStart = try checkPreamble(bytes)
        let session = YajlSession(tapeBuilder(), allowsMultipleValues: false)
        session.builder.pointee.reserve(forDocumentOf: bytes.count)
        let chunk = UnsafeRawBufferPointer(rebasing: bytes[bodyStart...])
        if let failure = session.parse(chunk: chunk, base: bodyStart, source: bytes) ?? session.complete(source: bytes) {
            throw failure.error(in: bytes)
        }
        let builder = session.builder.pointee
        return JSONDocument(nodes: builder.nodes, spans: builder.spans, arena: builder.arena)
    }

    /// Parses one JSON text into a flat ``JSONDocument``.
    public func parseDocument(_ bytes: [UInt8]) throws(JSONParseError) -> JSONDocument {
        try withRawBytes(bytes) { raw throws(JSONParseError) in try parseDocument(raw) }
    }

    /// Parses one JSON text into a flat ``JSONDocument``.
    public func parseDocument(_ text: String) throws(JSONParseError) -> JSONDocument {
        try parseDocument(Array(text.utf8))
    }

    // MARK: Values

    /// Parses one JSON text into a ``JSONValue``, building the tree straight
    /// from yajl's callbacks.
    public func parse(_ bytes: UnsafeRawBufferPointer) throws(JSONParseError) -> JSONValue {
        let bodyStart = try checkPreamble(bytes)
        let session = YajlSession(ValueBuilder(options: options), allowsMultipleValues: false)
        let chunk = UnsafeRawBufferPointer(rebasing: bytes[bodyStart...])
        if let failure = session.parse(chunk: chunk, base: bodyStart, source: bytes) ?? session.complete(source: bytes) {
            throw failure.error(in: bytes)
        }
        return session.builder.pointee.result
    }

    /// The value, or `nil` when the bytes are not one valid JSON text (no
    /// error is located or described: for callers that only branch on it).
    package func parseIfValid(_ bytes: UnsafeRawBufferPointer) -> JSONValue? {
        guard let bodyStart = try? checkPreamble(bytes) else { return nil }
        let session = YajlSession(ValueBuilder(options: options), allowsMultipleValues: false)
        let chunk = UnsafeRawBufferPointer(rebasing: bytes[bodyStart...])
        if session.parse(chunk: chunk, base: bodyStart, source: bytes) ?? session.complete(source: bytes) != nil { return nil }
        return session.builder.pointee.result
    }

    /// Parses one JSON text into a ``JSONValue``.
    public func parse(_ bytes: [UInt8]) throws(JSONParseError) -> JSONValue {
        try withRawBytes(bytes) { raw throws(JSONParseError) in try parse(raw) }
    }

    /// Parses one JSON text into a ``JSONValue``.
    public func parse(_ text: String) throws(JSONParseError) -> JSONValue {
        try parse(Array(text.utf8))
    }

    /// Parses one JSON text into a value together with a ``SourceMap`` that
    /// locates every value by JSON Pointer.
    public func parseWithSourceMap(_ bytes: [UInt8]) throws(JSONParseError) -> ParsedJSON {
        let document = try parseDocument(bytes)
        return ParsedJSON(value: document.value, sourceMap: SourceMap(document: document, lineIndex: LineIndex(bytes)))
    }

    /// Parses one JSON text into a value together with a ``SourceMap``.
    public func parseWithSourceMap(_ text: String) throws(JSONParseError) -> ParsedJSON {
        try parseWithSourceMap(Array(text.utf8))
    }

    // MARK: Sequences

    /// How several JSON values are laid out in one text.
    public enum Framing: Sendable, Hashable {
        /// JSON Lines: one value per line; blank lines are skipped, and an
        /// error on one line does not affect the others.
        case lines
        /// Values one after another, separated by optional whitespace. The
        /// first error ends the sequence (nothing after it can be framed).
        case concatenated
    }

    /// One value of a sequence: where it starts and what it parsed to.
    public struct SequenceElement: Sendable {
        /// 1-based line on which the value starts.
        public var line: Int
        /// Byte offset at which the value (or its line) starts.
        public var offset: Int
        /// The document, or why this element failed. Spans and error
        /// locations are those of the whole text.
        public var result: Result<JSONDocument, JSONParseError>
    }

    /// Parses several JSON values from one text.
    public func parseSequence(_ bytes: [UInt8], framing: Framing) -> [SequenceElement] {
        bytes.withUnsafeBytes { raw in
            switch framing {
            case .lines: return parseLines(raw)
            case .concatenated: return parseConcatenated(raw)
            }
        }
    }

    private func parseLines(_ bytes: UnsafeRawBufferPointer) -> [SequenceElement] {
        var elements: [SequenceElement] = []
        var lineIndex: LineIndex?
        var lineStart = 0
        var lineNumber = 1
        let count = bytes.count
        if count > options.effectiveMaximumDocumentSize {
            do {
                _ = try checkPreamble(bytes)
            } catch {
                return [SequenceElement(line: 1, offset: 0, result: .failure(error))]
            }
        }
        while lineStart <= count {
            var lineEnd = lineStart
            while lineEnd < count, bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
            var contentEnd = lineEnd
            if contentEnd > lineStart, bytes[contentEnd - 1] == UInt8(ascii: "\r") { contentEnd -= 1 }
            let blank = bytes[lineStart..<contentEnd].allSatisfy { $0 == 0x20 || $0 == 0x09 }
            if !blank {
                // Parse the line in place: offsets stay those of the file,
                // and "end of input" is the end of the line.
                let source = UnsafeRawBufferPointer(rebasing: bytes[0..<contentEnd])
                let chunk = UnsafeRawBufferPointer(rebasing: bytes[lineStart..<contentEnd])
                let session = YajlSession(tapeBuilder(), allowsMultipleValues: false, documentStart: lineStart)
                let result: Result<JSONDocument, JSONParseError>
                if let failure = session.parse(chunk: chunk, base: lineStart, source: source) ?? session.complete(source: source) {
                    if lineIndex == nil { lineIndex = LineIndex(Array(bytes)) }
                    result = .failure(failure.error(lineIndex: lineIndex!))
                } else {
                    let builder = session.builder.pointee
                    result = .success(JSONDocument(nodes: builder.nodes, spans: builder.spans, arena: builder.arena))
                }
                elements.append(SequenceElement(line: lineNumber, offset: lineStart, result: result))
            }
            if lineEnd >= count { break }
            lineStart = lineEnd + 1
            lineNumber += 1
        }
        return elements
    }

    private func parseConcatenated(_ bytes: UnsafeRawBufferPointer) -> [SequenceElement] {
        let session = YajlSession(tapeBuilder(splitsRoots: true), allowsMultipleValues: true)
        let bodyStart: Int
        do {
            bodyStart = try checkPreamble(bytes)
        } catch {
            return [SequenceElement(line: 1, offset: 0, result: .failure(error))]
        }
        let chunk = UnsafeRawBufferPointer(rebasing: bytes[bodyStart...])
        let failure = session.parse(chunk: chunk, base: bodyStart, source: bytes) ?? session.complete(source: bytes)
        let roots = session.builder.pointee.completedRoots
        var elements: [SequenceElement] = []
        elements.reserveCapacity(roots.count + 1)
        var index: LineIndex?
        for root in roots {
            let offset = Int(root.spans[0].start)
            if index == nil { index = LineIndex(Array(bytes)) }
            elements.append(SequenceElement(line: index!.location(ofOffset: offset).line, offset: offset, result: .success(root)))
        }
        // An input of only whitespace is an empty sequence, not an error.
        if let failure, failure.reason != .emptyDocument {
            let error = failure.error(in: bytes)
            elements.append(SequenceElement(line: error.location.line, offset: error.location.offset, result: .failure(error)))
        }
        return elements
    }

    // MARK: Helpers

    func tapeBuilder(splitsRoots: Bool = false) -> TapeBuilder {
        TapeBuilder(options: options, splitsRoots: splitsRoots, tracksPath: false, collectsEvents: false)
    }

    /// Checks the size limit and skips a byte order mark; returns where the
    /// JSON text starts.
    func checkPreamble(_ bytes: UnsafeRawBufferPointer) throws(JSONParseError) -> Int {
        let limit = options.effectiveMaximumDocumentSize
        if bytes.count > limit {
            throw JSONParseError(
                reason: .documentTooLarge(limit: limit),
                message: "document of \(bytes.count) bytes is larger than the limit of \(limit) bytes",
                location: SourceLocation(offset: 0, line: 1, column: 1))
        }
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            if options.allowsByteOrderMark { return 3 }
            throw JSONParseError(
                reason: .syntax, message: "unexpected byte order mark (U+FEFF) at the start of the document",
                location: SourceLocation(offset: 0, line: 1, column: 1))
        }
        return 0
    }
}

/// Calls `body` with the bytes of an array (typed-throws friendly).
@inline(__always)
func withRawBytes<R>(_ bytes: [UInt8], _ body: (UnsafeRawBufferPointer) throws(JSONParseError) -> R) throws(JSONParseError) -> R {
    let result: Result<R, JSONParseError> = bytes.withUnsafeBytes { raw in
        do throws(JSONParseError) {
            return .success(try body(raw))
        } catch {
            return .failure(error)
        }
    }
    return try result.get()
}

extension JSONValue {
    /// Parses JSON text with the default options.
    public init(parsing text: String) throws(JSONParseError) {
        self = try JSONParser().parse(text)
    }

    /// Parses JSON bytes with the default options.
    public init(parsing bytes: [UInt8]) throws(JSONParseError) {
        self = try JSONParser().parse(bytes)
    }
}
