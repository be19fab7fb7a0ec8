/// The kind of one node on a ``JSONDocument`` tape.
public enum TapeKind: UInt8, Sendable, Hashable {
    case null
    case `false`
    case `true`
    /// A canonical integer literal that fits in `Int64`; the value is in the
    /// node's payload.
    case integer
    /// Any other number; its literal text is in the string arena.
    case decimal
    case string
    /// An object member name; the member's value node follows it.
    case key
    case array
    case object
}

/// One node of a ``JSONDocument`` tape: 16 bytes, no references.
///
/// | kind              | `length`                 | `payload`                          |
/// |-------------------|--------------------------|------------------------------------|
/// | null, true, false | 0                        | 0                                  |
/// | integer           | 0                        | the `Int64` bit pattern            |
/// | decimal           | literal length in bytes  | arena offset of the literal        |
/// | string, key       | UTF-8 length in bytes    | arena offset of the decoded string |
/// | array, object     | element / member count   | index just past the subtree        |
public struct TapeNode: Sendable, Hashable {
    /// What the node is.
    public var kind: TapeKind
    /// Flags; see ``TapeNode/shadowedFlag``.
    public var flags: UInt8
    /// See the table above.
    public var length: UInt32
    /// See the table above.
    public var payload: UInt64

    /// Set on a key (and so its member) hidden by a later duplicate under
    /// ``JSONParseOptions/DuplicateKeyPolicy/keepLast``.
    public static let shadowedFlag: UInt8 = 1

    /// Payload of an array or object whose end has not been seen yet.
    static let openSentinel = UInt64.max

    @inlinable
    public init(kind: TapeKind, flags: UInt8 = 0, length: UInt32 = 0, payload: UInt64 = 0) {
        self.kind = kind
        self.flags = flags
        self.length = length
        self.payload = payload
    }

    /// Whether this node is a member hidden by a later duplicate.
    @inlinable
    public var isShadowed: Bool { flags & TapeNode.shadowedFlag != 0 }
}
