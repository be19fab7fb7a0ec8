/// The keywords each draft defines (its meta-schema's vocabularies), for
/// tools that tell a known keyword from a typo or from a keyword of another
/// draft.
package enum KnownKeywords {
    /// Every keyword `draft` defines, annotations included.
    package static func keywords(of draft: Draft) -> Set<String> {
        table[draft]!
    }

    /// The drafts that define `keyword`.
    package static func drafts(defining keyword: String) -> [Draft] {
        Draft.allCases.filter { table[$0]!.contains(keyword) }
    }

    /// Every keyword of any draft.
    package static let all: Set<String> = Draft.allCases.reduce(into: []) { $0.formUnion(table[$1]!) }

    private static let table: [Draft: Set<String>] = {
        let common: Set<String> = [
            "$schema", "$ref", "title", "description", "default", "multipleOf", "maximum", "exclusiveMaximum",
            "minimum", "exclusiveMinimum", "maxLength", "minLength", "pattern", "items", "maxItems", "minItems",
            "uniqueItems", "maxProperties", "minProperties", "required", "additionalProperties", "properties",
            "patternProperties", "enum", "type", "format", "allOf", "anyOf", "oneOf", "not",
        ]
        let draft4 = common.union(["id", "additionalItems", "definitions", "dependencies"])
        let draft6 = common.union([
            "$id", "additionalItems", "definitions", "dependencies", "examples", "contains", "propertyNames", "const",
        ])
        let draft7 = draft6.union([
            "$comment", "if", "then", "else", "readOnly", "writeOnly", "contentMediaType", "contentEncoding",
        ])
        // 2019-09 and 2020-12 keep `definitions` and `dependencies` in their
        // meta-schemas for compatibility only.
        let modern = draft7.union([
            "$anchor", "$vocabulary", "$defs", "dependentSchemas", "dependentRequired", "unevaluatedItems",
            "unevaluatedProperties", "maxContains", "minContains", "deprecated", "contentSchema",
        ])
        let draft2019 = modern.union(["$recursiveAnchor", "$recursiveRef"])
        let draft2020 = modern.subtracting(["additionalItems"]).union(["$dynamicAnchor", "$dynamicRef", "prefixItems"])
        return [.draft4: draft4, .draft6: draft6, .draft7: draft7, .draft2019_09: draft2019, .draft2020_12: draft2020]
    }()
}
