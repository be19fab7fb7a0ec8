/// A structural event of a JSON text being parsed incrementally.
public struct JSONStreamEvent: Sendable, Hashable {
    /// What happened.
    public enum Kind: Sendable, Hashable {
        case beginObject
        case endObject
        case beginArray
        case endArray
        /// A string, number, `true`, `false` or `null` completed.
        case scalar
    }

    /// What happened.
    public var kind: Kind
    /// Where: the pointer to the container or scalar concerned.
    public var path: JSONPointer
    /// The bytes of the token (for containers that ended, the whole container).
    public var span: SourceSpan
    /// The completed value, for ``Kind/scalar`` events.
    public var value: JSONValue?

    public init(kind: Kind, path: JSONPointer, span: SourceSpan, value: JSONValue? = nil) {
        self.kind = kind
        self.path = path
        self.span = span
        self.value = value
    }
}
