/// A short, single-line excerpt of a JSON text with a caret under one column,
/// for error messages:
///
///     {"name": "Ada", "age": 3x}
///                             ^
public struct SourceExcerpt: Sendable, Hashable, CustomStringConvertible {
    /// The (possibly shortened) line text; control characters are shown as
    /// spaces so that the caret stays aligned.
    public var text: String
    /// 0-based position of the caret within `text`, in characters.
    public var caretColumn: Int

    /// The widest excerpt, in characters, kept around the caret.
    static let maximumWidth = 72

    /// Cuts an excerpt around `location` out of `index`'s text.
    public init(index: LineIndex, location: SourceLocation) {
        let line = index.lineText(containing: location.offset)
        var scalars = Array(line.unicodeScalars).map { scalar -> Unicode.Scalar in
            scalar.value < 0x20 || scalar.value == 0x7F ? " " : scalar
        }
        var caret = min(location.column - 1, scalars.count)
        let width = SourceExcerpt.maximumWidth
        if scalars.count > width {
            // Keep a window of `width` scalars with the caret inside it.
            let start = max(0, min(caret - width / 2, scalars.count - width))
            let end = min(scalars.count, start + width)
            var window = Array(scalars[start..<end])
            if start > 0 { window.replaceSubrange(0..<1, with: ["…"]) }
            if end < scalars.count { window[window.count - 1] = "…" }
            scalars = window
            caret -= start
        }
        var text = ""
        text.unicodeScalars.append(contentsOf: scalars)
        self.text = text
        self.caretColumn = caret
    }

    /// The line, a newline, and a caret line.
    public var description: String {
        text + "\n" + String(repeating: " ", count: caretColumn) + "^"
    }
}
