import SchemataJSON

/// `$defs` (or `definitions`) entries that no reference in the document uses.
struct UnusedDefinitionRule: LintRule {
    let descriptor = RuleDescriptor(id: "unused-definition", severity: .warning, summary: "A `$defs`/`definitions` entry that no `$ref` in the document uses.", fix: .safe)

    func check(_ schema: SchemaNode, in context: LintContext, into findings: inout [LintDiagnostic]) {
        for keyword in ["$defs", "definitions"] {
            guard let entries = schema[keyword]?.objectValue else { continue }
            // Entries with their own identifiers may be used from outside.
            let unused = entries.filter { !context.isReferenced(within: schema.at(keyword).appending($0.key)) && !declaresIdentifier($0.value) }
            for (name, _) in unused {
                let pointer = schema.at(keyword).appending(name)
                // When nothing would be left, the fix removes the keyword itself.
                let target = unused.count == entries.count ? schema.at(keyword) : pointer
                findings.append(finding(
                    "\(keyword) entry \(Wording.show(.string(name))) is never referenced", at: pointer, key: true,
                    fix: LintFix(safety: .safe, summary: "remove the unused entry", edits: [.remove(target)])))
            }
        }
    }

    private func declaresIdentifier(_ value: JSONValue) -> Bool {
        switch value {
        case .object(let object):
            for key in ["$id", "id", "$anchor", "$dynamicAnchor", "$recursiveAnchor"] where object[key] != nil { return true }
            return object.contains { declaresIdentifier($0.value) }
        case .array(let elements):
            return elements.contains(where: declaresIdentifier)
        default:
            return false
        }
    }
}
