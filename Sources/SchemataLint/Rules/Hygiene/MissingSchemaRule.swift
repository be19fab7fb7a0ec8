import SchemataJSON

/// Without `$schema`, each tool picks its own default draft.
struct MissingSchemaRule: LintRule {
    let descriptor = RuleDescriptor(id: "missing-schema", severity: .info, summary: "The root schema does not declare its draft with `$schema`.", fix: .semanticsChanging)

    func checkDocument(in context: LintContext, into findings: inout [LintDiagnostic]) {
        guard !context.declaresDialect, case .object(let root)? = context.value(at: .root) else { return }
        let draft = context.rootDraft
        var members: [(String, JSONValue)] = [("$schema", .string(draft.metaSchemaURI))]
        members += root.map { ($0.key, $0.value) }
        findings.append(finding(
            "no `$schema`: linted as \(draft), but other tools may assume another draft", at: .root,
            fix: LintFix(safety: .semanticsChanging, summary: "declare \(draft) with `$schema`", edits: [.set(.root, .object(JSONObject(members)))])))
    }
}
