import SchemataJSON

/// Providers that need every property in `required` (optional = nullable).
struct OptionalPropertyRule: LintRule {
    let descriptor = RuleDescriptor(
        id: "profile-optional-property", severity: .error,
        summary: "The provider needs every property in `required` (fix: require it and allow null instead).",
        fix: .semanticsChanging, needsProfile: true)

    func check(_ schema: SchemaNode, in context: LintContext, into findings: inout [LintDiagnostic]) {
        let profile = context.activeProfile
        guard profile.requiresAllProperties, let properties = schema["properties"]?.objectValue else { return }
        let requiredList = schema["required"]?.arrayValue ?? []
        let required = Set(requiredList.compactMap(\.stringValue))
        let optional = properties.filter { !required.contains($0.key) }
        guard !optional.isEmpty else { return }
        // One fix for the whole object: every optional property required and nullable.
        var edits: [SchemaEdit] = [.set(schema.at("required"), .array(requiredList + optional.map { .string($0.key) }))]
        for (name, property) in optional {
            edits += nullable(property, at: schema.at("properties").appending(name))
        }
        let names = optional.map { Wording.show(.string($0.key)) }.joined(separator: ", ")
        let fix = LintFix(safety: .semanticsChanging, summary: "require \(names) and allow null", edits: edits)
        for (name, _) in optional {
            findings.append(finding(
                "\(profile.id) needs every property in `required`: \(Wording.show(.string(name))) is optional; require it and allow null instead",
                at: schema.at("properties").appending(name), key: true, fix: fix))
        }
    }

    /// Edits that let the property's schema accept null too.
    private func nullable(_ property: JSONValue, at pointer: JSONPointer) -> [SchemaEdit] {
        guard case .object(let object) = property else { return [] }
        var edits: [SchemaEdit] = []
        switch object["type"] {
        case .string(let name)?:
            if name != "null" { edits.append(.set(pointer.appending("type"), [.string(name), "null"])) }
        case .array(let names)?:
            if !names.contains("null") { edits.append(.set(pointer.appending("type").appending("-"), "null")) }
        default:
            if object["anyOf"] != nil, case .array(let branches)? = object["anyOf"] {
                if !branches.contains(where: { $0["type"] == "null" }) {
                    edits.append(.set(pointer.appending("anyOf").appending("-"), ["type": "null"]))
                }
                return edits
            }
            return [.set(pointer, ["anyOf": [property, ["type": "null"]]])]
        }
        if case .array(let values)? = object["enum"], !values.contains(.null) {
            edits.append(.set(pointer.appending("enum").appending("-"), .null))
        }
        return edits
    }
}
