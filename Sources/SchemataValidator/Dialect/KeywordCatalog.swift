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

    /// Each draft's subschema keywords with their roles: one hash per
    /// keyword where the three sets would take three.
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
        for keyword in singleSchemaKeywords(draft) { roles[keyword, default: []].insert(.single) }
        for keyword in schemaArrayKeywords(draft) { roles[keyword, default: []].insert(.array) }
        for keyword in schemaMapKeywords(draft) { roles[keyword, default: []].insert(.map) }
        return roles
    }

    /// The name-summary bits (``JSONObject/nameSummaryBit(_:)``) of every
    /// keyword that holds subschemas in some draft: a member whose bit is
    /// not among them holds none, and an object whose summary shares no bit
    /// with them has no subschemas to walk into.
    static let subschemaKeywordSummary: UInt64 = Draft.allCases.reduce(0) { summary, draft in
        roles(in: draft).keys.reduce(summary) { $0 | JSONObject.nameSummaryBit($1) }
    }

    /// Keywords whose value is one subschema.
    static func singleSchemaKeywords(_ draft: Draft) -> Set<String> {
        var keywords: Set<String> = ["additionalProperties", "not"]
        if draft <= .draft2019_09 { keywords.insert("additionalItems") }
        if draft >= .draft6 { keywords.formUnion(["contains", "propertyNames"]) }
        if draft >= .draft7 { keywords.formUnion(["if", "then", "else"]) }
        if draft >= .draft2019_09 { keywords.formUnion(["unevaluatedItems", "unevaluatedProperties", "contentSchema"]) }
        keywords.insert("items")  // schema form (array form handled below)
        return keywords
    }

    /// Keywords whose value is an array of subschemas.
    static func schemaArrayKeywords(_ draft: Draft) -> Set<String> {
        var keywords: Set<String> = ["allOf", "anyOf", "oneOf"]
        if draft <= .draft2019_09 { keywords.insert("items") }
        if draft >= .draft2020_12 { keywords.insert("prefixItems") }
        return keywords
    }

    /// Keywords whose value is an object of subschemas.
    static func schemaMapKeywords(_ draft: Draft) -> Set<String> {
        // `definitions` and `dependencies` are kept in every draft: later
        // drafts renamed them, and schemas in the wild still use the old names.
        var keywords: Set<String> = ["properties", "patternProperties", "definitions", "dependencies"]
        if draft >= .draft2019_09 { keywords.formUnion(["$defs", "dependentSchemas"]) }
        return keywords
    }
}
