import SchemataJSON
import SchemataValidator

/// Keywords the provider does not take: rejected (OpenAI, Anthropic) or
/// silently ignored (Gemini, llama.cpp).
struct UnsupportedKeywordRule: LintRule {
    let descriptor = RuleDescriptor(
        id: "profile-unsupported-keyword", severity: .error,
        summary: "A keyword the provider rejects or silently ignores (fix: rename, e.g. `oneOf` → `anyOf`, or move it into `description`).",
        fix: .semanticsChanging, needsProfile: true)

    func check(_ schema: SchemaNode, in context: LintContext, into findings: inout [LintDiagnostic]) {
        let profile = context.activeProfile
        for (keyword, _) in schema.object where KnownKeywords.all.contains(keyword) && !profile.supportedKeywords.contains(keyword) {
            let pointer = schema.at(keyword)
            var fix: LintFix?
            var message = "\(profile.id) \(unsupportedVerb(profile)) \(Wording.code(keyword))"
            if let replacement = profile.keywordRewrites[keyword] {
                message += "; use \(Wording.code(replacement))"
                if schema[replacement] == nil {
                    fix = LintFix(safety: .semanticsChanging, summary: "rename \(Wording.code(keyword)) to \(Wording.code(replacement))", edits: [.rename(pointer, to: replacement)])
                }
            } else if !context.isReferenced(within: pointer) {
                fix = moveIntoDescription(keyword, of: schema)
            }
            if profile.unsupportedSeverity != .error { message += ": it is not enforced while generating" }
            findings.append(finding(message, at: pointer, key: true, severity: profile.unsupportedSeverity, fix: fix))
        }
    }
}
