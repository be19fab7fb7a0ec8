import SchemataJSON

/// Keywords for a type that `type` rules out: `minLength` under
/// `"type": "integer"` has no effect.
struct KeywordTypeMismatchRule: LintRule {
    let descriptor = RuleDescriptor(id: "keyword-type-mismatch", severity: .warning, summary: "A keyword that applies only to a type that `type` excludes has no effect.", fix: .safe)

    /// Keyword → the instance type it applies to, and whether it holds
    /// subschemas (then removing it could break references into it).
    static let families: [String: (type: String, holdsSchemas: Bool)] = {
        var table: [String: (String, Bool)] = [:]
        for keyword in ["minLength", "maxLength", "pattern"] { table[keyword] = ("string", false) }
        for keyword in ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf"] { table[keyword] = ("number", false) }
        for keyword in ["minItems", "maxItems", "uniqueItems", "minContains", "maxContains"] { table[keyword] = ("array", false) }
        for keyword in ["items", "prefixItems", "additionalItems", "contains", "unevaluatedItems"] { table[keyword] = ("array", true) }
        for keyword in ["minProperties", "maxProperties", "required", "dependentRequired"] { table[keyword] = ("object", false) }
        for keyword in ["properties", "patternProperties", "additionalProperties", "propertyNames", "dependentSchemas", "unevaluatedProperties"] {
            table[keyword] = ("object", true)
        }
        return table
    }()

    func check(_ schema: SchemaNode, in context: LintContext, into findings: inout [LintDiagnostic]) {
        guard let types = schema.types, !types.isEmpty else { return }
        let described = types.sorted().map { "\"\($0)\"" }.joined(separator: ", ")
        for (keyword, _) in schema.object {
            guard let family = KeywordTypeMismatchRule.families[keyword], !schema.typeAllows(family.type) else { continue }
            if family.type == "number", types.contains("integer") { continue }
            let pointer = schema.at(keyword)
            let fix = family.holdsSchemas && context.isReferenced(within: pointer)
                ? nil : LintFix(safety: .safe, summary: "remove \(Wording.code(keyword))", edits: [.remove(pointer)])
            findings.append(finding(
                "\(Wording.code(keyword)) applies only to \(family.type)s, but `type` is \(described): it has no effect",
                at: pointer, key: true, fix: fix))
        }
    }
}
