import SchemataJSON
import SchemataValidator

/// `default` and `examples` values should pass their own schema: tools
/// fill them in and models copy them.
struct DefaultInvalidRule: LintRule {
    let descriptor = RuleDescriptor(id: "default-invalid", severity: .warning, summary: "A `default` that fails its own schema.")

    func check(_ schema: SchemaNode, in context: LintContext, into findings: inout [LintDiagnostic]) {
        guard let value = schema["default"], let validator = context.validator(at: schema.pointer) else { return }
        let result = validator.validate(value)
        guard !result.isValid else { return }
        findings.append(finding("`default` \(Wording.show(value)) fails its own schema: \(describe(result.errors))", at: schema.at("default")))
    }
}

/// See ``DefaultInvalidRule``.
struct ExamplesInvalidRule: LintRule {
    let descriptor = RuleDescriptor(id: "examples-invalid", severity: .warning, summary: "An `examples` value that fails its own schema.")

    func check(_ schema: SchemaNode, in context: LintContext, into findings: inout [LintDiagnostic]) {
        guard schema.draft >= .draft6, case .array(let examples)? = schema["examples"], !examples.isEmpty,
            let validator = context.validator(at: schema.pointer)
        else { return }
        for (index, example) in examples.enumerated() {
            let result = validator.validate(example)
            guard !result.isValid else { continue }
            findings.append(finding(
                "example \(Wording.show(example)) fails its own schema: \(describe(result.errors))", at: schema.at("examples").appending(index: index)))
        }
    }
}

/// The first error, with its place in the value when not the value itself.
func describe(_ errors: [ValidationError]) -> String {
    guard let error = errors.first else { return "the schema rejects it" }
    return error.message + (error.instanceLocation.isRoot ? "" : " at \(error.instanceLocation)")
}
