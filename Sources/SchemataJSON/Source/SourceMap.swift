/// Locates the values of a parsed document in its text.
///
/// ```swift
/// let parsed = try JSONParser().parseWithSourceMap(bytes)
/// parsed.sourceMap.range(of: try JSONPointer("/user/age"))   // 3:10-3:12
/// ```
public struct SourceMap: Sendable {
    /// The tape, with a span per node.
    public let document: JSONDocument
    /// Lines of the text.
    public let lineIndex: LineIndex

    public init(document: JSONDocument, lineIndex: LineIndex) {
        self.document = document
        self.lineIndex = lineIndex
    }

    /// The byte span of the value at `pointer`, or `nil` if there is none.
    public func span(of pointer: JSONPointer) -> SourceSpan? {
        document.index(of: pointer).map { document.span(at: $0) }
    }

    /// The located range of the value at `pointer`.
    public func range(of pointer: JSONPointer) -> SourceRange? {
        span(of: pointer).map { lineIndex.range(of: $0) }
    }

    /// Where the value at `pointer` starts.
    public func location(of pointer: JSONPointer) -> SourceLocation? {
        span(of: pointer).map { lineIndex.location(ofOffset: Int($0.start)) }
    }

    /// The range of the member name for an object member's pointer (useful
    /// for pointing at a key, e.g. an unknown keyword), or `nil` when the
    /// pointer does not name an object member.
    public func keyRange(of pointer: JSONPointer) -> SourceRange? {
        guard let valueIndex = document.index(of: pointer), valueIndex > 0,
            document.kind(at: valueIndex - 1) == .key, let parent = pointer.parent,
            let parentIndex = document.index(of: parent), document.kind(at: parentIndex) == .object
        else { return nil }
        return lineIndex.range(of: document.span(at: valueIndex - 1))
    }

    /// The closest location for `pointer`: the value itself, or its nearest
    /// ancestor that exists (e.g. the object that lacks a required member).
    public func nearestLocation(of pointer: JSONPointer) -> SourceLocation {
        var current: JSONPointer? = pointer
        while let candidate = current {
            if let location = location(of: candidate) { return location }
            current = candidate.parent
        }
        return lineIndex.location(ofOffset: 0)
    }
}

/// A parsed value with the source map of its text.
public struct ParsedJSON: Sendable {
    /// The value.
    public var value: JSONValue
    /// Where each part of it is in the text.
    public var sourceMap: SourceMap

    public init(value: JSONValue, sourceMap: SourceMap) {
        self.value = value
        self.sourceMap = sourceMap
    }
}
