/// A URI or relative reference (RFC 3986), as used by `$id` and `$ref`.
///
/// Parsing is lenient about characters (schemas in the wild contain spaces
/// and non-ASCII), strict about structure. ``resolved(against:)`` implements
/// RFC 3986 §5.2, including dot-segment removal, so that `$ref` resolution
/// matches other implementations.
public struct URIReference: Sendable, Hashable, CustomStringConvertible {
    /// The scheme, lowercased (`https`, `urn`), or `nil` for a relative reference.
    public var scheme: String?
    /// The authority (host lowercased), or `nil`.
    public var authority: String?
    /// The path (possibly empty).
    public var path: String
    /// The query, without `?`.
    public var query: String?
    /// The fragment, without `#`.
    public var fragment: String?

    /// A reference from its components.
    public init(scheme: String? = nil, authority: String? = nil, path: String = "", query: String? = nil, fragment: String? = nil) {
        self.scheme = scheme
        self.authority = authority
        self.path = path
        self.query = query
        self.fragment = fragment
    }

    /// Splits `text` into its five components (RFC 3986 appendix B). The
    /// delimiters are ASCII, so the split works on UTF-8 bytes (no grapheme
    /// breaking: a `#` followed by a combining mark still delimits), read in
    /// place.
    public init(_ text: String) {
        var text = text
        self = text.withUTF8 { URIReference(utf8: $0) }
    }

    /// ``init(_:)`` on the text's bytes (valid UTF-8; every split falls on
    /// an ASCII delimiter, so every part is valid UTF-8 too).
    private init(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        func part(_ range: Range<Int>) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        }
        var start = 0
        var end = bytes.count
        if let hash = bytes.firstIndex(of: UInt8(ascii: "#")) {
            fragment = part(hash + 1..<end)
            end = hash
        }
        if let question = bytes[start..<end].firstIndex(of: UInt8(ascii: "?")) {
            query = part(question + 1..<end)
            end = question
        }
        if let colon = bytes[start..<end].firstIndex(of: UInt8(ascii: ":")), URIReference.isScheme(bytes[start..<colon]) {
            let name = part(start..<colon)
            // Schemes are case-insensitive; most are written in lowercase.
            scheme = bytes[start..<colon].contains { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") } ? name.lowercased() : name
            start = colon + 1
        }
        if end - start >= 2 && bytes[start] == UInt8(ascii: "/") && bytes[start + 1] == UInt8(ascii: "/") {
            start += 2
            let slash = bytes[start..<end].firstIndex(of: UInt8(ascii: "/")) ?? end
            authority = URIReference.normalizeAuthority(Substring(part(start..<slash)))
            start = slash
        }
        path = part(start..<end)
    }

    static func isScheme(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        guard let first = bytes.first, URIReference.isASCIILetter(first) else { return false }
        return bytes.allSatisfy {
            URIReference.isASCIILetter($0) || ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9"))
                || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".")
        }
    }

    static func isASCIILetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }

    static func normalizeAuthority(_ text: Substring) -> String {
        // The common authority (ASCII, no user info, already lowercase) is
        // kept as it is, found on its bytes.
        if !text.utf8.contains(where: { $0 >= 0x80 || $0 == UInt8(ascii: "@") || ($0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z")) }) {
            return String(text)
        }
        // Hosts are case-insensitive; user info is not.
        if let at = text.lastIndex(of: "@") {
            return String(text[...at]) + text[text.index(after: at)...].lowercased()
        }
        return text.lowercased()
    }

    /// Whether this is an absolute URI (has a scheme).
    public var isAbsolute: Bool { scheme != nil }

    /// This reference without its fragment.
    public var withoutFragment: URIReference {
        var copy = self
        copy.fragment = nil
        return copy
    }

    /// The text form.
    public var description: String {
        // Appended part by part into one buffer (no intermediate strings).
        var text = ""
        text.reserveCapacity(
            (scheme?.utf8.count ?? -1) + 1 + (authority?.utf8.count ?? -2) + 2 + path.utf8.count
                + (query?.utf8.count ?? -1) + 1 + (fragment?.utf8.count ?? -1) + 1)
        if let scheme {
            text.append(scheme)
            text.append(":")
        }
        if let authority {
            text.append("//")
            text.append(authority)
        }
        text.append(path)
        if let query {
            text.append("?")
            text.append(query)
        }
        if let fragment {
            text.append("#")
            text.append(fragment)
        }
        return text
    }

    /// This reference resolved against `base` (RFC 3986 §5.2.2).
    public func resolved(against base: URIReference) -> URIReference {
        var target = URIReference()
        if let scheme {
            target.scheme = scheme
            target.authority = authority
            target.path = URIReference.removeDotSegments(path)
            target.query = query
        } else {
            if authority != nil {
                target.authority = authority
                target.path = URIReference.removeDotSegments(path)
                target.query = query
            } else {
                if path.isEmpty {
                    target.path = base.path
                    target.query = query ?? base.query
                } else {
                    if path.hasPrefix("/") {
                        target.path = URIReference.removeDotSegments(path)
                    } else {
                        target.path = URIReference.removeDotSegments(merge(base: base))
                    }
                    target.query = query
                }
                target.authority = base.authority
            }
            target.scheme = base.scheme
        }
        target.fragment = fragment
        return target
    }

    /// Whether a path has a segment that is exactly `.` or `..` (a dot in
    /// a file name, as in `schema.json`, is not one), read on its bytes.
    static func hasDotSegment(_ path: String.UTF8View) -> Bool {
        var segmentLength = 0
        var dots = 0
        for byte in path {
            if byte == UInt8(ascii: "/") {
                if segmentLength > 0 && segmentLength == dots && dots <= 2 { return true }
                segmentLength = 0
                dots = 0
            } else {
                segmentLength += 1
                if byte == UInt8(ascii: ".") { dots += 1 }
            }
        }
        return segmentLength > 0 && segmentLength == dots && dots <= 2
    }

    private func merge(base: URIReference) -> String {
        if base.authority != nil && base.path.isEmpty { return "/" + path }
        if let slash = base.path.lastIndex(of: "/") {
            return String(base.path[...slash]) + path
        }
        return path
    }

    /// RFC 3986 §5.2.4.
    static func removeDotSegments(_ path: String) -> String {
        guard hasDotSegment(path.utf8) else { return path }
        var input = Substring(path)
        var output: [Substring] = []
        var result = ""
        while !input.isEmpty {
            if input.hasPrefix("../") {
                input = input.dropFirst(3)
            } else if input.hasPrefix("./") {
                input = input.dropFirst(2)
            } else if input.hasPrefix("/./") {
                input = input.dropFirst(2)
            } else if input == "/." {
                input = "/"
            } else if input.hasPrefix("/../") {
                input = input.dropFirst(3)
                if !output.isEmpty { output.removeLast() }
            } else if input == "/.." {
                input = "/"
                if !output.isEmpty { output.removeLast() }
            } else if input == "." || input == ".." {
                input = ""
            } else {
                var end = input.index(after: input.startIndex)
                if input.first == "/" {
                    end = input[end...].firstIndex(of: "/") ?? input.endIndex
                } else {
                    end = input.firstIndex(of: "/") ?? input.endIndex
                }
                output.append(input[..<end])
                input = input[end...]
            }
        }
        for segment in output { result += segment }
        return result
    }
}
