import SchemataJSON

/// llama.cpp mishandles `properties` beside `anyOf`/`oneOf`.
struct PropertiesBesideUnionRule: LintRule {
    let descriptor = RuleDescriptor(
        id: "profile-properties-beside-union", severity: .warning,
        summary: "`properties` beside `anyOf`/`oneOf` in one schema, which the provider mishandles.", needsProfile: true)

    func check(_ schema: SchemaNode, in context: LintContext, into findings: inout [LintDiagnostic]) {
        let profile = context.activeProfile
        guard profile.quirks.contains(.propertiesBesideUnion), schema["properties"] != nil else { return }
        for keyword in ["anyOf", "oneOf"] where schema[keyword] != nil {
            findings.append(finding(
                "\(profile.id) mishandles `properties` beside \(Wording.code(keyword)): move the shared properties into each branch",
                at: schema.at(keyword), key: true))
        }
    }
}

/// llama.cpp mishandles `prefixItems`.
struct PrefixItemsRule: LintRule {
    let descriptor = RuleDescriptor(id: "profile-prefix-items", severity: .warning, summary: "`prefixItems`, which the provider mishandles.", needsProfile: true)

    func check(_ schema: SchemaNode, in context: LintContext, into findings: inout [LintDiagnostic]) {
        let profile = context.activeProfile
        guard profile.quirks.contains(.prefixItems), schema["prefixItems"] != nil else { return }
        findings.append(finding("\(profile.id) mishandles `prefixItems` (tuples): check the generated grammar, or use an object", at: schema.at("prefixItems"), key: true))
    }
}

/// llama.cpp mishandles non-integer numeric bounds.
struct NonIntegerBoundsRule: LintRule {
    let descriptor = RuleDescriptor(id: "profile-non-integer-bounds", severity: .warning, summary: "A non-integer `minimum`/`maximum` bound, which the provider mishandles.", needsProfile: true)

    func check(_ schema: SchemaNode, in context: LintContext, into findings: inout [LintDiagnostic]) {
        let profile = context.activeProfile
        guard profile.quirks.contains(.nonIntegerBounds) else { return }
        for keyword in ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"] {
            guard let bound = schema[keyword]?.numberValue, !bound.isInteger else { continue }
            findings.append(finding("\(profile.id) mishandles the non-integer bound \(Wording.code(keyword)) \(bound)", at: schema.at(keyword)))
        }
    }
}
