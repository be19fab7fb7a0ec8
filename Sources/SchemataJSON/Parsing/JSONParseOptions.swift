/// Limits and policies for parsing JSON.
///
/// The defaults accept every RFC 8259 document of reasonable size and turn
/// hostile input (deep nesting, enormous documents, invalid UTF-8, lone
/// surrogates, duplicate keys) into clear errors.
public struct JSONParseOptions: Sendable, Hashable {
    /// What to do when an object has two members with the same name.
    public enum DuplicateKeyPolicy: Sendable, Hashable {
        /// Reject the document, naming both places (the default).
        case reject
        /// Keep the member that comes last in the text (value and position);
        /// earlier ones stay on the tape, hidden, so positions stay true.
        case keepLast
    }

    /// The deepest nesting of arrays and objects accepted. The default, 256,
    /// is far above real documents and far below what would exhaust a thread
    /// stack in any recursive consumer (validators, serializers).
    public var maximumDepth: Int = 256

    /// The largest document accepted, in bytes (default 1 GiB; at most
    /// 4 GiB − 1, the limit of the tape's 32-bit offsets).
    public var maximumDocumentSize: Int = 1 << 30

    /// How duplicate member names are handled.
    public var duplicateKeys: DuplicateKeyPolicy = .reject

    /// Whether a leading UTF-8 byte order mark is skipped (RFC 8259 §8.1
    /// allows parsers to ignore one). When `false`, it is an error.
    public var allowsByteOrderMark: Bool = true

    /// The default options.
    public init() {}

    /// The hard ceiling for ``maximumDocumentSize``.
    public static let documentSizeCeiling = Int(UInt32.max) - 1

    var effectiveMaximumDocumentSize: Int {
        min(max(0, maximumDocumentSize), JSONParseOptions.documentSizeCeiling)
    }
}
