import SchemataJSON

/// The provider's size limits: properties, nesting, total string length,
/// enum values, large string enums.
struct SizeLimitsRule: LintRule {
    let descriptor = RuleDescriptor(
        id: "profile-limits", severity: .error,
        summary: "The schema exceeds a documented size limit of the provider (properties, nesting, string length, enum values).",
        needsProfile: true)

    func checkDocument(in context: LintContext, into findings: inout [LintDiagnostic]) {
        let profile = context.activeProfile
        let limits = profile.limits
        var properties = 0
        var characters = 0
        var enumValues = 0
        var deepest: (depth: Int, pointer: JSONPointer) = (0, .root)
        for node in context.nodes {
            if let members = node["properties"]?.objectValue {
                properties += members.count
                characters += members.keys.reduce(0) { $0 + $1.count }
            }
            for keyword in ["$defs", "definitions"] {
                characters += (node[keyword]?.objectValue?.keys ?? []).reduce(0) { $0 + $1.count }
            }
            if case .array(let values)? = node["enum"] {
                enumValues += values.count
                let strings = values.compactMap(\.stringValue)
                let length = strings.reduce(0) { $0 + $1.count }
                characters += length
                if let many = limits.largeStringEnumValues, let most = limits.largeStringEnumCharacters,
                    strings.count > many, length > most
                {
                    findings.append(finding(
                        "this string enum has \(strings.count) values (over \(many)) totalling \(length) characters; \(profile.id) allows at most \(most)",
                        at: node.at("enum")))
                }
            }
            if let constant = node["const"]?.stringValue { characters += constant.count }
            let depth = nesting(of: node.pointer)
            if depth > deepest.depth { deepest = (depth, node.pointer) }
        }
        func exceeded(_ limit: Int?, _ actual: Int, _ what: String, at pointer: JSONPointer = .root) {
            guard let limit, actual > limit else { return }
            findings.append(finding("\(what) is \(actual); \(profile.id) allows at most \(limit)", at: pointer))
        }
        exceeded(limits.totalProperties, properties, "the number of properties across the schema")
        exceeded(limits.totalStringLength, characters, "the total length of property names, definition names, enum and const values")
        exceeded(limits.totalEnumValues, enumValues, "the number of enum values across the schema")
        exceeded(limits.nestingDepth, deepest.depth, "the nesting depth", at: deepest.pointer)
    }

    /// Levels of object/array nesting above a subschema: each `properties`,
    /// `items`, `prefixItems` or `additionalProperties` step is one level.
    private func nesting(of pointer: JSONPointer) -> Int {
        var depth = 1
        var tokens = pointer.tokens[...]
        while let token = tokens.first {
            tokens = tokens.dropFirst()
            switch token {
            case "properties", "patternProperties", "prefixItems":
                depth += 1
                tokens = tokens.dropFirst()
            case "items", "additionalProperties", "additionalItems":
                depth += 1
            case "$defs", "definitions":
                tokens = tokens.dropFirst()
            default:
                break
            }
        }
        return depth
    }
}
