/// A JSON Schema specification version.
public enum Draft: Int, Sendable, Hashable, CaseIterable, Comparable, CustomStringConvertible {
    case draft4 = 4
    case draft6 = 6
    case draft7 = 7
    case draft2019_09 = 2019
    case draft2020_12 = 2020

    /// The meta-schema URI that names this draft in `$schema`.
    public var metaSchemaURI: String {
        switch self {
        case .draft4: return "http://json-schema.org/draft-04/schema#"
        case .draft6: return "http://json-schema.org/draft-06/schema#"
        case .draft7: return "http://json-schema.org/draft-07/schema#"
        case .draft2019_09: return "https://json-schema.org/draft/2019-09/schema"
        case .draft2020_12: return "https://json-schema.org/draft/2020-12/schema"
        }
    }

    /// The draft a `$schema` URI names, if it is one of the five
    /// meta-schemas (a trailing empty fragment is ignored; http and https
    /// are accepted alike).
    public init?(metaSchemaURI uri: String) {
        // After the scheme (`http` or `https`) and without a trailing empty
        // fragment, sliced on bytes: no string is built, and the comparisons
        // below are byte comparisons of ASCII text.
        let utf8 = uri.utf8
        var end = utf8.endIndex
        if utf8.last == UInt8(ascii: "#") { end = utf8.index(before: end) }
        let start: String.Index
        if utf8.starts(with: "https://".utf8) {
            start = utf8.index(utf8.startIndex, offsetBy: 8)
        } else if utf8.starts(with: "http://".utf8) {
            start = utf8.index(utf8.startIndex, offsetBy: 7)
        } else {
            return nil
        }
        guard start <= end else { return nil }
        switch uri[start..<end] {
        case "json-schema.org/draft-04/schema", "json-schema.org/schema": self = .draft4
        case "json-schema.org/draft-06/schema": self = .draft6
        case "json-schema.org/draft-07/schema": self = .draft7
        case "json-schema.org/draft/2019-09/schema": self = .draft2019_09
        case "json-schema.org/draft/2020-12/schema": self = .draft2020_12
        default: return nil
        }
    }

    /// The name used in messages and the test-suite folders.
    public var description: String {
        switch self {
        case .draft4: return "draft4"
        case .draft6: return "draft6"
        case .draft7: return "draft7"
        case .draft2019_09: return "draft2019-09"
        case .draft2020_12: return "draft2020-12"
        }
    }

    public static func < (lhs: Draft, rhs: Draft) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The keyword that sets a schema's base URI.
    var idKeyword: String { self == .draft4 ? "id" : "$id" }

    /// Whether `$ref` makes its sibling keywords ignored (drafts 4–7).
    var refOverridesSiblings: Bool { self <= .draft7 }

    /// Whether `true` and `false` are schemas.
    var allowsBooleanSchemas: Bool { self >= .draft6 }
}
