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
        let unsupported = schema.object.map(\.key).filter { KnownKeywords.all.contains($0) && !profile.supportedKeywords.contains($0) }
        guard !unsupported.isEmpty else { return }
        // Keywords without a replacement move into `description` together, in one fix.
        let movable = unsupported.filter { profile.keywordRewrites[$0] == nil && !context.isReferenced(within: schema.at($0)) }
        let move = movable.isEmpty ? nil : moveIntoDescription(movable, of: schema)
        for keyword in unsupported {
            let pointer = schema.at(keyword)
            var fix: LintFix?
            var message = "\(profile.id) \(unsupportedVerb(profile)) \(Wording.code(keyword))"
            if let replacement = profile.keywordRewrites[keyword] {
                message += "; use \(Wording.code(replacement))"
                if schema[replacement] == nil {
                    fix = LintFix(safety: .semanticsChanging, summary: "rename \(Wording.code(keyword)) to \(Wording.code(replacement))", edits: [.rename(pointer, to: replacement)])
                }
            } else if movable.contains(keyword) {
                fix = move
            }
            if profile.unsupportedSeverity != .error { message += ": it is not enforced while generating" }
            findings.append(finding(message, at: pointer, key: true, severity: profile.unsupportedSeverity, fix: fix))
        }
    }
}
