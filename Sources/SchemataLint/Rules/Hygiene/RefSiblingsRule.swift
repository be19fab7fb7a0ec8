import SchemataJSON

/// In drafts 4–7, `$ref` makes every keyword beside it ignored.
struct RefSiblingsRule: LintRule {
    let descriptor = RuleDescriptor(
        id: "ref-siblings-ignored", severity: .warning,
        summary: "In drafts 4–7, keywords beside `$ref` are ignored.", fix: .semanticsChanging)

    /// Siblings that do no harm: annotations and structure.
    static let harmless: Set<String> = [
        "$ref", "$schema", "$id", "id", "$comment", "title", "description", "default", "examples", "definitions",
        "readOnly", "writeOnly",
    ]

    func check(_ schema: SchemaNode, in context: LintContext, into findings: inout [LintDiagnostic]) {
        guard schema.draft <= .draft7, let reference = schema["$ref"] else { return }
        let ignored = schema.object.filter { !RefSiblingsRule.harmless.contains($0.key) && !$0.key.hasPrefix("x-") }
        guard let first = ignored.first else { return }
        var edits: [SchemaEdit] = ignored.map { .remove(schema.at($0.key)) }
        edits.append(.remove(schema.at("$ref")))
        edits.append(.set(schema.at("allOf"), [["$ref": reference], .object(JSONObject(ignored.map { ($0.key, $0.value) }))]))
        let names = ignored.map { Wording.code($0.key) }.joined(separator: ", ")
        let safe = !ignored.contains { context.isReferenced(within: schema.at($0.key)) }
        findings.append(finding(
            "\(names) beside `$ref` \(ignored.count == 1 ? "is" : "are") ignored in \(schema.draft); wrap both in `allOf` to apply them",
            at: schema.at(first.key), key: true,
            fix: safe ? LintFix(safety: .semanticsChanging, summary: "move `$ref` and \(names) into `allOf`", edits: edits) : nil))
    }
}
