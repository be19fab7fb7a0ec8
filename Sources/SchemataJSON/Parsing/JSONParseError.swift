/// A JSON text that could not be parsed, with where and why.
///
/// `description` gives a compiler-style message:
///
///     response.json:3:15: error: unexpected '}': expected a value
///       "age": 42, }
///                  ^
public struct JSONParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Why the text was rejected.
    public enum Reason: Sendable, Hashable {
        /// Not JSON here: an unexpected token, a missing separator, etc.
        case syntax
        /// A malformed string, number or literal token.
        case invalidToken
        /// Bytes that are not valid UTF-8.
        case invalidUTF8
        /// A `\u` escape naming a lone UTF-16 surrogate.
        case loneSurrogate
        /// A member name repeated in one object.
        case duplicateKey(String)
        /// Nesting deeper than ``JSONParseOptions/maximumDepth``.
        case depthLimitExceeded(limit: Int)
        /// A document larger than ``JSONParseOptions/maximumDocumentSize``.
        case documentTooLarge(limit: Int)
        /// A number whose exponent is beyond the supported range.
        case numberOutOfRange
        /// The text ended inside a value.
        case unexpectedEndOfInput
        /// No value at all.
        case emptyDocument
        /// More text after a complete value.
        case trailingContent
    }

    /// Why.
    public var reason: Reason
    /// A one-line message a person understands.
    public var message: String
    /// Where: byte offset, line and column.
    public var location: SourceLocation
    /// The line around `location` with a caret, when the text is known.
    public var excerpt: SourceExcerpt?
    /// The file the text came from, when known.
    public var file: String?

    public init(reason: Reason, message: String, location: SourceLocation, excerpt: SourceExcerpt? = nil, file: String? = nil) {
        self.reason = reason
        self.message = message
        self.location = location
        self.excerpt = excerpt
        self.file = file
    }

    /// `file:line:column: error: message` followed by the excerpt.
    public var description: String {
        var text = "\(file ?? "<input>"):\(location.line):\(location.column): error: \(message)"
        if let excerpt {
            text += "\n" + excerpt.description
        }
        return text
    }

    /// The same error, attributed to a file.
    public func inFile(_ name: String) -> JSONParseError {
        var copy = self
        copy.file = name
        return copy
    }
}
