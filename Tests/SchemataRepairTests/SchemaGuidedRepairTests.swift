import SchemataJSON
import SchemataRepair
import Testing

@Suite struct SchemaGuidedRepairTests {
    static let schema: JSONValue = [
        "type": "object",
        "properties": [
            "age": ["type": "integer"],
            "code": ["type": "string"],
            "active": ["type": "boolean"],
            "tags": ["type": "array", "items": ["type": "string"]],
            "color": ["enum": ["red", "green"]],
            "unit": ["type": "string", "default": "kg"],
            "note": ["type": ["string", "null"]],
            "nested": ["$ref": "#/$defs/nested"],
        ],
        "required": ["age", "unit", "note"],
        "additionalProperties": false,
        "$defs": ["nested": ["type": "object", "properties": ["n": ["type": "number"]]]],
    ]

    func kinds(_ result: SchemaGuidedRepairer.Result) -> [String: String] {
        Dictionary(uniqueKeysWithValues: result.coercions.map { ($0.pointer.description, $0.kind.rawValue) })
    }

    @Test func losslessCoercions() throws {
        let repairer = try SchemaGuidedRepairer(schema: Self.schema)
        let result = repairer.repair(##"{"age": "42", "code": 7, "active": "true", "tags": "solo", "nested": {"n": "2.50"}}"##)
        #expect(result.isValid)
        #expect(result.value == ["age": 42, "code": "7", "active": true, "tags": ["solo"], "nested": ["n": 2.5], "unit": "kg", "note": .null])
        #expect(kinds(result) == [
            "/age": "string_to_number", "/code": "number_to_string", "/active": "string_to_boolean", "/tags": "wrapped_in_array",
            "/nested/n": "string_to_number", "/unit": "filled_default", "/note": "filled_null",
        ])
        // The number's text is kept exactly.
        #expect(repairer.repair(##"{"age": 1, "code": 1.50, "unit": "g", "note": null}"##).value?["code"] == "1.50")
    }

    @Test func noConversionThatLosesMeaning() throws {
        let repairer = try SchemaGuidedRepairer(schema: Self.schema)
        // "4.5" is not an integer; "yes" is not a boolean.
        let result = repairer.repair(##"{"age": "4.5", "active": "yes", "unit": "g", "note": null}"##)
        #expect(result.value?["age"] == "4.5")
        #expect(result.value?["active"] == "yes")
        #expect(!result.isValid)
    }

    @Test func lossyChangesOnlyWithoutStrict() throws {
        let text = ##"{"age": 1, "unit": "g", "note": null, "color": " RED ", "extra": true}"##
        let relaxed = try SchemaGuidedRepairer(schema: Self.schema).repair(text)
        #expect(relaxed.isValid)
        #expect(relaxed.value?["color"] == "red")
        #expect(relaxed.value?["extra"] == nil)
        #expect(relaxed.coercions.filter(\.isLossy).count == 2)
        let strict = try SchemaGuidedRepairer(schema: Self.schema, strict: true).repair(text)
        #expect(!strict.isValid)
        #expect(strict.coercions.allSatisfy { !$0.isLossy })
        #expect(strict.value?["extra"] == true)
    }

    @Test func severalValuesChooseTheOneThatValidates() throws {
        let repairer = try SchemaGuidedRepairer(schema: ["type": "object", "required": ["answer"]])
        let result = repairer.repair(##"Thinking: {"draft": 1} Final: {"answer": 42}"##)
        #expect(result.value == ["answer": 42])
        #expect(result.edits.contains { $0.kind == .choseValue })
        // Without a schema: the first complete one.
        #expect(JSONRepairer().repair(##"{"draft": 1} {"answer": 42}"##).value == ["draft": 1])
        #expect(JSONRepairer().repair(##"{"a": 1 {"b": 2}"##).value != nil)
    }

    @Test func anyOfPicksTheBranchThatFits() throws {
        let repairer = try SchemaGuidedRepairer(schema: ["anyOf": [["type": "null"], ["type": "integer"]]])
        let result = repairer.repair(##""17""##)
        #expect(result.value == 17)
        #expect(result.isValid)
    }
}
