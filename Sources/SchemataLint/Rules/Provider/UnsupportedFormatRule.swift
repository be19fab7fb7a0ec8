import SchemataJSON

/// Formats outside the provider's list.
struct UnsupportedFormatRule: LintRule {
    let descriptor = RuleDescriptor(
        id: "profile-unsupported-format", severity: .error,
        summary: "A `format` the provider does not support (fix: move it into `description`).",
        fix: .semanticsChanging, needsProfile: true)

    func check(_ schema: SchemaNode, in context: LintContext, into findings: inout [LintDiagnostic]) {
        let profile = context.activeProfile
        guard let format = schema["format"]?.stringValue, !profile.supportedFormats.contains(format),
            profile.supportedKeywords.contains("format")
        else { return }
        let supported = profile.supportedFormats.sorted().joined(separator: ", ")
        findings.append(finding(
            "\(profile.id) \(unsupportedVerb(profile)) format \(Wording.show(.string(format))) (it supports \(supported))",
            at: schema.at("format"), severity: profile.unsupportedSeverity, fix: moveIntoDescription("format", of: schema)))
    }
}
