import SchemataJSON

/// Every `$ref` must resolve (remote fetching is off: other documents come
/// from the files linted together and `--registry` mappings).
struct UnresolvableReferenceRule: LintRule {
    let descriptor = RuleDescriptor(id: "unresolvable-ref", severity: .error, summary: "A `$ref` (or `$dynamicRef`) must resolve to a schema.")

    func checkDocument(in context: LintContext, into findings: inout [LintDiagnostic]) {
        for reference in context.references {
            guard case .failure(let error) = reference.resolution else { continue }
            findings.append(finding("\(reference.keyword) \(Wording.show(.string(reference.text))) does not resolve: \(error.message)", at: reference.node.at(reference.keyword)))
        }
    }
}
