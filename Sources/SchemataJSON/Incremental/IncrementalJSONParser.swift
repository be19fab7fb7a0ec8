/// Parses JSON that arrives in pieces (server-sent-event deltas, sockets).
///
/// ```swift
/// let parser = IncrementalJSONParser()
/// for try await delta in deltas {
///     let events = try parser.feed(delta)
///     render(parser.snapshot.value)        // the partial document so far
/// }
/// let document = try parser.finish()
/// ```
///
/// The cost of each ``feed(_:)`` is proportional to the bytes fed, never to
/// the document so far, and taking a ``snapshot`` is O(1): it is a view
/// of the parser's append-only tape, not a copy. The result of a document fed
/// in any split is exactly the whole-document result, errors included.
///
/// Not thread-safe: feed a parser from one task at a time.
public final class IncrementalJSONParser {
    // The class is not thread-safe by contract (see above), so the runtime's
    // dynamic exclusivity checks on these hot properties are dropped.
    private let session: YajlSession<TapeBuilder>
    private let options: JSONParseOptions
    /// Everything fed so far (a plain buffer: appends of a few bytes must
    /// cost a few stores, not a generic array append).
    @exclusivity(unchecked) private var source = ByteBuffer()
    @exclusivity(unchecked) private var bodyStart = 0
    @exclusivity(unchecked) private var checkedPreamble = false
    @exclusivity(unchecked) private var error: JSONParseError?
    @exclusivity(unchecked) private var failed = false
    @exclusivity(unchecked) private var document: JSONDocument?
    @exclusivity(unchecked) private var finished = false
    private let collectsEvents: Bool
    @exclusivity(unchecked) private var scanner = TokenBoundaryScanner()
    /// How much of `source` has been handed to yajl.
    @exclusivity(unchecked) private var handedToYajl = 0
    /// How many times yajl was called (for tests of the hand-over policy).
    @exclusivity(unchecked) private(set) var yajlCalls = 0
    /// A syntax error found but not yet reported: where it is, until the
    /// token its message names has arrived (see
    /// ``ParseFailure/describesFollowingBytes``).
    @exclusivity(unchecked) private var pendingSyntaxErrorOffset: Int?
    /// The token still arriving after the last feed, if any.
    @exclusivity(unchecked) private var inFlight: InFlightToken?
    /// The latest in-flight string's decoded prefix, for snapshots.
    @exclusivity(unchecked) private var inFlightDecoder = InFlightStringDecoder()

    /// A parser with these options. With `collectsEvents`, each ``feed(_:)``
    /// returns the structural events it completed, with their paths.
    public init(options: JSONParseOptions = JSONParseOptions(), collectsEvents: Bool = false) {
        self.options = options
        self.collectsEvents = collectsEvents
        self.session = YajlSession(
            TapeBuilder(options: options, splitsRoots: false, tracksPath: true, collectsEvents: collectsEvents),
            allowsMultipleValues: false)
    }

    deinit {
        source.deallocate()
    }

    /// The number of bytes fed so far.
    public var bytesFed: Int { source.count }

    /// Whether a complete top-level value has been read (more input may
    /// still follow: whitespace, or an error).
    public var hasCompleteValue: Bool { session.builder.pointee.rootsCompleted > 0 }

