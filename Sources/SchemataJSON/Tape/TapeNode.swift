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
/// | string            | UTF-8 length in bytes    | arena offset of the decoded string |
/// | key, over 8 bytes | UTF-8 length in bytes    | arena offset of the decoded name   |
/// | key, ≤ 8 bytes    | UTF-8 length in bytes    | the name's bytes themselves        |
/// | array, object     | element / member count   | index just past the subtree        |
///
/// A member name of at most ``inlineKeyLimit`` bytes (most of them) lives
/// in its node: the payload's memory holds its bytes, then zeros. Matching
/// a member against a known name is then one comparison of words, with no
/// read of the arena. ``withBytes(arena:_:)`` reads any string, key or
/// decimal node's bytes.
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

    /// Member names of at most this many bytes are stored in their node.
    public static let inlineKeyLimit = 8

    /// Whether this is a key whose bytes are in its payload.
    @inlinable
    public var hasInlineBytes: Bool { kind == .key && length <= TapeNode.inlineKeyLimit }

    /// The payload of a name of at most ``inlineKeyLimit`` bytes: a word
    /// whose memory holds the bytes, then zeros (the same on any byte order).
    @inlinable
    public static func inlineWord(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        precondition(bytes.count <= inlineKeyLimit, "an inline name has at most \(inlineKeyLimit) bytes")
        var word: UInt64 = 0
        withUnsafeMutableBytes(of: &word) { target in
            if let source = bytes.baseAddress { target.baseAddress!.copyMemory(from: source, byteCount: bytes.count) }
        }
        return word
    }

    /// The key node of a name of at most ``inlineKeyLimit`` bytes.
    @inlinable
    package static func inlineKey(_ bytes: UnsafeRawBufferPointer) -> TapeNode {
        TapeNode(kind: .key, length: UInt32(bytes.count), payload: inlineWord(bytes))
    }

    /// Calls `body` with the UTF-8 bytes of a string, key or decimal node:
    /// from `arena`, or from the node itself for a short key.
    @inlinable
    public func withBytes<R>(arena: UnsafeRawBufferPointer, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        if hasInlineBytes {
            let word = payload
            return try withUnsafeBytes(of: word) { try body(UnsafeRawBufferPointer(rebasing: $0[0..<Int(length)])) }
        }
        let start = Int(truncatingIfNeeded: payload)
        return try body(UnsafeRawBufferPointer(rebasing: arena[start..<start + Int(length)]))
    }

    /// The text of a string or key node.
    @inlinable
    public func text(arena: UnsafeRawBufferPointer) -> String {
        withBytes(arena: arena) { String(decoding: $0, as: UTF8.self) }
    }
}
