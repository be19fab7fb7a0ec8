import SchemataJSON

/// A one-value `enum` says `const` (draft 6 on).
struct EnumToConstRule: LintRule {
    let descriptor = RuleDescriptor(id: "enum-to-const", severity: .hint, summary: "A one-value `enum` is clearer as `const`.", fix: .safe)

    func check(_ schema: SchemaNode, in context: LintContext, into findings: inout [LintDiagnostic]) {
        guard schema.draft >= .draft6, case .array(let values)? = schema["enum"], values.count == 1, schema["const"] == nil else { return }
        findings.append(finding(
            "a one-value `enum` is clearer as `const`", at: schema.at("enum"), key: true,
            fix: LintFix(safety: .safe, summary: "replace the one-value `enum` with `const`", edits: [.rename(schema.at("enum"), to: "const"), .set(schema.at("const"), values[0])])))
    }
}
