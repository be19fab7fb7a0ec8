import SchemataJSON

/// Which keywords hold subschemas, per draft: what the resource scanner
/// walks into (so that an `$id` inside `const`, `enum` or an unknown keyword
/// is not taken for a real identifier).
enum KeywordCatalog {
    /// How a keyword holds subschemas (`items` may hold one or an array).
    struct Role: OptionSet {
        let rawValue: UInt8
        static let single = Role(rawValue: 1)
        static let array = Role(rawValue: 2)
        static let map = Role(rawValue: 4)
    }

    /// How `name` holds subschemas in `draft` (empty: it holds none). A
    /// byte comparison and a switch: no hashing per member.
    static func role(of name: String, in draft: Draft) -> Role {
        guard let keyword = MetaKeyword(name) else { return [] }
        return role(of: keyword, in: draft)
    }

    static func role(of keyword: MetaKeyword, in draft: Draft) -> Role {
        switch keyword {
        case .additionalProperties, .not: return .single
        case .additionalItems: return draft <= .draft2019_09 ? .single : []
        case .contains, .propertyNames: return draft >= .draft6 ? .single : []
        case .if, .then, .else: return draft >= .draft7 ? .single : []
        case .unevaluatedItems, .unevaluatedProperties, .contentSchema: return draft >= .draft2019_09 ? .single : []
        // The schema form in every draft; the array form until 2020-12.
        case .items: return draft <= .draft2019_09 ? [.single, .array] : .single
        case .allOf, .anyOf, .oneOf: return .array
        case .prefixItems: return draft >= .draft2020_12 ? .array : []
        // `definitions` and `dependencies` are kept in every draft: later
        // drafts renamed them, and schemas in the wild still use the old names.
        case .properties, .patternProperties, .definitions, .dependencies: return .map
        case .defs, .dependentSchemas: return draft >= .draft2019_09 ? .map : []
        default: return []
        }
    }

    /// Each draft's subschema keywords with their roles.
    static func roles(in draft: Draft) -> [String: Role] {
        switch draft {
        case .draft4: return draft4Roles
        case .draft6: return draft6Roles
        case .draft7: return draft7Roles
        case .draft2019_09: return draft2019Roles
        case .draft2020_12: return draft2020Roles
        }
    }

    private static let draft4Roles = makeRoles(.draft4)
    private static let draft6Roles = makeRoles(.draft6)
    private static let draft7Roles = makeRoles(.draft7)
    private static let draft2019Roles = makeRoles(.draft2019_09)
    private static let draft2020Roles = makeRoles(.draft2020_12)

    private static func makeRoles(_ draft: Draft) -> [String: Role] {
        var roles: [String: Role] = [:]
        for keyword in MetaKeyword.allCases {
            let role = role(of: keyword, in: draft)
            if !role.isEmpty { roles[keyword.name] = role }
        }
        return roles
    }

    /// The name-summary bits (``JSONObject/nameSummaryBit(_:)``) of every
    /// keyword that holds subschemas in some draft: a member whose bit is
    /// not among them holds none, and an object whose summary shares no bit
    /// with them has no subschemas to walk into.
    static let subschemaKeywordSummary: UInt64 = Draft.allCases.reduce(0) { summary, draft in
        roles(in: draft).keys.reduce(summary) { $0 | JSONObject.nameSummaryBit($1) }
    }
}
