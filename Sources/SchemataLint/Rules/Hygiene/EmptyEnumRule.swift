import SchemataJSON

/// `enum: []` accepts nothing.
struct EmptyEnumRule: LintRule {
    let descriptor = RuleDescriptor(id: "empty-enum", severity: .error, summary: "An empty `enum` accepts no value at all.")

    func check(_ schema: SchemaNode, in context: LintContext, into findings: inout [LintDiagnostic]) {
        // Draft 4's meta-schema already requires at least one value.
        guard schema.draft > .draft4, case .array(let values)? = schema["enum"], values.isEmpty else { return }
        findings.append(finding("`enum` is empty: no value is valid here", at: schema.at("enum")))
    }
}
