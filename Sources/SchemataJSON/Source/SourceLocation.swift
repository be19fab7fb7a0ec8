/// A position in a JSON text: a byte offset and the 1-based line and column
/// it falls on. Columns count Unicode scalars from the start of the line.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Zero-based byte offset into the document.
    public var offset: Int
    /// 1-based line number.
    public var line: Int
    /// 1-based column, in Unicode scalars.
    public var column: Int

    public init(offset: Int, line: Int, column: Int) {
        self.offset = offset
        self.line = line
        self.column = column
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        lhs.offset < rhs.offset
    }

    /// `line:column`.
    public var description: String { "\(line):\(column)" }
}

/// A half-open byte range of a JSON text, as stored per node on the tape.
public struct SourceSpan: Sendable, Hashable {
    /// Offset of the first byte of the value (its opening quote or bracket).
    public var start: UInt32
    /// Offset just past the last byte of the value.
    public var end: UInt32

    @inlinable
    public init(start: UInt32, end: UInt32) {
        self.start = start
        self.end = end
    }

    /// The span as a range of byte offsets.
    public var range: Range<Int> { Int(start)..<Int(end) }
}

/// A located range: where a value starts and ends, with lines and columns.
public struct SourceRange: Sendable, Hashable, CustomStringConvertible {
    public var start: SourceLocation
    public var end: SourceLocation

    public init(start: SourceLocation, end: SourceLocation) {
        self.start = start
        self.end = end
    }

    /// `line:column-line:column`.
    public var description: String { "\(start)-\(end)" }
}
