import SchemataJSON

/// A `required` name that `additionalProperties: false` forbids (it is not
/// in `properties` and matches no `patternProperties`): no object is valid.
struct RequiredForbiddenRule: LintRule {
    let descriptor = RuleDescriptor(
        id: "required-forbidden", severity: .error,
        summary: "A `required` property that `additionalProperties: false` forbids makes every object invalid.")

    func check(_ schema: SchemaNode, in context: LintContext, into findings: inout [LintDiagnostic]) {
        guard schema["additionalProperties"] == .bool(false), case .array(let names)? = schema["required"] else { return }
        let properties = schema["properties"]?.objectValue ?? JSONObject()
        let patterns = (schema["patternProperties"]?.objectValue ?? JSONObject()).keys
        for (index, name) in names.enumerated() {
            guard let name = name.stringValue, !properties.contains(name) else { continue }
            let matched = patterns.contains { pattern in
                (try? context.regex(pattern).get())?.matches(name) ?? true
            }
            guard !matched else { continue }
            findings.append(finding(
                "required property \(Wording.show(.string(name))) is not in `properties` and `additionalProperties` is false: no object can be valid",
                at: schema.at("required").appending(index: index)))
        }
    }
}
