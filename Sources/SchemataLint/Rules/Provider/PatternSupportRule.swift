import SchemataJSON
import SchemataRegex

/// Pattern features the provider rejects (lookaround, backreferences, `\b`),
/// and unanchored patterns where the provider anchors them anyway.
struct PatternSupportRule: LintRule {
    let descriptor = RuleDescriptor(
        id: "profile-pattern", severity: .error,
        summary: "A pattern using features the provider rejects (backreferences, lookaround, `\\b`).", needsProfile: true)

    func check(_ schema: SchemaNode, in context: LintContext, into findings: inout [LintDiagnostic]) {
        let profile = context.activeProfile
        guard profile.supportedKeywords.contains("pattern") || profile.supportedKeywords.contains("patternProperties") else { return }
        for (pattern, pointer, isKey) in patterns(of: schema) {
            guard case .success(let regex) = context.regex(pattern) else { continue }
            let facts = regex.facts
            if profile.patterns.mustBeRegular, facts.isNonRegular {
                findings.append(finding(
                    "\(profile.id) \(unsupportedVerb(profile)) pattern \(Wording.show(.string(pattern))): backreferences and lookaround are not supported",
                    at: pointer, key: isKey, severity: profile.unsupportedSeverity))
            }
            if profile.patterns.rejectsWordBoundaries, facts.usesWordBoundaries {
                findings.append(finding(
                    "\(profile.id) \(unsupportedVerb(profile)) pattern \(Wording.show(.string(pattern))): `\\b` and `\\B` are not supported",
                    at: pointer, key: isKey, severity: profile.unsupportedSeverity))
            }
        }
    }
}

/// llama.cpp reads every pattern as if it were `^…$`.
struct UnanchoredPatternRule: LintRule {
    let descriptor = RuleDescriptor(
        id: "profile-unanchored-pattern", severity: .warning,
        summary: "An unanchored pattern, which the provider treats as anchored (`abc` means `^abc$` there, `.*abc.*` in JSON Schema).",
        needsProfile: true)

    func check(_ schema: SchemaNode, in context: LintContext, into findings: inout [LintDiagnostic]) {
        let profile = context.activeProfile
        guard profile.patterns.mustBeAnchored else { return }
        for (pattern, pointer, isKey) in patterns(of: schema) {
            guard case .success(let regex) = context.regex(pattern), !regex.facts.isAnchoredAtBothEnds else { continue }
            findings.append(finding(
                "\(profile.id) matches pattern \(Wording.show(.string(pattern))) as if it were anchored with ^…$, but JSON Schema searches anywhere in the string: anchor it to say which you mean",
                at: pointer, key: isKey))
        }
    }
}
