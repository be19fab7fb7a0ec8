import SchemataJSON

/// The provider's requirements on the root schema (OpenAI: an object, not `anyOf`).
struct RootShapeRule: LintRule {
    let descriptor = RuleDescriptor(
        id: "profile-root", severity: .error, summary: "The root schema has a shape the provider does not accept (e.g. not an object, or an `anyOf`).",
        needsProfile: true)

    func checkDocument(in context: LintContext, into findings: inout [LintDiagnostic]) {
        let profile = context.activeProfile
        guard let root = context.nodes.first else { return }
        if let allowed = profile.rootTypes {
            let described = allowed.sorted().joined(separator: " or ")
            if let types = root.types {
                if !types.isSubset(of: allowed) {
                    findings.append(finding("\(profile.id) requires the root schema to be of type \(described)", at: root.at("type")))
                }
            } else if root["$ref"] == nil {
                findings.append(finding("\(profile.id) requires the root schema to say \"type\": \"\(described)\"", at: .root))
            }
        }
        if !profile.rootMayBeAnyOf {
            for keyword in ["anyOf", "oneOf"] where root[keyword] != nil {
                findings.append(finding("\(profile.id) does not accept \(Wording.code(keyword)) at the root: wrap the alternatives in a property", at: root.at(keyword), key: true))
            }
        }
    }
}
