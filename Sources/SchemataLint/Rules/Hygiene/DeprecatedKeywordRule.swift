import SchemataJSON

/// `definitions` and `dependencies` are kept in 2019-09 and 2020-12 for
/// compatibility only: `$defs`, `dependentRequired` and `dependentSchemas`
/// replace them.
struct DeprecatedKeywordRule: LintRule {
    let descriptor = RuleDescriptor(
        id: "deprecated-keyword", severity: .warning,
        summary: "`definitions` and `dependencies` are superseded from 2019-09 on (`$defs`, `dependentRequired`, `dependentSchemas`).",
        fix: .safe)

    func check(_ schema: SchemaNode, in context: LintContext, into findings: inout [LintDiagnostic]) {
        guard schema.draft >= .draft2019_09 else { return }
        if schema["definitions"] != nil {
            findings.append(finding(
                "`definitions` is superseded by `$defs` in \(schema.draft)", at: schema.at("definitions"), key: true,
                fix: definitionsFix(schema, context)))
        }
        if case .object(let dependencies)? = schema["dependencies"] {
            findings.append(finding(
                "`dependencies` is superseded in \(schema.draft) and some validators ignore it: use `dependentRequired` (name lists) and `dependentSchemas` (schemas)",
                at: schema.at("dependencies"), key: true, fix: dependenciesFix(schema, dependencies)))
        }
    }

    /// Renames to `$defs` and rewrites the references that spell the old
    /// path, when every reference into it spells it that way.
    private func definitionsFix(_ schema: SchemaNode, _ context: LintContext) -> LintFix? {
        guard schema["$defs"] == nil, schema.isRoot else { return nil }
        let old = schema.at("definitions")
        let oldPrefix = "#" + String(old.uriFragment.dropFirst())
        let newPrefix = "#" + String(schema.at("$defs").uriFragment.dropFirst())
        var edits: [SchemaEdit] = [.rename(old, to: "$defs")]
        for reference in context.references {
            guard case .success(.local(let target)) = reference.resolution, old.isPrefix(of: target) else { continue }
            guard reference.text.hasPrefix(oldPrefix + "/") else { return nil }
            var pointer = reference.node.at(reference.keyword)
            if old.isPrefix(of: pointer) {
                // The reference itself moves with the rename.
                pointer.tokens[old.tokens.count - 1] = "$defs"
            }
            edits.append(.set(pointer, .string(newPrefix + reference.text.dropFirst(oldPrefix.count))))
        }
        return LintFix(safety: .safe, summary: "rename `definitions` to `$defs` and update the references", edits: edits)
    }

    private func dependenciesFix(_ schema: SchemaNode, _ dependencies: JSONObject) -> LintFix? {
        guard schema["dependentRequired"] == nil, schema["dependentSchemas"] == nil else { return nil }
        var required: [(String, JSONValue)] = []
        var schemas: [(String, JSONValue)] = []
        for (name, value) in dependencies {
            if value.kind == .array { required.append((name, value)) } else { schemas.append((name, value)) }
        }
        var edits: [SchemaEdit] = [.remove(schema.at("dependencies"))]
        if !required.isEmpty { edits.append(.set(schema.at("dependentRequired"), .object(JSONObject(required)))) }
        if !schemas.isEmpty { edits.append(.set(schema.at("dependentSchemas"), .object(JSONObject(schemas)))) }
        return LintFix(safety: .safe, summary: "split `dependencies` into `dependentRequired` and `dependentSchemas`", edits: edits)
    }
}
