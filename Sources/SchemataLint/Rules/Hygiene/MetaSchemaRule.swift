import SchemataJSON

/// The schema must conform to its meta-schema.
struct MetaSchemaRule: LintRule {
    let descriptor = RuleDescriptor(id: "meta-schema", severity: .error, summary: "The schema must conform to its draft's meta-schema.")

    func checkDocument(in context: LintContext, into findings: inout [LintDiagnostic]) {
        // One finding per place: the first (closest) complaint about it.
        var seen: Set<JSONPointer> = []
        for problem in context.inspector.metaSchemaProblems() {
            var message = problem.message
            if let range = message.range(of: "does not conform to its meta-schema: ") { message.removeSubrange(range) }
            guard seen.insert(problem.pointer).inserted else { continue }
            findings.append(finding("does not conform to the meta-schema: \(message)", at: problem.pointer))
        }
    }
}
