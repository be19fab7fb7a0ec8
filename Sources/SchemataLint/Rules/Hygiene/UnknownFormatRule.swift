import SchemataJSON
import SchemataValidator

/// `format` names no draft defines are ignored; formats of a later draft
/// may be ignored by validators of an earlier one.
struct UnknownFormatRule: LintRule {
    let descriptor = RuleDescriptor(id: "unknown-format", severity: .warning, summary: "A `format` that no draft defines (validators ignore it), or one that this schema's draft does not define.", fix: .semanticsChanging)

    func check(_ schema: SchemaNode, in context: LintContext, into findings: inout [LintDiagnostic]) {
        guard let format = schema["format"]?.stringValue else { return }
        if let profile = context.profile, profile.supportedFormats.contains(format) { return }
        if !FormatChecker.knownFormats.contains(format) {
            if let suggestion = Wording.closest(to: format, in: FormatChecker.knownFormats) {
                findings.append(finding(
                    "unknown format \(Wording.show(.string(format))) is ignored; did you mean \(Wording.show(.string(suggestion)))?", at: schema.at("format"),
                    fix: LintFix(safety: .semanticsChanging, summary: "use format \(Wording.show(.string(suggestion)))", edits: [.set(schema.at("format"), .string(suggestion))])))
            } else {
                findings.append(finding("unknown format \(Wording.show(.string(format))) is ignored by validators", at: schema.at("format")))
            }
        } else if !FormatChecker.formats(definedBy: schema.draft).contains(format) {
            findings.append(finding(
                "format \(Wording.show(.string(format))) is not defined by \(schema.draft): validators of that draft may ignore it",
                at: schema.at("format"), severity: .info))
        }
    }
}
