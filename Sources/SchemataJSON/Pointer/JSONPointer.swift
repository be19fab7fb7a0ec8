/// A JSON Pointer (RFC 6901): a path of reference tokens into a document.
///
/// ```swift
/// let pointer = try JSONPointer("/items/0/name")
/// pointer.tokens            // ["items", "0", "name"]
/// pointer.description       // "/items/0/name"
/// pointer.uriFragment       // "#/items/0/name"
/// ```
public struct JSONPointer: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The unescaped reference tokens; empty for the whole document.
    public var tokens: [String] {
        didSet { digest = JSONPointer.digest(of: tokens) }
    }

    /// A 64-bit digest of the tokens' bytes, kept up to date: schema
    /// compilers hash pointers constantly, and this makes a hash one word.
    private var digest: UInt64

    /// The pointer to the whole document.
    public static let root = JSONPointer(tokens: [])

    /// A 64-bit digest of the tokens, computed once as the pointer
    /// is built: what pointer-keyed tables hash by. Equal pointers have equal
    /// digests; different pointers rarely do.
    package var digestValue: UInt64 { digest }

    /// The ``digestValue`` this pointer would have with `token` appended,
    /// without building that pointer.
    package static func digest(_ digest: UInt64, appending token: String) -> UInt64 {
        extend(digest, with: token)
    }

    /// Whether two tokens are the same name: code-unit equality, with no
    /// Unicode normalisation (unlike `String`'s `==`).
    @inlinable
    package static func sameToken(_ a: String, _ b: String) -> Bool {
        JSONKey.exactlyEqual(a, b)
    }

    /// A pointer made of unescaped tokens.
    public init(tokens: [String]) {
        self.tokens = tokens
        self.digest = JSONPointer.digest(of: tokens)
    }

    private init(tokens: [String], digest: UInt64) {
        self.tokens = tokens
        self.digest = digest
    }

    private static var digestSeed: UInt64 { 0xCBF2_9CE4_8422_2325 }

    private static func digest(of tokens: [String]) -> UInt64 {
        tokens.reduce(digestSeed) { extend($0, with: $1) }
    }

    /// The digest with one more token: its bytes eight at a time, then the
    /// last few with the token's length (so that token boundaries count:
    /// `["ab", "c"]` and `["a", "bc"]` differ), each step a multiply and a
    /// shift. A hash, not an identity: equal pointers have equal digests,
    /// and tables compare the tokens on a match.
    private static func extend(_ digest: UInt64, with token: String) -> UInt64 {
        var token = token
        return token.withUTF8 { bytes in
            let raw = UnsafeRawBufferPointer(bytes)
            let count = raw.count
            var value = digest
            var index = 0
            while index + 8 <= count {
                value = mix(value ^ UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)))
                index += 8
            }
            var tail = UInt64(truncatingIfNeeded: count) << 56
            var shift: UInt64 = 0
            while index < count {
                tail |= UInt64(raw[index]) << shift
                shift += 8
                index += 1
            }
            return mix(value ^ tail)
        }
    }

    @inline(__always)
    private static func mix(_ value: UInt64) -> UInt64 {
        let product = (value ^ (value >> 31)) &* 0x9E37_79B9_7F4A_7C15
        return product ^ (product >> 29)
    }

    /// Equal when the tokens are the same Unicode scalars (JSON names are
    /// compared exactly, not by canonical equivalence).
    public static func == (lhs: JSONPointer, rhs: JSONPointer) -> Bool {
        guard lhs.digest == rhs.digest else { return false }
        let count = lhs.tokens.count
        guard count == rhs.tokens.count else { return false }
        // Indexed reads (no iterator copies of the arrays): this runs on every
        // hit of a pointer-keyed table.
        var index = 0
        while index < count {
            if !JSONKey.exactlyEqual(lhs.tokens[index], rhs.tokens[index]) { return false }
            index += 1
        }
        return true
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(digest)
    }

    /// Parses the string form (`""`, `"/a/b~1c"`).
    public init(_ text: String) throws(JSONPointerError) {
        guard !text.isEmpty else {
            self.init(tokens: [])
            return
        }
        let utf8 = text.utf8
        guard utf8.first == UInt8(ascii: "/") else {
            throw JSONPointerError(pointer: text, message: "a JSON Pointer must be empty or start with '/'")
        }
        // Split on the bytes of '/' (ASCII, so every split is on a scalar
        // boundary): no grapheme breaking.
        var tokens: [String] = []
        var start = utf8.index(after: utf8.startIndex)
        var index = start
        while true {
            if index == utf8.endIndex || utf8[index] == UInt8(ascii: "/") {
                tokens.append(try JSONPointer.unescape(text[start..<index], in: text))
                if index == utf8.endIndex { break }
                index = utf8.index(after: index)
                start = index
            } else {
                index = utf8.index(after: index)
            }
        }
        self.init(tokens: tokens)
    }

    /// Parses the URI fragment form (`"#"`, `"#/a%20b/0"`), percent-decoding
    /// it first (RFC 6901 §6).
    public init(uriFragment: String) throws(JSONPointerError) {
        var text = Substring(uriFragment)
        if text.hasPrefix("#") { text.removeFirst() }
        guard let decoded = PercentEncoding.decode(text) else {
            throw JSONPointerError(pointer: uriFragment, message: "invalid percent-encoding in URI fragment")
        }
        try self.init(decoded)
    }

    /// The string form, with `~` and `/` escaped.
    public var description: String {
        tokens.map { "/" + JSONPointer.escape($0) }.joined()
    }

    /// The URI fragment form, with characters outside RFC 3986's fragment set
    /// percent-encoded.
    public var uriFragment: String {
        "#" + PercentEncoding.encodeFragment(description)
    }

    /// Whether this is the pointer to the whole document.
    public var isRoot: Bool { tokens.isEmpty }

    /// This pointer with one more token.
    public func appending(_ token: String) -> JSONPointer {
        // One allocation of exactly the right size (`tokens + [token]` makes two).
        var extended: [String] = []
        extended.reserveCapacity(tokens.count + 1)
        extended.append(contentsOf: tokens)
        extended.append(token)
        return JSONPointer(tokens: extended, digest: JSONPointer.extend(digest, with: token))
    }

    /// This pointer with an array index appended.
    public func appending(index: Int) -> JSONPointer {
        appending(String(index))
    }

    /// The pointer to the parent value, or `nil` for the root.
    public var parent: JSONPointer? {
        tokens.isEmpty ? nil : JSONPointer(tokens: Array(tokens.dropLast()))
    }

    /// Whether `other` is this pointer or below it.
    public func isPrefix(of other: JSONPointer) -> Bool {
        guard other.tokens.count >= tokens.count else { return false }
        for (a, b) in zip(tokens, other.tokens) where !JSONKey.exactlyEqual(a, b) { return false }
        return true
    }

    /// Orders by tokens, shorter (ancestors) first.
    public static func < (lhs: JSONPointer, rhs: JSONPointer) -> Bool {
        lhs.tokens.lexicographicallyPrecedes(rhs.tokens)
    }

    /// Escapes one token (`~` → `~0`, `/` → `~1`).
    public static func escape(_ token: String) -> String {
        guard token.contains(where: { $0 == "~" || $0 == "/" }) else { return token }
        return token.replacingAll("~", with: "~0").replacingAll("/", with: "~1")
    }

    /// Unescapes one token; `~` must be followed by `0` or `1`.
    static func unescape(_ raw: Substring, in text: String) throws(JSONPointerError) -> String {
        guard raw.utf8.contains(UInt8(ascii: "~")) else { return String(raw) }
        // '~0' and '~1' are ASCII: rewriting bytes keeps the UTF-8 valid.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(raw.utf8.count)
        var iterator = raw.utf8.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "~") else {
                bytes.append(byte)
                continue
            }
            switch iterator.next() {
            case UInt8(ascii: "0"): bytes.append(UInt8(ascii: "~"))
            case UInt8(ascii: "1"): bytes.append(UInt8(ascii: "/"))
            default:
                throw JSONPointerError(pointer: text, message: "'~' must be followed by '0' or '1'")
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The array index a token denotes (RFC 6901: no leading zeros, no sign),
    /// or `nil`.
    public static func arrayIndex(_ token: String) -> Int? {
        guard let first = token.utf8.first, token.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        if first == UInt8(ascii: "0") && token.utf8.count > 1 { return nil }
        return Int(token)
    }
}

/// A malformed JSON Pointer.
public struct JSONPointerError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The pointer text.
    public var pointer: String
    /// What is wrong with it.
    public var message: String

    public var description: String { "invalid JSON Pointer \(JSONSerializer.quoted(pointer)): \(message)" }
}

extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var result = ""
        result.reserveCapacity(utf8.count)
        for character in self {
            if character == target { result += replacement } else { result.append(character) }
        }
        return result
    }
}
