/// Maps byte offsets of a text to 1-based lines and columns.
///
/// Built in one pass over the bytes (recording where each line starts); a
/// lookup is a binary search plus a count of scalars on that line.
public struct LineIndex: Sendable {
    /// The text the index was built over.
    public let bytes: [UInt8]
    /// Offsets at which lines start; the first is always 0.
    @usableFromInline
    let lineStarts: [Int]

    /// Indexes `bytes`. A line ends at `\n`; a `\r\n` pair counts once.
    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        bytes.withUnsafeBufferPointer { buffer in
            var index = 0
            let count = buffer.count
            while index < count {
                if buffer[index] == UInt8(ascii: "\n") {
                    starts.append(index + 1)
                } else if buffer[index] == UInt8(ascii: "\r") {
                    // A lone CR also ends a line (RFC 8259 allows it as whitespace).
                    if index + 1 >= count || buffer[index + 1] != UInt8(ascii: "\n") {
                        starts.append(index + 1)
                    }
                }
                index += 1
            }
        }
        self.lineStarts = starts
    }

    /// The number of lines.
    public var lineCount: Int { lineStarts.count }

    /// The line and column of a byte offset (clamped to the text).
    public func location(ofOffset rawOffset: Int) -> SourceLocation {
        let offset = max(0, min(rawOffset, bytes.count))
        // Last line start <= offset.
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        let lineStart = lineStarts[low]
        var column = 1
        var index = lineStart
        while index < offset {
            // Count scalars: every byte that is not a UTF-8 continuation byte.
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        return SourceLocation(offset: offset, line: low + 1, column: column)
    }

    /// The located range of a span.
    public func range(of span: SourceSpan) -> SourceRange {
        SourceRange(start: location(ofOffset: Int(span.start)), end: location(ofOffset: Int(span.end)))
    }

    /// The text of the line holding `offset`, without its line break.
    public func lineText(containing offset: Int) -> Substring {
        let location = location(ofOffset: offset)
        let start = lineStarts[location.line - 1]
        var end = location.line < lineStarts.count ? lineStarts[location.line] : bytes.count
        while end > start, bytes[end - 1] == UInt8(ascii: "\n") || bytes[end - 1] == UInt8(ascii: "\r") {
            end -= 1
        }
        return Substring(String(decoding: bytes[start..<end], as: UTF8.self))
    }
}
