import SchemataJSON

/// Keywords whose values the provider restricts (Anthropic: `minItems` 0 or 1).
struct KeywordValueRule: LintRule {
    let descriptor = RuleDescriptor(
        id: "profile-keyword-value", severity: .error, summary: "A keyword value outside what the provider accepts (e.g. `minItems` above 1).",
        needsProfile: true)

    func check(_ schema: SchemaNode, in context: LintContext, into findings: inout [LintDiagnostic]) {
        let profile = context.activeProfile
        for (keyword, allowed) in profile.allowedKeywordValues.sorted(by: { $0.key < $1.key }) {
            guard let value = schema[keyword], !allowed.contains(value) else { continue }
            let listed = allowed.map { Wording.show($0) }.joined(separator: ", ")
            findings.append(finding("\(profile.id) accepts \(Wording.code(keyword)) only as \(listed), not \(Wording.show(value))", at: schema.at(keyword)))
        }
    }
}
