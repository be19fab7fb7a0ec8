import SchemataJSON

/// The same value twice in `enum` (JSON equality: `1` and `1.0` are equal).
struct DuplicateEnumValueRule: LintRule {
    let descriptor = RuleDescriptor(id: "duplicate-enum-value", severity: .warning, summary: "`enum` lists the same value more than once (`1` and `1.0` are the same).", fix: .safe)

    func check(_ schema: SchemaNode, in context: LintContext, into findings: inout [LintDiagnostic]) {
        guard case .array(let values)? = schema["enum"] else { return }
        var seen: [JSONValue: Int] = [:]
        var unique: [JSONValue] = []
        var duplicates: [(index: Int, first: Int)] = []
        for (index, value) in values.enumerated() {
            if let first = seen[value] {
                duplicates.append((index, first))
            } else {
                seen[value] = index
                unique.append(value)
            }
        }
        let fix = LintFix(safety: .safe, summary: "remove the repeated enum values", edits: [.set(schema.at("enum"), .array(unique))])
        for duplicate in duplicates {
            findings.append(finding(
                "enum value \(Wording.show(values[duplicate.index])) repeats value \(duplicate.first) of the list",
                at: schema.at("enum").appending(index: duplicate.index), fix: fix))
        }
    }
}
