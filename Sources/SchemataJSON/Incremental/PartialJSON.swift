/// A snapshot of a document that is still arriving.
///
/// Taking one is O(1): it records how much of the parser's append-only
/// tape existed and which containers were open. ``value`` materialises the
/// partial document (O(size)); ``path`` is O(depth); ``inFlightString``
/// decodes the string so far when read (reading every snapshot of one
/// growing string decodes each of its bytes once).
///
/// A snapshot reads the parser's storage, so it is not `Sendable`; send its
/// ``value`` instead. It stays valid after later feeds (it keeps showing the
/// document as it was), with one exception: under
/// ``JSONParseOptions/DuplicateKeyPolicy/keepLast``, a member that a later
/// duplicate replaces disappears from older snapshots too.
public struct PartialJSON {
    /// The kind of token still arriving at the end of the input.
    public enum InFlightKind: Sendable, Hashable {
        /// A string value; its decoded prefix is visible.
        case string
        /// An object key (not shown in ``PartialJSON/value``).
        case key
        /// A number; its text so far is visible.
        case number
        /// `true`, `false` or `null`, incomplete.
        case literal
    }

    let parser: IncrementalJSONParser
    /// Tape nodes that existed when the snapshot was taken.
    public let nodeCount: Int
    /// The innermost open container's link in the parser's path log.
    let openLink: Int
    let innermostSlot: Int
    let innermostArrayCount: Int
    let lastEventIsKey: Bool
    let pending: InFlightToken?
    let sourceEnd: Int
    /// Whether the top-level value is complete.
    public let isComplete: Bool

    init(
        parser: IncrementalJSONParser, nodeCount: Int, openLink: Int, innermostSlot: Int, innermostArrayCount: Int,
        lastEventIsKey: Bool, inFlight: InFlightToken?, sourceEnd: Int, isComplete: Bool
    ) {
        self.parser = parser
        self.nodeCount = nodeCount
        self.openLink = openLink
        self.innermostSlot = innermostSlot
        self.innermostArrayCount = innermostArrayCount
        self.lastEventIsKey = lastEventIsKey
        self.pending = inFlight
        self.sourceEnd = sourceEnd
        self.isComplete = isComplete
    }

    /// The kind of the token still arriving, if the input ends inside one.
    public var inFlightKind: InFlightKind? {
        guard let pending else { return nil }
        switch pending.kind {
        case .string: return .string
        case .key: return .key
        case .number: return .number
        case .literal: return .literal
        }
    }

    /// How deeply the input is nested at its end.
    public var depth: Int { parser.pathLog.depth(at: openLink) }

    /// The decoded text so far of an in-flight string or key (whole
    /// characters only), or `nil`.
    public var inFlightString: String? {
        guard let pending, pending.isString else { return nil }
        return parser.inFlightText(ofStringAt: pending.start, upTo: sourceEnd)
    }

    /// The text so far of an in-flight number, or `nil`.
    public var inFlightNumberText: String? {
        guard let pending, pending.kind == .number else { return nil }
        return parser.sourceText(pending.start..<sourceEnd)
    }

    /// The in-flight scalar as a value: the string so far, or the longest
    /// prefix of the number text that is a number (`"12."` shows as 12).
    public var inFlightValue: JSONValue? {
        guard let kind = inFlightKind else { return nil }
        switch kind {
        case .string:
            return inFlightString.map(JSONValue.string)
        case .number:
            var text = Substring(inFlightNumberText ?? "")
            while !text.isEmpty {
                if let number = JSONNumber(text: String(text)) { return .number(number) }
                text.removeLast()
            }
            return nil
        case .key, .literal:
            return nil
        }
    }

    /// The pointer to where the input currently ends: the in-flight value's
    /// location, or else the innermost open container.
    public var path: JSONPointer {
        var tokens = parser.pathLog.tokens(at: openLink, innermostSlot: innermostSlot, nodes: parser.nodes, arena: parser.arena)
        let valueInFlight = pending != nil && pending?.kind != .key
        if valueInFlight, innermostArrayCount >= 0, !tokens.isEmpty {
            tokens[tokens.count - 1] = String(innermostArrayCount)
            return JSONPointer(tokens: tokens)
        }
        if valueInFlight && lastEventIsKey {
            return JSONPointer(tokens: tokens)
        }
        return JSONPointer(tokens: Array(tokens.dropLast()))
    }

    /// The document so far: open containers closed where the input ends, the
    /// in-flight string or number included, a key still waiting for its value
    /// left out. `nil` before any value has started.
    public var value: JSONValue? {
        let tail = inFlightValue
        if nodeCount == 0 { return tail }
        let materializer = TapeMaterializer(nodes: parser.nodes, arena: parser.arena)
        return materializer.value(at: 0, limit: nodeCount, openContainers: parser.pathLog.nodes(at: openLink), tail: tail)
    }
}
