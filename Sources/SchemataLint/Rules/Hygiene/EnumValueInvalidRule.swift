import SchemataJSON
import SchemataValidator

/// `enum` and `const` values that the rest of their schema rejects can never
/// be valid (`"type": "integer", "enum": [1, "2"]`).
struct EnumValueInvalidRule: LintRule {
    let descriptor = RuleDescriptor(
        id: "enum-value-invalid", severity: .error,
        summary: "An `enum` or `const` value that its sibling keywords (`type`, bounds, `pattern` …) reject can never be valid.",
        fix: .safe)

    /// Keywords that cannot reject an enum value by themselves.
    static let inert: Set<String> = [
        "enum", "const", "title", "description", "$comment", "default", "examples", "$schema", "$id", "id", "$anchor",
        "$defs", "definitions", "deprecated", "readOnly", "writeOnly", "$dynamicAnchor", "$recursiveAnchor", "format",
    ]

    func check(_ schema: SchemaNode, in context: LintContext, into findings: inout [LintDiagnostic]) {
        guard schema["enum"] != nil || schema["const"] != nil else { return }
        guard schema.object.contains(where: { !EnumValueInvalidRule.inert.contains($0.key) }),
            let validator = context.validator(at: schema.pointer)
        else { return }
        if case .array(let values)? = schema["enum"] {
            var kept: [JSONValue] = []
            var bad: [(Int, String)] = []
            for (index, value) in values.enumerated() {
                let result = validator.validate(value)
                if result.isValid {
                    kept.append(value)
                } else {
                    bad.append((index, reason(result.errors)))
                }
            }
            for (index, why) in bad {
                let fix = kept.isEmpty ? nil : LintFix(
                    safety: .safe, summary: "remove the enum values that can never be valid", edits: [.set(schema.at("enum"), .array(kept))])
                findings.append(finding(
                    "enum value \(Wording.show(values[index])) can never be valid: \(why)", at: schema.at("enum").appending(index: index), fix: fix))
            }
        }
        if let constant = schema["const"] {
            let result = validator.validate(constant)
            if !result.isValid {
                findings.append(finding("`const` \(Wording.show(constant)) can never be valid: \(reason(result.errors))", at: schema.at("const")))
            }
        }
    }

    /// The first complaint of a keyword other than `enum`/`const` themselves.
    private func reason(_ errors: [ValidationError]) -> String {
        let own = errors.filter { !["enum", "const"].contains($0.keywordLocation.tokens.last ?? "") }
        guard let error = own.first ?? errors.first else { return "the schema rejects it" }
        let location = error.keywordLocation.isRoot ? "" : " (\(error.keywordLocation))"
        return error.message + location
    }
}
