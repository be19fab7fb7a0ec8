import SchemataJSON
import SchemataLint
import Testing

@Suite struct LintFixTests {
    func fix(_ text: String, profile: String? = nil, unsafe: Bool = false) throws -> Linter.FixResult {
        var options = LintOptions()
        if let profile { options.profile = try #require(ProviderProfile.builtIn[profile]) }
        options.appliesUnsafeFixes = unsafe
        return try Linter(options: options).fix(try JSONValue(parsing: text), uri: "file:///fix.json")
    }

    @Test func safeFixesKeepWhatTheSchemaAccepts() throws {
        let result = try fix(##"{"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "integer", "enum": [1, 1.0, "x", 2], "minLength": 2, "then": {}}"##)
        #expect(result.value == (try JSONValue(parsing: ##"{"$schema": "https://json-schema.org/draft/2020-12/schema", "enum": [1, 2]}"##)))
        #expect(Set(result.applied.map(\.ruleID)) == ["duplicate-enum-value", "enum-value-invalid", "keyword-type-mismatch", "ignored-keyword", "redundant-type"])
        #expect(result.remaining.isEmpty)
    }

    @Test func semanticsChangingFixesWaitForUnsafeFixes() throws {
        let text = ##"{"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "string", "titel": "Name", "format": "emial"}"##
        let cautious = try fix(text)
        #expect(cautious.applied.isEmpty)
        #expect(cautious.remaining.map(\.ruleID) == ["unknown-keyword", "unknown-format"])
        let bold = try fix(text, unsafe: true)
        #expect(bold.value == (try JSONValue(parsing: ##"{"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "string", "title": "Name", "format": "email"}"##)))
        #expect(bold.remaining.isEmpty)
    }

    @Test func renamingDefinitionsUpdatesReferences() throws {
        let result = try fix(##"{"$schema": "https://json-schema.org/draft/2020-12/schema", "definitions": {"a": {"type": "string"}, "b": {"$ref": "#/definitions/a"}}, "$ref": "#/definitions/b"}"##)
        #expect(result.value == (try JSONValue(parsing: ##"{"$schema": "https://json-schema.org/draft/2020-12/schema", "$defs": {"a": {"type": "string"}, "b": {"$ref": "#/$defs/a"}}, "$ref": "#/$defs/b"}"##)))
        #expect(result.remaining.isEmpty)
    }

    @Test func openAIStrictTransformationsMakeASchemaAcceptable() throws {
        let text = ##"""
            {
              "type": "object",
              "properties": {
                "name": {"type": "string", "minLength": 1},
                "age": {"type": "integer"},
                "email": {"type": "string", "format": "uri"},
                "kind": {"oneOf": [{"const": "a"}, {"const": "b"}]},
                "address": {"type": "object", "properties": {"city": {"type": "string"}}}
              },
              "required": ["name"]
            }
            """##
        let result = try fix(text, profile: "openai-strict")
        #expect(result.remaining.filter { $0.severity == .error }.isEmpty, "\(result.remaining)")
        let value = result.value
        #expect(value["required"] == ["name", "age", "email", "kind", "address"])
        #expect(value["additionalProperties"] == false)
        #expect(value[pointer: try JSONPointer("/properties/age/type")] == ["integer", "null"])
        #expect(value[pointer: try JSONPointer("/properties/kind/anyOf")] != nil)
        #expect(value[pointer: try JSONPointer("/properties/name/description")] == "minLength: 1")
        #expect(value[pointer: try JSONPointer("/properties/address/additionalProperties")] == false)
        #expect(value[pointer: try JSONPointer("/properties/address/required")] == ["city"])
        // Fixing again changes nothing.
        let again = try Linter(options: { var o = LintOptions(); o.profile = ProviderProfile.builtIn["openai-strict"]; return o }())
            .fix(value, uri: "file:///fix.json")
        #expect(again.applied.isEmpty)
        #expect(again.value == value)
    }

    @Test func fixesNeverBreakReferences() throws {
        // `properties` under a string type is dead, but something refers into it: no fix offered.
        let result = try fix(##"{"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "string", "properties": {"a": {"type": "integer"}}, "$defs": {"x": {"$ref": "#/properties/a"}}, "allOf": [{"$ref": "#/$defs/x"}]}"##)
        #expect(result.applied.isEmpty)
        #expect(result.remaining.contains { $0.ruleID == "keyword-type-mismatch" && $0.fix == nil })
    }

    @Test func fixedNullableUnion() throws {
        let result = try fix(##"{"type": "object", "properties": {"n": {"$ref": "#/$defs/n"}}, "additionalProperties": false, "$defs": {"n": {"type": "number"}}}"##, profile: "openai-strict")
        #expect(result.value[pointer: try JSONPointer("/properties/n")] == ["anyOf": [["$ref": "#/$defs/n"], ["type": "null"]]])
    }
}
