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
    /// are accepted alike). Whole-string comparisons against the known
    /// spellings: a compile asks this several times, and slicing the text
    /// cost more than comparing it.
    public init?(metaSchemaURI uri: String) {
        switch uri {
        case "http://json-schema.org/draft-07/schema#", "http://json-schema.org/draft-07/schema",
            "https://json-schema.org/draft-07/schema#", "https://json-schema.org/draft-07/schema":
            self = .draft7
        case "https://json-schema.org/draft/2020-12/schema", "https://json-schema.org/draft/2020-12/schema#",
            "http://json-schema.org/draft/2020-12/schema", "http://json-schema.org/draft/2020-12/schema#":
            self = .draft2020_12
        case "https://json-schema.org/draft/2019-09/schema", "https://json-schema.org/draft/2019-09/schema#",
            "http://json-schema.org/draft/2019-09/schema", "http://json-schema.org/draft/2019-09/schema#":
            self = .draft2019_09
        case "http://json-schema.org/draft-04/schema#", "http://json-schema.org/draft-04/schema",
            "https://json-schema.org/draft-04/schema#", "https://json-schema.org/draft-04/schema",
            "http://json-schema.org/schema#", "http://json-schema.org/schema",
            "https://json-schema.org/schema#", "https://json-schema.org/schema":
            self = .draft4
        case "http://json-schema.org/draft-06/schema#", "http://json-schema.org/draft-06/schema",
            "https://json-schema.org/draft-06/schema#", "https://json-schema.org/draft-06/schema":
            self = .draft6
        default:
            return nil
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
