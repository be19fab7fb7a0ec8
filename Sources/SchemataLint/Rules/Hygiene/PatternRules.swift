import SchemataJSON
import SchemataRegex

/// Every pattern of a subschema, with where it is: `pattern` values and
/// `patternProperties` names.
func patterns(of schema: SchemaNode) -> [(pattern: String, pointer: JSONPointer, isKey: Bool)] {
    var result: [(String, JSONPointer, Bool)] = []
    if let pattern = schema["pattern"]?.stringValue { result.append((pattern, schema.at("pattern"), false)) }
    for (name, _) in schema["patternProperties"]?.objectValue ?? JSONObject() {
        result.append((name, schema.at("patternProperties").appending(name), true))
    }
    return result
}

/// Patterns must be ECMA-262 regular expressions.
struct InvalidPatternRule: LintRule {
    let descriptor = RuleDescriptor(id: "invalid-pattern", severity: .error, summary: "A `pattern` or `patternProperties` name that is not a valid ECMA-262 regular expression.")

    func check(_ schema: SchemaNode, in context: LintContext, into findings: inout [LintDiagnostic]) {
        for (pattern, pointer, isKey) in patterns(of: schema) {
            guard case .failure(let error) = context.regex(pattern) else { continue }
            findings.append(finding("invalid ECMA-262 pattern \(Wording.show(.string(pattern))): \(error)", at: pointer, key: isKey))
        }
    }
}

/// Backreferences and lookaround are not regular: constrained decoders
/// cannot enforce them and matching needs backtracking.
struct NonRegularPatternRule: LintRule {
    let descriptor = RuleDescriptor(
        id: "non-regular-pattern", severity: .warning,
        summary: "A pattern with backreferences or lookaround: constrained decoding cannot enforce it, and matching needs backtracking.")

    func check(_ schema: SchemaNode, in context: LintContext, into findings: inout [LintDiagnostic]) {
        for (pattern, pointer, isKey) in patterns(of: schema) {
            guard case .success(let regex) = context.regex(pattern), regex.facts.isNonRegular else { continue }
            findings.append(finding(
                "pattern \(Wording.show(.string(pattern))) uses backreferences or lookaround: token-level constrained decoding cannot enforce it, and it runs on a budgeted backtracking matcher",
                at: pointer, key: isKey))
        }
    }
}

/// Patterns that make backtracking engines exponential or polynomial.
struct ReDoSPatternRule: LintRule {
    let descriptor = RuleDescriptor(
        id: "redos-pattern", severity: .warning,
        summary: "A pattern that backtracking engines (Python, JavaScript, PCRE, Java) can take exponential or polynomial time on.")

    func check(_ schema: SchemaNode, in context: LintContext, into findings: inout [LintDiagnostic]) {
        for (pattern, pointer, isKey) in patterns(of: schema) {
            guard case .success(let regex) = context.regex(pattern), let hazard = regex.facts.backtrackingHazard else { continue }
            findings.append(finding("pattern \(Wording.show(.string(pattern))) is prone to ReDoS: \(hazard)", at: pointer, key: isKey))
        }
    }
}
