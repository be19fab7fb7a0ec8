import SchemataJSON

/// `allOf` branches (and the schema itself) whose `type`s have nothing in
/// common: no instance satisfies all of them.
struct TypeConflictRule: LintRule {
    let descriptor = RuleDescriptor(
        id: "type-conflict", severity: .error,
        summary: "`type`s that cannot all hold at once (under `allOf`, or beside it).")

    func check(_ schema: SchemaNode, in context: LintContext, into findings: inout [LintDiagnostic]) {
        guard case .array(let branches)? = schema["allOf"] else { return }
        var allowed: Set<String>? = schema.types.map(expand)
        for (index, branch) in branches.enumerated() {
            guard let types = types(of: branch, at: schema.at("allOf").appending(index: index), context) else { continue }
            let expanded = expand(types)
            let before = allowed
            allowed = allowed.map { $0.intersection(expanded) } ?? expanded
            if allowed!.isEmpty {
                let earlier = before.map { $0.sorted().joined(separator: ", ") } ?? ""
                findings.append(finding(
                    "`allOf` branch \(index) allows only \(types.sorted().joined(separator: ", ")), which excludes every type allowed before it (\(earlier)): no instance is valid",
                    at: schema.at("allOf").appending(index: index)))
                return
            }
        }
    }

    /// The branch's `type`, following one local `$ref`.
    private func types(of branch: JSONValue, at pointer: JSONPointer, _ context: LintContext) -> Set<String>? {
        var value = branch
        if value["type"] == nil, branch["$ref"] != nil,
            let reference = context.references.first(where: { $0.node.pointer == pointer && $0.keyword == "$ref" }),
            case .success(.local(let target)) = reference.resolution, let resolved = context.value(at: target)
        {
            value = resolved
        }
        switch value["type"] {
        case .string(let name)?: return [name]
        case .array(let names)?: return Set(names.compactMap(\.stringValue))
        default: return nil
        }
    }

    /// `number` includes `integer`.
    private func expand(_ types: Set<String>) -> Set<String> {
        types.contains("number") ? types.union(["integer"]) : types
    }
}
