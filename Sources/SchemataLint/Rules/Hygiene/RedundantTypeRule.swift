import SchemataJSON

/// `type` beside `const`/`enum` whose values all have that type says nothing more.
struct RedundantTypeRule: LintRule {
    let descriptor = RuleDescriptor(id: "redundant-type", severity: .hint, summary: "A `type` that `const` or `enum` already implies.", fix: .safe)

    func check(_ schema: SchemaNode, in context: LintContext, into findings: inout [LintDiagnostic]) {
        guard schema["type"] != nil, schema.types != nil else { return }
        let values: [JSONValue]
        if let constant = schema["const"], schema.draft >= .draft6 {
            values = [constant]
        } else if case .array(let listed)? = schema["enum"], !listed.isEmpty {
            values = listed
        } else {
            return
        }
        guard values.allSatisfy({ schema.typeAllows(typeName($0)) }) else { return }
        findings.append(finding(
            "`type` is implied by \(schema["const"] != nil ? "`const`" : "`enum`")", at: schema.at("type"), key: true,
            fix: LintFix(safety: .safe, summary: "remove the redundant `type`", edits: [.remove(schema.at("type"))])))
    }
}

/// The JSON Schema type name of a value (`integer` for integral numbers).
func typeName(_ value: JSONValue) -> String {
    switch value {
    case .null: return "null"
    case .bool: return "boolean"
    case .number(let number): return number.isInteger ? "integer" : "number"
    case .string: return "string"
    case .array: return "array"
    case .object: return "object"
    }
}
