/// One positive and one negative fixture per rule: the positive schema
/// must produce exactly the listed findings of the rule (pointer and
/// line:column), the negative one none.
struct RuleFixture: Sendable, CustomStringConvertible {
    var rule: String
    var profile: String?
    var positive: String
    /// (JSON Pointer, "line:column") of every expected finding.
    var expected: [(pointer: String, at: String)]
    var negative: String

    var description: String { rule }
}

let ruleFixtures: [RuleFixture] = [
    RuleFixture(
        rule: "meta-schema",
        positive: """
            {
              "type": "strin",
              "minLength": -1
            }
            """,
        expected: [("/type", "2:11"), ("/minLength", "3:16")],
        negative: ##"{"type": "string", "minLength": 1}"##),
    RuleFixture(
        rule: "unresolvable-ref",
        positive: ##"{"$defs": {"a": {}}, "properties": {"x": {"$ref": "#/$defs/b"}}}"##,
        expected: [("/properties/x/$ref", "1:51")],
        negative: ##"{"$defs": {"a": {}}, "properties": {"x": {"$ref": "#/$defs/a"}}}"##),
    RuleFixture(
        rule: "unknown-keyword",
        positive: """
            {
              "type": "object",
              "requird": ["a"],
              "nullable": true
            }
            """,
        expected: [("/requird", "3:3"), ("/nullable", "4:3")],
        negative: ##"{"type": "object", "required": ["a"], "x-internal": true}"##),
    RuleFixture(
        rule: "ignored-keyword",
        positive: ##"{"then": {}, "items": {}, "additionalItems": false, "maxContains": 2, "$schema": "https://json-schema.org/draft/2019-09/schema"}"##,
        expected: [("/then", "1:2"), ("/additionalItems", "1:27"), ("/maxContains", "1:53")],
        negative: ##"{"if": {}, "then": {}, "contains": {}, "maxContains": 2}"##),
    RuleFixture(
        rule: "ref-siblings-ignored",
        positive: ##"{"$schema": "http://json-schema.org/draft-07/schema#", "definitions": {"a": {}}, "$ref": "#/definitions/a", "minimum": 3}"##,
        expected: [("/minimum", "1:109")],
        negative: ##"{"$schema": "http://json-schema.org/draft-07/schema#", "definitions": {"a": {}}, "$ref": "#/definitions/a", "description": "d"}"##),
    RuleFixture(
        rule: "deprecated-keyword",
        positive: ##"{"definitions": {"a": {}}, "$ref": "#/definitions/a"}"##,
        expected: [("/definitions", "1:2")],
        negative: ##"{"$defs": {"a": {}}, "$ref": "#/$defs/a"}"##),
    RuleFixture(
        rule: "min-max-contradiction",
        positive: """
            {
              "properties": {
                "a": {"minimum": 5, "maximum": 1},
                "b": {"minLength": 3, "maxLength": 2},
                "c": {"exclusiveMinimum": 1, "exclusiveMaximum": 1}
              }
            }
            """,
        expected: [("/properties/a/minimum", "3:22"), ("/properties/b/minLength", "4:24"), ("/properties/c/exclusiveMinimum", "5:31")],
        negative: ##"{"minimum": 1, "maximum": 1, "minLength": 2, "maxLength": 2}"##),
    RuleFixture(
        rule: "empty-enum",
        positive: ##"{"properties": {"a": {"enum": []}}}"##,
        expected: [("/properties/a/enum", "1:31")],
        negative: ##"{"enum": [null]}"##),
    RuleFixture(
        rule: "enum-value-invalid",
        positive: ##"{"type": "integer", "minimum": 0, "enum": [1, "2", -3]}"##,
        expected: [("/enum/1", "1:47"), ("/enum/2", "1:52")],
        negative: ##"{"type": "integer", "minimum": 0, "enum": [1, 2.0]}"##),
    RuleFixture(
        rule: "duplicate-enum-value",
        positive: ##"{"enum": [1, "a", 1.0, "a"]}"##,
        expected: [("/enum/2", "1:19"), ("/enum/3", "1:24")],
        negative: ##"{"enum": [1, "1", true]}"##),
    RuleFixture(
        rule: "required-forbidden",
        positive: ##"{"properties": {"a": {}}, "patternProperties": {"^x-": {}}, "additionalProperties": false, "required": ["a", "x-b", "c"]}"##,
        expected: [("/required/2", "1:117")],
        negative: ##"{"properties": {"a": {}}, "additionalProperties": false, "required": ["a"]}"##),
    RuleFixture(
        rule: "required-undeclared",
        positive: ##"{"properties": {"a": {}}, "required": ["a", "b"]}"##,
        expected: [("/required/1", "1:45")],
        negative: ##"{"properties": {"a": {}, "b": {}}, "required": ["a", "b"]}"##),
    RuleFixture(
        rule: "type-conflict",
        positive: ##"{"type": "string", "allOf": [{"minLength": 1}, {"type": ["integer", "null"]}]}"##,
        expected: [("/allOf/1", "1:48")],
        negative: ##"{"type": "number", "allOf": [{"type": "integer"}]}"##),
    RuleFixture(
        rule: "default-invalid",
        positive: ##"{"properties": {"n": {"type": "integer", "default": "3"}}}"##,
        expected: [("/properties/n/default", "1:53")],
        negative: ##"{"properties": {"n": {"type": "integer", "default": 3}}}"##),
    RuleFixture(
        rule: "examples-invalid",
        positive: ##"{"type": "string", "format": "email", "maxLength": 3, "examples": ["ab", "abcd"]}"##,
        expected: [("/examples/1", "1:74")],
        negative: ##"{"type": "string", "examples": ["ab"]}"##),
    RuleFixture(
        rule: "invalid-pattern",
        positive: ##"{"pattern": "a(b", "patternProperties": {"[": {}}}"##,
        expected: [("/pattern", "1:13"), ("/patternProperties/[", "1:42")],
        negative: ##"{"pattern": "^\\p{L}+$"}"##),
    RuleFixture(
        rule: "non-regular-pattern",
        positive: ##"{"pattern": "^(a)\\1$"}"##,
        expected: [("/pattern", "1:13")],
        negative: ##"{"pattern": "^(a)b$"}"##),
    RuleFixture(
        rule: "redos-pattern",
        positive: ##"{"properties": {"a": {"pattern": "^(\\w+\\s?)+$"}, "b": {"pattern": "^\\d+\\d+x$"}, "c": {"pattern": "(a|a)*"}}}"##,
        expected: [("/properties/a/pattern", "1:34"), ("/properties/b/pattern", "1:69"), ("/properties/c/pattern", "1:102")],
        negative: ##"{"pattern": "^(\\d+-)+\\d+$"}"##),
    RuleFixture(
        rule: "unknown-format",
        positive: ##"{"properties": {"a": {"format": "date_time"}, "b": {"format": "colour"}}}"##,
        expected: [("/properties/a/format", "1:33"), ("/properties/b/format", "1:63")],
        negative: ##"{"format": "uuid"}"##),
    RuleFixture(
        rule: "keyword-type-mismatch",
        positive: ##"{"type": "integer", "maxLength": 3, "properties": {}}"##,
        expected: [("/maxLength", "1:21"), ("/properties", "1:37")],
        negative: ##"{"type": ["integer", "string"], "maxLength": 3, "minimum": 1}"##),
    RuleFixture(
        rule: "enum-to-const",
        positive: ##"{"enum": ["only"]}"##,
        expected: [("/enum", "1:2")],
        negative: ##"{"enum": ["a", "b"]}"##),
    RuleFixture(
        rule: "redundant-type",
        positive: ##"{"type": "string", "enum": ["a", "b"]}"##,
        expected: [("/type", "1:2")],
        negative: ##"{"type": "string", "enum": ["a", 1]}"##),
    RuleFixture(
        rule: "unused-definition",
        positive: ##"{"$defs": {"used": {}, "unused": {}}, "$ref": "#/$defs/used"}"##,
        expected: [("/$defs/unused", "1:24")],
        negative: ##"{"$defs": {"used": {}, "named": {"$anchor": "n"}}, "$ref": "#/$defs/used"}"##),
    RuleFixture(
        rule: "missing-schema",
        positive: ##"{"type": "object"}"##,
        expected: [("", "1:1")],
        negative: ##"{"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object"}"##),
    RuleFixture(
        rule: "profile-unsupported-keyword", profile: "openai-strict",
        positive: ##"{"type": "object", "properties": {"a": {"type": "string", "minLength": 1}}, "required": ["a"], "additionalProperties": false, "allOf": []}"##,
        expected: [("/properties/a/minLength", "1:59"), ("/allOf", "1:127")],
        negative: ##"{"type": "object", "properties": {"a": {"type": "string", "pattern": "^a"}}, "required": ["a"], "additionalProperties": false}"##),
    RuleFixture(
        rule: "profile-unsupported-format", profile: "openai-strict",
        positive: ##"{"type": "object", "properties": {"u": {"type": "string", "format": "uri"}}, "required": ["u"], "additionalProperties": false}"##,
        expected: [("/properties/u/format", "1:69")],
        negative: ##"{"type": "object", "properties": {"u": {"type": "string", "format": "uuid"}}, "required": ["u"], "additionalProperties": false}"##),
    RuleFixture(
        rule: "profile-root", profile: "openai-strict",
        positive: ##"{"anyOf": [{"type": "object"}]}"##,
        expected: [("", "1:1"), ("/anyOf", "1:2")],
        negative: ##"{"type": "object", "properties": {}, "additionalProperties": false}"##),
    RuleFixture(
        rule: "profile-optional-property", profile: "openai-strict",
        positive: ##"{"type": "object", "properties": {"a": {"type": "string"}, "b": {"type": "integer"}}, "required": ["a"], "additionalProperties": false}"##,
        expected: [("/properties/b", "1:60")],
        negative: ##"{"type": "object", "properties": {"a": {"type": "string"}, "b": {"type": ["integer", "null"]}}, "required": ["a", "b"], "additionalProperties": false}"##),
    RuleFixture(
        rule: "profile-additional-properties", profile: "anthropic-strict",
        positive: ##"{"type": "object", "properties": {"inner": {"type": "object", "additionalProperties": true}}, "additionalProperties": false}"##,
        expected: [("/properties/inner/additionalProperties", "1:63")],
        negative: ##"{"type": "object", "properties": {"inner": {"type": "object", "additionalProperties": false}}, "additionalProperties": false}"##),
    RuleFixture(
        rule: "profile-limits", profile: "openai-strict",
        positive: ##"{"type": "object", "properties": {"a": {"type": "object", "properties": {"b": {"type": "object", "properties": {"c": {"type": "object", "properties": {"d": {"type": "object", "properties": {"e": {"type": "object", "properties": {"f": {"type": "object", "properties": {"g": {"type": "object", "properties": {"h": {"type": "object", "properties": {"i": {"type": "object", "properties": {"j": {"type": "string"}}}}}}}}}}}}}}}}}}}}}"##,
        expected: [("/properties/a/properties/b/properties/c/properties/d/properties/e/properties/f/properties/g/properties/h/properties/i/properties/j", "1:391")],
        negative: ##"{"type": "object", "properties": {"a": {"type": "object", "properties": {"b": {"type": "string"}}}}}"##),
    RuleFixture(
        rule: "profile-pattern", profile: "anthropic-strict",
        positive: ##"{"type": "object", "properties": {"w": {"type": "string", "pattern": "\\bword\\b"}}, "additionalProperties": false}"##,
        expected: [("/properties/w/pattern", "1:70")],
        negative: ##"{"type": "object", "properties": {"w": {"type": "string", "pattern": "^word$"}}, "additionalProperties": false}"##),
    RuleFixture(
        rule: "profile-unanchored-pattern", profile: "llamacpp",
        positive: ##"{"type": "string", "pattern": "[a-z]+"}"##,
        expected: [("/pattern", "1:31")],
        negative: ##"{"type": "string", "pattern": "^[a-z]+$"}"##),
    RuleFixture(
        rule: "profile-recursion", profile: "anthropic-strict",
        positive: ##"{"$defs": {"node": {"type": "object", "properties": {"next": {"$ref": "#/$defs/node"}}, "additionalProperties": false}}, "$ref": "#/$defs/node"}"##,
        expected: [("/$defs/node/properties/next/$ref", "1:71")],
        negative: ##"{"$defs": {"leaf": {"type": "string"}}, "type": "object", "properties": {"a": {"$ref": "#/$defs/leaf"}}, "additionalProperties": false}"##),
    RuleFixture(
        rule: "profile-keyword-value", profile: "anthropic-strict",
        positive: ##"{"type": "array", "minItems": 2}"##,
        expected: [("/minItems", "1:31")],
        negative: ##"{"type": "array", "minItems": 1}"##),
    RuleFixture(
        rule: "profile-properties-beside-union", profile: "llamacpp",
        positive: ##"{"properties": {"a": {}}, "anyOf": [{"required": ["a"]}]}"##,
        expected: [("/anyOf", "1:27")],
        negative: ##"{"anyOf": [{"properties": {"a": {}}, "required": ["a"]}]}"##),
    RuleFixture(
        rule: "profile-prefix-items", profile: "llamacpp",
        positive: ##"{"type": "array", "prefixItems": [{"type": "string"}]}"##,
        expected: [("/prefixItems", "1:19")],
        negative: ##"{"type": "array", "items": {"type": "string"}}"##),
    RuleFixture(
        rule: "profile-non-integer-bounds", profile: "llamacpp",
        positive: ##"{"type": "number", "minimum": 0.5, "maximum": 10}"##,
        expected: [("/minimum", "1:31")],
        negative: ##"{"type": "number", "minimum": 0, "maximum": 10}"##),
]
