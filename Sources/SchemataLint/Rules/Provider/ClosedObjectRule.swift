import SchemataJSON

/// Providers that need `additionalProperties: false` on every object.
struct ClosedObjectRule: LintRule {
    let descriptor = RuleDescriptor(
        id: "profile-additional-properties", severity: .error,
        summary: "The provider needs `additionalProperties: false` on every object schema.",
        fix: .semanticsChanging, needsProfile: true)

    func check(_ schema: SchemaNode, in context: LintContext, into findings: inout [LintDiagnostic]) {
        let profile = context.activeProfile
        guard profile.requiresClosedObjects, schema.describesObjects, schema["additionalProperties"] != .bool(false) else { return }
        let pointer = schema["additionalProperties"] == nil ? schema.pointer : schema.at("additionalProperties")
        findings.append(finding(
            "\(profile.id) needs `additionalProperties: false` on every object", at: pointer, key: schema["additionalProperties"] != nil,
            fix: context.isReferenced(within: schema.at("additionalProperties")) ? nil
                : LintFix(safety: .semanticsChanging, summary: "set `additionalProperties: false`", edits: [.set(schema.at("additionalProperties"), false)])))
    }
}
