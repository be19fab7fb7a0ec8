import SchemataJSON

/// A `required` name with no schema in `properties`: any value is accepted
/// for it, which models fill with guesses.
struct RequiredUndeclaredRule: LintRule {
    let descriptor = RuleDescriptor(
        id: "required-undeclared", severity: .info,
        summary: "A `required` property that `properties` does not describe accepts any value.")

    func check(_ schema: SchemaNode, in context: LintContext, into findings: inout [LintDiagnostic]) {
        guard case .array(let names)? = schema["required"], let properties = schema["properties"]?.objectValue,
            schema["additionalProperties"] != .bool(false), schema["patternProperties"] == nil
        else { return }
        for (index, name) in names.enumerated() {
            guard let name = name.stringValue, !properties.contains(name) else { continue }
            findings.append(finding(
                "required property \(Wording.show(.string(name))) has no schema in `properties`: any value is accepted for it",
                at: schema.at("required").appending(index: index)))
        }
    }
}
