import SchemataJSON
import SchemataLint
import SchemataRepair
import Testing

/// The README's quick start for linting and repair, as written there.
@Suite struct ReadmeQuickStartTests {
    @Test func lintFixAndRepair() throws {
        var options = LintOptions()
        options.profile = ProviderProfile.builtIn["openai-strict"]
        let schema = try JSONValue(parsing: #"{"type": "object", "properties": {"age": {"type": "integer"}}}"#)
        let findings = try Linter(options: options).lint(schema, uri: "file:///person.json")
        #expect(findings.map(\.ruleID) == ["profile-optional-property", "profile-additional-properties"])
        let fixed = try Linter(options: options).fix(schema, uri: "file:///person.json").value
        #expect(fixed == ["type": "object", "properties": ["age": ["type": ["integer", "null"]]], "required": ["age"], "additionalProperties": false])
        let repaired = try SchemaGuidedRepairer(schema: fixed).repair("Sure! ```json\n{'age': '42',}\n```")
        #expect(repaired.value == ["age": 42])
        #expect(repaired.coercions.first?.description == #"/age: string_to_number: "42" → 42"#)
    }
}
