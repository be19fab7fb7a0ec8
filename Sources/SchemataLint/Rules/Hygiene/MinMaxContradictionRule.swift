import SchemataJSON

/// Lower bounds above upper bounds: no instance of the constrained type can
/// satisfy both.
struct MinMaxContradictionRule: LintRule {
    let descriptor = RuleDescriptor(
        id: "min-max-contradiction", severity: .error,
        summary: "A lower bound above its upper bound (`minimum > maximum`, `minLength > maxLength`, more `required` names than `maxProperties` …).")

    func check(_ schema: SchemaNode, in context: LintContext, into findings: inout [LintDiagnostic]) {
        func number(_ keyword: String) -> JSONNumber? { schema[keyword]?.numberValue }
        func report(_ low: String, _ high: String, _ what: String, strict: Bool) {
            guard let lower = number(low), let upper = number(high) else { return }
            let contradicts = strict ? lower >= upper : lower > upper
            guard contradicts else { return }
            findings.append(finding(
                "\(Wording.code(low)) \(lower) is \(strict && lower == upper ? "equal to" : "greater than") \(Wording.code(high)) \(upper): no \(what) satisfies both",
                at: schema.at(low)))
        }
        report("minLength", "maxLength", "string", strict: false)
        report("minItems", "maxItems", "array", strict: false)
        report("minProperties", "maxProperties", "object", strict: false)
        report("minContains", "maxContains", "array", strict: false)
        if schema.draft == .draft4 {
            // Draft 4: exclusiveMinimum/exclusiveMaximum are booleans on the bounds.
            let exclusive = schema["exclusiveMinimum"] == .bool(true) || schema["exclusiveMaximum"] == .bool(true)
            report("minimum", "maximum", "number", strict: exclusive)
        } else {
            report("minimum", "maximum", "number", strict: false)
            report("exclusiveMinimum", "exclusiveMaximum", "number", strict: true)
            report("minimum", "exclusiveMaximum", "number", strict: true)
            report("exclusiveMinimum", "maximum", "number", strict: true)
        }
        if case .array(let names)? = schema["required"], let maximum = number("maxProperties")?.int64Value,
            Set(names).count > maximum
        {
            findings.append(finding(
                "`required` names \(Set(names).count) properties but `maxProperties` is \(maximum): no object satisfies both",
                at: schema.at("required")))
        }
    }
}
