import SchemataJSON
import SchemataRepair
import SchemataResponses

/// `validate-response --repair`: repairs the text of outcomes that failed
/// (invalid JSON, schema violations, truncation), fitted to the schema the
/// text had to follow; one repairer per schema, compiled on first use.
final class ResponseRepairs {
    /// The content schema, if any.
    let contentSchema: JSONValue?
    /// Tool parameter schemas by function name.
    let toolSchemas: [String: JSONValue]
    private var repairers: [String: SchemaGuidedRepairer?] = [:]

    init(contentSchema: JSONValue?, toolSchemas: [String: JSONValue]) {
        self.contentSchema = contentSchema
        self.toolSchemas = toolSchemas
    }

    /// The repair of a failed outcome, or `nil` when it has no text to repair.
    func repair(_ outcome: ResponseOutcome) -> SchemaGuidedRepairer.Result? {
        guard [.invalidJSON, .schemaViolation, .truncated].contains(outcome.kind), let text = outcome.text else { return nil }
        let key = outcome.toolCall.map { "tool:" + $0 } ?? ""
        let schema = outcome.toolCall.map { toolSchemas[$0] } ?? contentSchema
        if repairers[key] == nil {
            repairers[key] = schema.flatMap { try? SchemaGuidedRepairer(schema: $0) }
        }
        if let repairer = repairers[key] ?? nil { return repairer.repair(text) }
        let plain = JSONRepairer().repair(text)
        return SchemaGuidedRepairer.Result(value: plain.value, edits: plain.edits, coercions: [], isValid: plain.value != nil)
    }

    /// The repair as JSON for `--json`.
    static func json(_ result: SchemaGuidedRepairer.Result) -> JSONValue {
        [
            "value": result.value ?? .null, "valid": .bool(result.isValid),
            "edits": .array(result.edits.map(SchemataCommand.Repair.editJSON)),
            "coercions": .array(result.coercions.map(SchemataCommand.Repair.coercionJSON)),
        ]
    }
}