    /// Feeds the next piece. Returns the events it completed (empty unless
    /// the parser collects events).
    @discardableResult
    public func feed(_ bytes: UnsafeRawBufferPointer) throws(JSONParseError) -> [JSONStreamEvent] {
        // Flags, not the optionals themselves, on the per-feed path.
        if failed, let error { throw error }
        guard !finished else {
            throw JSONParseError(
                reason: .trailingContent, message: "input fed after finish()",
                location: SourceLocation(offset: source.count, line: 1, column: 1))
        }
        let chunkStart = source.count
        if chunkStart + bytes.count > options.effectiveMaximumDocumentSize {
            let limit = options.effectiveMaximumDocumentSize
            return try fail(
                JSONParseError(
                    reason: .documentTooLarge(limit: limit),
                    message: "document is larger than the limit of \(limit) bytes",
                    location: SourceLocation(offset: limit, line: 1, column: 1)))
        }
        source.append(bytes)
        if let offset = pendingSyntaxErrorOffset {
            if ErrorLocator.describedTokenIsComplete(in: source.bytes, at: offset) {
                try reportPendingSyntaxError(inputComplete: false)
            }
            return []
        }
        if !checkedPreamble {
            // Wait for three bytes before deciding about a byte order mark.
            if source.count < 3 && [0xEF, 0xBB, 0xBF].starts(with: source.bytes) { return [] }
            checkedPreamble = true
            if source.bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
                guard options.allowsByteOrderMark else {
                    return try fail(
                        JSONParseError(
                            reason: .syntax, message: "unexpected byte order mark (U+FEFF) at the start of the document",
                            location: SourceLocation(offset: 0, line: 1, column: 1)))
                }
                bodyStart = 3
            }
        }
        if handedToYajl < bodyStart { handedToYajl = bodyStart }
        let all = source.bytes
        scanner.scan(all)
        let end = scanner.safeEnd(textLength: all.count)
        if end > handedToYajl {
            yajlCalls += 1
            let chunk = UnsafeRawBufferPointer(rebasing: all[handedToYajl..<end])
            let clean = session.parsesCleanly(chunk: chunk, base: handedToYajl, source: all)
            handedToYajl = end
            if !clean, let failure = session.builder.pointee.cursor.failure {
                if failure.describesFollowingBytes && !ErrorLocator.describedTokenIsComplete(in: all, at: failure.offset) {
                    // The unexpected token may go on past what has arrived:
                    // report it once its description cannot change (at most
                    // a word's or a character's bytes later).
                    pendingSyntaxErrorOffset = failure.offset
                    return collectsEvents ? takeEvents() : []
                }
                return try fail(failure.error(in: all))
            }
        }
        trackInFlight()
        return collectsEvents ? takeEvents() : []
    }

    /// Feeds the next piece.
    @discardableResult
    public func feed(_ bytes: [UInt8]) throws(JSONParseError) -> [JSONStreamEvent] {
        try withRawBytes(bytes) { raw throws(JSONParseError) in try feed(raw) }
    }

    /// Feeds the next piece of text.
    @discardableResult
    public func feed(_ text: String) throws(JSONParseError) -> [JSONStreamEvent] {
        try feed(Array(text.utf8))
    }

    /// Ends the input and returns the complete document.
    public func finish() throws(JSONParseError) -> JSONDocument {
        if let error { throw error }
        if let document { return document }
        if pendingSyntaxErrorOffset != nil { try reportPendingSyntaxError(inputComplete: true) }
        if !checkedPreamble {
            checkedPreamble = true
            if source.bytes.starts(with: [0xEF, 0xBB, 0xBF]) && options.allowsByteOrderMark { bodyStart = 3 }
        }
        if handedToYajl < bodyStart { handedToYajl = bodyStart }
        if handedToYajl < source.count {
            let start = handedToYajl
            handedToYajl = source.count
            yajlCalls += 1
            let all = source.bytes
            if let failure = session.parse(chunk: UnsafeRawBufferPointer(rebasing: all[start...]), base: start, source: all) {
                try fail(failure.error(in: all))
            }
        }
        if let failure = session.complete(source: source.bytes) {
            try fail(failure.error(in: source.bytes))
        }
        inFlight = nil
        let builder = session.builder.pointee
        let result = JSONDocument(nodes: builder.nodes, spans: builder.spans, arena: builder.arena)
        document = result
        finished = true
        return result
    }

    /// Ends the input and returns the complete value.
    public func finishValue() throws(JSONParseError) -> JSONValue {
        try finish().value
    }

    /// The events completed by the last feed (and clears them).
    public func takeEvents() -> [JSONStreamEvent] {
        guard collectsEvents, session.builder.pointee.events?.isEmpty == false else { return [] }
        let events = session.builder.pointee.events!
        session.builder.pointee.events!.removeAll(keepingCapacity: true)
        return events
    }

    /// A view of the document so far, including the string or number that is
    /// still arriving. O(1) to take (it shares the parser's append-only
    /// storage); see ``PartialJSON``.
    public var snapshot: PartialJSON {
        let builder = session.builder
        let depth = builder.pointee.open.count
        var innermostArrayCount = -1
        var complete = finished
        if depth > 0 {
            if !builder.pointee.open[depth - 1].isObject { innermostArrayCount = Int(builder.pointee.open[depth - 1].count) }
        } else if builder.pointee.rootsCompleted > 0 {
            complete = true
        }
        return PartialJSON(
            parser: self, nodeCount: builder.pointee.nodes.count, openLink: builder.pointee.openLink,
            innermostSlot: builder.pointee.innermostSlot, innermostArrayCount: innermostArrayCount,
            lastEventIsKey: builder.pointee.lastEvent == .key, inFlight: inFlight,
            sourceEnd: source.count, isComplete: complete)
    }

    /// The arena and source, for snapshots.
    var arena: [UInt8] { session.builder.pointee.arena }
    var nodes: [TapeNode] { session.builder.pointee.nodes }
    var pathLog: OpenPathLog { session.builder.pointee.pathLog }

    func sourceText(_ range: Range<Int>) -> String {
        String(decoding: source.bytes[range], as: UTF8.self)
    }

    /// Describes the pending syntax error from all the text now at hand
    /// and throws it.
    private func reportPendingSyntaxError(inputComplete: Bool) throws(JSONParseError) {
        pendingSyntaxErrorOffset = nil
        let all = source.bytes
        let failure = session.relocateSyntaxError(source: all, inputComplete: inputComplete)
            ?? ParseFailure(reason: .syntax, message: "invalid JSON", offset: all.count)
        try fail(failure.error(in: all))
    }

    @discardableResult
    private func fail(_ error: JSONParseError) throws(JSONParseError) -> [JSONStreamEvent] {
        self.error = error
        failed = true
        throw error
    }

    /// Records the token still arriving (held back from yajl) so that
    /// snapshots can show it. Nothing is decoded here: a snapshot decodes an
    /// in-flight string only when it is read.
    private func trackInFlight() {
        guard scanner.state != .between, !scanner.sawInvalidStringByte else {
            inFlight = nil
            return
        }
        let start = scanner.tokenStart
        if let current = inFlight, current.start == start { return }
        let kind: InFlightToken.Kind
        switch scanner.state {
        case .string, .stringEscape:
            let builder = session.builder
            let inObject = builder.pointee.open.last?.isObject == true
            kind = inObject && builder.pointee.lastEvent != .key ? .key : .string
        case .number:
            kind = .number
        default:
            kind = .literal
        }
        inFlight = InFlightToken(kind: kind, start: start)
    }

    /// The decoded text so far of the in-flight string starting at `start`,
    /// as the first `end` bytes of the input show it.
    func inFlightText(ofStringAt start: Int, upTo end: Int) -> String {
        inFlightDecoder.text(ofStringAt: start, upTo: min(end, source.count), in: source.bytes)
    }
}
