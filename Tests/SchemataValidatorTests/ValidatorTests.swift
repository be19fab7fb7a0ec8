import SchemataJSON
import Testing
@testable import SchemataValidator

@Suite struct ValidatorTests {
    func validator(_ schema: String, options: ValidatorOptions = ValidatorOptions()) throws -> Validator {
        try Validator(schema: JSONValue(parsing: schema), options: options)
    }

    func errors(_ schema: String, _ instance: String) throws -> [SchemataValidator.ValidationError] {
        try validator(schema).validate(JSONValue(parsing: instance)).errors
    }

    @Test func messagesNameExpectedActualAndWhere() throws {
        let found = try errors(##"{"properties": {"age": {"type": "integer"}}}"##, ##"{"age": "42"}"##)
        #expect(found.count == 1)
        #expect(found[0].description == #"expected integer, got string "42" at /age"#)
        #expect(found[0].keywordLocation.description == "/properties/age/type")
        #expect(found[0].instanceLocation.description == "/age")
        #expect(found[0].absoluteKeywordLocation.hasSuffix("#/properties/age/type"))
    }

    @Test func failedAnyOfPointsAtTheClosestBranch() throws {
        let schema = ##"""
            {"anyOf": [
              {"type": "string"},
              {"type": "object", "properties": {"name": {"type": "string"}, "age": {"minimum": 0}}, "required": ["name"]}
            ]}
            """##
        let found = try errors(schema, ##"{"name": "Ada", "age": -1}"##)
        #expect(found.first?.keywordLocation.description == "/anyOf")
        // The object branch got further (into /age): its error is reported,
        // the string branch's type mismatch is not.
        #expect(found.contains { $0.instanceLocation.description == "/age" && $0.message.contains("at least 0") })
        #expect(!found.contains { $0.keywordLocation.description == "/anyOf/0/type" })
    }

    /// A `$ref` into an unknown keyword reaches a schema the scan did not
    /// number: its subschemas must be its own, not those at the same
    /// tokens below the nearest scanned ancestor (here the root, whose
    /// `/properties/a` says integer where the referenced one says string).
    @Test func unscannedSchemasCompileTheirOwnSubschemas() throws {
        let schema = ##"{"$ref": "#/x/inner", "properties": {"a": {"type": "integer"}}, "x": {"inner": {"properties": {"a": {"type": "string"}}}}}"##
        let compiled = try validator(schema)
        #expect(!compiled.isValid(try JSONValue(parsing: ##"{"a": 1}"##)))
        #expect(!compiled.isValid(try JSONValue(parsing: ##"{"a": "s"}"##)))
        #expect(compiled.isValid(try JSONValue(parsing: ##"{"b": 1}"##)))
        let found = try errors(schema, ##"{"a": 1}"##)
        #expect(found.map(\.keywordLocation.description) == ["/$ref/properties/a/type"])
    }

    @Test func batchValidityMatchesOneByOne() throws {
        let checker = try validator(##"{"type": "object", "properties": {"n": {"type": "integer"}}, "required": ["n"]}"##)
        let texts = [##"{"n": 1}"##, ##"{"n": "1"}"##, "[]", ##"{"m": 2}"##, ##"{"n": 2.0}"##]
        let documents = try texts.map { try JSONParser().parseDocument(Array($0.utf8)) }
        #expect(checker.validity(of: documents) == [true, false, false, false, true])
        #expect(checker.validity(of: documents) == documents.map { checker.isValid($0) })
        let inPlace = documents.withUnsafeBufferPointer { buffer in buffer.indices.map { checker.isValid(at: buffer.baseAddress! + $0) } }
        #expect(inPlace == [true, false, false, false, true])
        #expect(checker.validity(of: []) == [])
    }

    /// Member names of up to eight bytes are stored in their tape nodes and
    /// matched as words: every keyword that reads names must still tell
    /// `"a"` from `"a\u0000"` and an 8-byte name from a 9-byte one, on the
    /// fused paths and in full evaluation.
    @Test func shortAndLongMemberNamesOnEveryNameReadingKeyword() throws {
        let schema = ##"""
            {"type": "object",
             "properties": {"a": {"type": "integer"}, "abcdefgh": {"type": "string"}, "abcdefghi": {"type": "null"}},
             "patternProperties": {"^é": {"type": "boolean"}},
             "additionalProperties": false,
             "required": ["a"],
             "dependentRequired": {"abcdefgh": ["abcdefghi"]},
             "propertyNames": {"maxLength": 9, "pattern": "^[a-zé]"}}
            """##
        let checker = try validator(schema)
        let cases: [(String, Bool)] = [
            (##"{"a": 1}"##, true), (##"{"a": "1"}"##, false), (##"{"a\u0000": 1}"##, false), (##"{"a": 1, "a\u0000": 1}"##, false),
            (##"{"a": 1, "abcdefgh": "s", "abcdefghi": null}"##, true), (##"{"a": 1, "abcdefgh": "s"}"##, false),
            (##"{"a": 1, "abcdefgh": null, "abcdefghi": null}"##, false), (##"{"a": 1, "abcdefghi": "s"}"##, false),
            (##"{"a": 1, "é": true}"##, true), (##"{"a": 1, "éé": 0}"##, false), (##"{"a": 1, "éééé": false}"##, true),
            (##"{"a": 1, "ééééé": false}"##, true), (##"{"a": 1, "abcdefg": 1}"##, false),
        ]
        for (text, expected) in cases {
            let document = try JSONParser().parseDocument(Array(text.utf8))
            #expect(checker.isValid(document) == expected, "\(text)")
            #expect(checker.validate(document).isValid == expected, "\(text)")
        }
        // The fused object forms: a shape with patterns, and an exact record
        // of scalars (alone and as array items).
        let shape = try validator(##"""
            {"type": "object", "properties": {"a": {"type": "integer"}, "abcdefgh": {"type": "string"}, "abcdefghi": {"type": "null"}},
             "patternProperties": {"^é": {"type": "boolean"}}, "additionalProperties": false, "required": ["a"]}
            """##)
        let record = ##"{"type": "object", "additionalProperties": false, "required": ["a", "abcdefgh", "abcdefghi"], "properties": {"a": {"type": "integer"}, "abcdefgh": {"type": "string"}, "abcdefghi": {"type": "null"}}}"##
        let exact = try validator(record)
        let records = try validator(##"{"type": "array", "items": "## + record + "}")
        let shapeCases: [(String, Bool, Bool)] = [  // text, valid for `shape`, valid for `exact`
            (##"{"a": 1, "abcdefgh": "s", "abcdefghi": null}"##, true, true), (##"{"a\u0000": 1, "abcdefgh": "s", "abcdefghi": null}"##, false, false),
            (##"{"abcdefghi": null, "a": 1, "abcdefgh": "s"}"##, true, true), (##"{"a": 1, "abcdefgh": "s", "abcdefghj": null}"##, false, false),
            (##"{"a": 1, "abcdefg": "s", "abcdefghi": null}"##, false, false), (##"{"a": 1, "abcdefgh\u0000": "s", "abcdefghi": null}"##, false, false),
            (##"{"a": 1, "é": true}"##, true, false), (##"{"a": 1, "é\u0000": true}"##, true, false), (##"{"a": 1, "e": true}"##, false, false),
        ]
        for (text, shapeValid, exactValid) in shapeCases {
            let document = try JSONParser().parseDocument(Array(text.utf8))
            #expect(shape.isValid(document) == shapeValid, "\(text)")
            #expect(shape.validate(document).isValid == shapeValid, "\(text)")
            #expect(exact.isValid(document) == exactValid, "\(text)")
            #expect(exact.validate(document).isValid == exactValid, "\(text)")
            let array = try JSONParser().parseDocument(Array("[\(text), \(text)]".utf8))
            #expect(records.isValid(array) == exactValid, "[\(text)]")
            #expect(records.validate(array).isValid == exactValid, "[\(text)]")
        }
        #expect(MemoryLayout<TapeNode>.offset(of: \TapeNode.payload) == Evaluation.payloadOffset)
        // Equality of objects compares names too (const, enum, uniqueItems).
        let equality = try validator(##"{"const": {"a": 1, "abcdefghi": 2}, "uniqueItems": true}"##)
        #expect(equality.isValid(try JSONParser().parseDocument(Array(##"{"abcdefghi": 2, "a": 1}"##.utf8))))
        #expect(!equality.isValid(try JSONParser().parseDocument(Array(##"{"a\u0000": 1, "abcdefghi": 2}"##.utf8))))
        let unique = try validator(##"{"uniqueItems": true}"##)
        #expect(unique.isValid(try JSONParser().parseDocument(Array(##"[{"a": 1}, {"a\u0000": 1}, {"ab": 1}]"##.utf8))))
        #expect(!unique.isValid(try JSONParser().parseDocument(Array(##"[{"ab": 1, "abcdefghi": 0}, {"abcdefghi": 0, "ab": 1}]"##.utf8))))
    }

    /// Documents of a JSON Lines sequence share the parser's buffers while
    /// it runs; each must keep its own tape afterwards.
    @Test func sequenceDocumentsKeepTheirTapes() throws {
        let checker = try validator(##"{"properties": {"n": {"type": "integer"}}, "required": ["n"]}"##)
        let text = "{\"n\": 1}\n{\"m\": 2, \"k\": [1, 2, 3]}\n{\"n\": \"x\"}\n{\"n\": 4}\n"
        let documents = try JSONParser().parseSequence(Array(text.utf8), framing: .lines).map { try $0.result.get() }
        #expect(checker.validity(of: documents) == [true, false, false, true])
        #expect(documents.map { $0.tape.count } == documents.map { $0.nodes.count })
    }

    /// "é" (U+00E9) and "e" + U+0301 are different names and patterns in
    /// JSON, though `String` equality calls them equal.
    @Test func canonicallyEquivalentNamesStayDistinct() throws {
        let composed = "\u{E9}"
        let decomposed = "e\u{301}"
        let shapes = try validator(#"""
            {"properties": {"\#(composed)": {"type": "string"}, "\#(decomposed)": {"type": "integer"}},
             "additionalProperties": false}
            """#)
        #expect(shapes.isValid(JSONValue.object(JSONObject([(composed, JSONValue.string("x"))]))))
        #expect(shapes.isValid(JSONValue.object(JSONObject([(decomposed, JSONValue.number(JSONNumber(5)))]))))
        #expect(!shapes.isValid(JSONValue.object(JSONObject([(composed, JSONValue.number(JSONNumber(5)))]))))
        #expect(!shapes.isValid(JSONValue.object(JSONObject([(decomposed, JSONValue.string("x"))]))))
        let patterns = try validator(#"""
            {"properties": {"a": {"pattern": "^\#(composed)$"}, "b": {"pattern": "^\#(decomposed)$"}}}
            """#)
        #expect(patterns.isValid(JSONValue.object(JSONObject([("a", JSONValue.string(composed)), ("b", JSONValue.string(decomposed))]))))
        #expect(!patterns.isValid(JSONValue.object(JSONObject([("a", JSONValue.string(decomposed))]))))
        #expect(!patterns.isValid(JSONValue.object(JSONObject([("b", JSONValue.string(composed))]))))
    }

    @Test func exactNumbers() throws {
        let multiple = try validator(##"{"multipleOf": 0.1}"##)
        #expect(multiple.isValid(try JSONValue(parsing: "0.3")))
        #expect(!multiple.isValid(try JSONValue(parsing: "0.35")))
        #expect(try validator(##"{"multipleOf": 0.5}"##).isValid(JSONValue(parsing: "1e308")))
        #expect(try validator(##"{"maximum": 18446744073709551615}"##).isValid(JSONValue(parsing: "18446744073709551615")))
        #expect(try !validator(##"{"maximum": 18446744073709551615}"##).isValid(JSONValue(parsing: "18446744073709551616")))
        #expect(try validator(##"{"const": 1}"##).isValid(JSONValue(parsing: "1.0")))
        #expect(try !validator(##"{"uniqueItems": true}"##).isValid(JSONValue(parsing: "[1, 1.0]")))
    }

    @Test func invalidSchemasListEveryProblem() throws {
        let error = try #require(throws: SchemaCompileError.self) {
            try validator(##"{"type": "strin", "properties": {"a": {"minLength": -1}}}"##)
        }
        #expect(error.problems.contains { $0.pointer.description == "/type" })
        #expect(error.problems.contains { $0.pointer.description == "/properties/a/minLength" })
    }

    @Test func unresolvableReferencesAreCompileErrors() throws {
        let error = try #require(throws: SchemaCompileError.self) { try validator(##"{"$ref": "#/$defs/missing"}"##) }
        #expect(error.description.contains("missing"))
        let remote = try #require(throws: SchemaCompileError.self) { try validator(##"{"$ref": "https://example.com/x.json"}"##) }
        #expect(remote.description.contains("remote fetching is off"))
    }

    @Test func referenceCyclesWithoutProgressAreCompileErrors() throws {
        let error = try #require(throws: SchemaCompileError.self) {
            try validator(##"{"$defs": {"a": {"$ref": "#/$defs/b"}, "b": {"allOf": [{"$ref": "#/$defs/a"}]}}, "$ref": "#/$defs/a"}"##)
        }
        #expect(error.description.contains("cycle"))
        // Recursion through a child instance is fine.
        #expect(try validator(##"{"items": {"$ref": "#"}}"##).isValid(JSONValue(parsing: "[[[]]]")))
    }

    @Test func deepInstancesAgainstRecursiveSchemasEndInAClearError() throws {
        var options = ValidatorOptions()
        options.maximumEvaluationDepth = 100
        let recursive = try validator(##"{"items": {"$ref": "#"}}"##, options: options)
        var value: JSONValue = []
        for _ in 0..<200 { value = .array([value]) }
        let result = recursive.validate(value)
        #expect(!result.isValid)
        #expect(result.exceededDepth)
        #expect(result.errors.contains { $0.message.contains("nested too deeply (100 levels") })
    }

    @Test func formatIsAnAnnotationUnlessAsserted() throws {
        #expect(try validator(##"{"format": "email"}"##).isValid(JSONValue(parsing: #""not an email""#)))
        var options = ValidatorOptions()
        options.formatAssertion = true
        let strict = try validator(##"{"format": "email"}"##, options: options)
        #expect(!strict.isValid(try JSONValue(parsing: #""not an email""#)))
        #expect(strict.isValid(try JSONValue(parsing: #""ada@example.com""#)))
    }

    @Test func draftIsChosenBySchemaOrDefault() throws {
        #expect(try validator(##"{"$schema": "http://json-schema.org/draft-04/schema#"}"##).draft == .draft4)
        #expect(try validator("{}").draft == .draft2020_12)
        var options = ValidatorOptions()
        options.defaultDraft = .draft7
        // Draft 7: "$ref" hides its siblings.
        let siblings = try validator(##"{"$defs": {"s": {"type": "string"}}, "$ref": "#/$defs/s", "maxLength": 1}"##, options: options)
        #expect(siblings.isValid(try JSONValue(parsing: #""long""#)))
        let modern = try validator(##"{"$defs": {"s": {"type": "string"}}, "$ref": "#/$defs/s", "maxLength": 1}"##)
        #expect(!modern.isValid(try JSONValue(parsing: #""long""#)))
    }

    @Test func outputFormats() throws {
        let result = try validator(##"{"properties": {"a": {"type": "string"}}}"##).validate(JSONValue(parsing: ##"{"a": 1}"##))
        #expect(OutputFormat.flag.render(result) == ["valid": false])
        let basic = OutputFormat.basic.render(result)
        #expect(basic["errors"]?[0]?["instanceLocation"] == "/a")
        #expect(basic["errors"]?[0]?["keywordLocation"] == "/properties/a/type")
        let detailed = OutputFormat.detailed.render(result)
        #expect(detailed["valid"] == false)
        #expect(detailed["errors"]?[0]?["keywordLocation"] == "/properties/a/type")
    }

    @Test func validatesFromManyThreadsAtOnce() async throws {
        let shared = try validator(##"{"type": "array", "items": {"type": "integer", "minimum": 0}}"##)
        let good = JSONDocument(value: try JSONValue(parsing: "[1, 2, 3]"))
        let bad = JSONDocument(value: try JSONValue(parsing: "[1, -2, 3]"))
        let outcomes = await withTaskGroup(of: Bool.self) { group in
            for index in 0..<64 {
                group.addTask { shared.isValid(index % 2 == 0 ? good : bad) == (index % 2 == 0) }
            }
            var all: [Bool] = []
            for await outcome in group { all.append(outcome) }
            return all
        }
        #expect(outcomes.count == 64 && outcomes.allSatisfy { $0 })
    }
}

@Suite struct BacktrackingPatternTests {
    @Test func nonRegularPatternsAreReportedAtCompileTime() throws {
        let validator = try Validator(schema: JSONValue(parsing: #"{"properties": {"a": {"pattern": "^(\\w)\\1$"}, "b": {"pattern": "^\\d+$"}}}"#))
        #expect(validator.backtrackingPatterns == [#"^(\w)\1$"#])
        #expect(validator.isValid(try JSONValue(parsing: #"{"a": "xx", "b": "12"}"#)))
        #expect(!validator.isValid(try JSONValue(parsing: #"{"a": "xy"}"#)))
    }
}

/// The evaluator's fused fast paths (type-only leaves, arrays of one scalar
/// type) must agree with the full evaluation that collects errors.
@Suite struct FastPathAgreementTests {
    static let schemas: [JSONValue] = [
        ["type": "array", "minItems": 2, "maxItems": 3, "items": ["type": "number"]],
        ["type": "array", "items": ["type": "array", "minItems": 2, "items": ["type": "integer"]]],
        ["type": "array", "items": ["type": "array", "maxItems": 1, "items": ["type": ["string", "null"]]]],
        ["properties": ["c": ["type": "array", "items": ["type": "array", "items": ["type": "number"]]]]],
    ]

    @Test(arguments: 0..<4)
    func fastAndFullEvaluationAgree(_ which: Int) throws {
        let validator = try Validator(schema: Self.schemas[which])
        var generator = SystemRandomNumberGenerator()
        func scalar() -> JSONValue {
            switch Int.random(in: 0..<5, using: &generator) {
            case 0: return .number(JSONNumber(Int.random(in: -5...5, using: &generator)))
            case 1: return 1.5
            case 2: return "s"
            case 3: return .null
            default: return true
            }
        }
        func array(_ depth: Int) -> JSONValue {
            .array((0..<Int.random(in: 0..<5, using: &generator)).map { _ in depth > 0 && Bool.random(using: &generator) ? array(depth - 1) : scalar() })
        }
        for _ in 0..<500 {
            let instance: JSONValue = which == 3 ? ["c": array(2)] : array(2)
            let document = JSONDocument(value: instance)
            #expect(validator.isValid(document) == validator.validate(document).isValid, "\(instance)")
        }
    }
}

/// Fused object shapes (properties, required, patternProperties,
/// additionalProperties false or a schema, in one pass) against the full
/// evaluation.
@Suite struct ObjectShapeAgreementTests {
    static let schemas: [JSONValue] = [
        ["type": "object", "properties": ["a": ["type": "integer"], "b": ["type": "string"]], "required": ["a"], "additionalProperties": false],
        ["properties": ["a": ["type": "integer"]], "required": ["a", "z"]],
        ["type": "object", "properties": ["a": ["minimum": 2]], "patternProperties": ["^x-": ["type": "string"], "a": ["type": "number"]],
         "additionalProperties": false],
        ["properties": ["a": ["type": "object", "properties": ["b": ["type": "null"]], "additionalProperties": false]]],
        // additionalProperties as a schema: unnamed members, and required names no property describes.
        ["type": "object", "properties": ["a": ["type": "integer"]], "additionalProperties": ["type": "string"], "required": ["a", "z"]],
        ["properties": ["a": ["type": "integer"]], "patternProperties": ["^x-": ["type": "null"]], "additionalProperties": ["type": "number"]],
        ["properties": ["a": true], "patternProperties": ["^x": ["type": "null"]], "additionalProperties": ["type": "object"], "required": ["z"]],
        // Members and additional members behind lone `$ref`s (the fast path goes straight to the targets).
        ["type": "object", "properties": ["a": ["$ref": "#/$defs/int"], "b": ["$ref": "#/$defs/viaRef"]],
         "additionalProperties": ["$ref": "#/$defs/notNumber"], "required": ["a"],
         "$defs": ["int": ["type": "integer"], "viaRef": ["$ref": "#/$defs/record"], "notNumber": ["not": ["type": "number"]],
                   "record": ["type": "object", "properties": ["b": ["type": "null"]], "additionalProperties": false]]],
        // A type set with `object` in it (as the meta-schemas' ["object", "boolean"]): non-objects of the other types pass.
        ["type": ["object", "null", "integer"], "properties": ["a": ["type": "integer"]], "required": ["a"], "additionalProperties": false],
    ]

    @Test(arguments: 0..<9)
    func fastAndFullEvaluationAgree(_ which: Int) throws {
        let validator = try Validator(schema: Self.schemas[which])
        var generator = SystemRandomNumberGenerator()
        let names = ["a", "b", "z", "x-1", "x-", "q", "ab"]
        func scalar() -> JSONValue {
            switch Int.random(in: 0..<6, using: &generator) {
            case 0: return .number(JSONNumber(Int.random(in: -1...4, using: &generator)))
            case 1: return 2.5
            case 2: return "s"
            case 3: return .null
            case 4: return ["b": .null]
            default: return ["b": 1]
            }
        }
        for _ in 0..<500 {
            var members: [(String, JSONValue)] = []
            for _ in 0..<Int.random(in: 0..<5, using: &generator) {
                members.append((names.randomElement(using: &generator)!, scalar()))
            }
            let instance: JSONValue
            switch Int.random(in: 0..<14, using: &generator) {
            case 0: instance = "not an object"
            case 1: instance = .null
            case 2: instance = 3
            case 3: instance = 3.0
            case 4: instance = 3.5
            default: instance = .object(JSONObject(members))
            }
            let document = JSONDocument(value: instance)
            #expect(validator.isValid(document) == validator.validate(document).isValid, "\(instance)")
        }
    }

    /// A closed shape whose names are all required and all of scalar types
    /// is checked by counting members and matching each (no record of the
    /// names seen): every arrangement, a missing, extra or repeated name, a
    /// container where a scalar belongs, and members shadowed by a later
    /// duplicate under `keepLast` must get the full evaluation's verdict.
    @Test func exactScalarShapesAgree() throws {
        let validator = try Validator(schema: [
            "type": "object", "additionalProperties": false, "required": ["a", "b", "ab"],
            "properties": ["a": ["type": "integer"], "b": ["type": ["string", "null"]], "ab": ["type": "number"]],
        ])
        let arrayOfThem = try Validator(schema: [
            "type": "array",
            "items": ["type": "object", "additionalProperties": false, "required": ["a", "b", "ab"],
                      "properties": ["a": ["type": "integer"], "b": ["type": ["string", "null"]], "ab": ["type": "number"]]],
        ])
        let cases: [(String, Bool)] = [
            (#"{"a": 1, "b": "s", "ab": 2.5}"#, true), (#"{"ab": 0, "b": null, "a": 1.0}"#, true), (#"{"b": "s", "ab": 1, "a": -3}"#, true),
            (#"{"a": 1, "b": "s"}"#, false), (#"{"a": 1, "b": "s", "ab": 2, "c": 0}"#, false), (#"{"a": 1, "b": "s", "c": 2}"#, false),
            (#"{"a": 1.5, "b": "s", "ab": 2}"#, false), (#"{"a": 1, "b": 2, "ab": 2}"#, false), (#"{"a": 1, "b": [], "ab": 2}"#, false),
            (#"{"a": {}, "b": "s", "ab": 2}"#, false), (#"{"a": 1, "bb": "s", "ab": 2}"#, false), (#"{}"#, false),
            // Shadowed by a later duplicate: three members on the tape, two names.
            (#"{"a": 1, "a": 2, "b": null}"#, false), (#"{"a": "x", "a": 1, "b": null, "ab": 3}"#, true),
            (#"{"a": 1, "b": null, "ab": 3, "ab": "x"}"#, false),
        ]
        var options = JSONParseOptions()
        options.duplicateKeys = .keepLast
        for (text, expected) in cases {
            let document = try JSONParser(options: options).parseDocument(Array(text.utf8))
            #expect(validator.isValid(document) == expected, "\(text)")
            #expect(validator.validate(document).isValid == expected, "\(text)")
            let array = try JSONParser(options: options).parseDocument(Array("[\(text), \(text)]".utf8))
            #expect(arrayOfThem.isValid(array) == expected, "[\(text)]")
            #expect(arrayOfThem.validate(array).isValid == expected, "[\(text)]")
            // A non-object element (with as many "members" as the shape) fails either way.
            let mixed = try JSONParser(options: options).parseDocument(Array("[\(text), [1, 2, 3], \(text)]".utf8))
            #expect(!arrayOfThem.isValid(mixed), "[\(text), [1, 2, 3]]")
            #expect(!arrayOfThem.validate(mixed).isValid, "[\(text), [1, 2, 3]]")
        }
    }

    /// Draft 4 (where `1.0` is not an integer) takes the same fused forms:
    /// `type` without `integer` carries no literal-integer flag, while an
    /// `integer` member still tells `1.0` from `1` on both paths.
    @Test func draft4ShapesKeepLiteralIntegers() throws {
        let validator = try Validator(schema: [
            "$schema": "http://json-schema.org/draft-04/schema#",
            "type": "object", "additionalProperties": false, "required": ["n"],
            "properties": [
                "n": ["type": "integer"], "s": ["type": "string"],
                "list": ["type": "array", "items": ["type": "object", "properties": ["k": ["type": "integer"]]]],
                "pairs": ["type": "array", "items": ["type": "array", "items": ["type": "number"]]],
            ],
        ])
        let cases: [(String, Bool)] = [
            (#"{"n": 1}"#, true), (#"{"n": 1.0}"#, false), (#"{"n": 1, "s": 2}"#, false), (#"{"n": 1, "t": 0}"#, false),
            (#"{"n": 1, "list": [{"k": 3}, {"k": 3.0}]}"#, false), (#"{"n": 1, "list": [{"k": 3}, {}]}"#, true),
            (#"{"n": 1, "pairs": [[1.5, 2], [3]]}"#, true), (#"{"n": 1, "pairs": [[1.5, "x"]]}"#, false), ("[]", false),
        ]
        for (text, expected) in cases {
            let document = try JSONParser().parseDocument(Array(text.utf8))
            #expect(validator.isValid(document) == expected, "\(text)")
            #expect(validator.validate(document).isValid == expected, "\(text)")
        }
    }

    /// The same shapes as `items` (arrays of records take a fused loop).
    @Test(arguments: 0..<9)
    func arraysOfShapesAgree(_ which: Int) throws {
        // Items behind a `$ref` (forwarded on the fast path), with the
        // shape's own definitions moved to the root where its refs point.
        var definitions = Self.schemas[which].objectValue?["$defs"]?.objectValue ?? JSONObject()
        definitions["item"] = Self.schemas[which]
        let validator = try Validator(schema: [
            "type": "array", "items": ["$ref": "#/$defs/item"], "minItems": 1, "maxItems": 3, "$defs": .object(definitions),
        ])
        let single = try Validator(schema: Self.schemas[which])
        var generator = SystemRandomNumberGenerator()
        let names = ["a", "b", "z", "x-1", "q"]
        for _ in 0..<300 {
            var elements: [JSONValue] = []
            for _ in 0..<Int.random(in: 0..<5, using: &generator) {
                var members: [(String, JSONValue)] = []
                for _ in 0..<Int.random(in: 0..<3, using: &generator) {
                    let value: JSONValue = [.number(JSONNumber(Int.random(in: 0...3, using: &generator))), "s", .null, ["b": .null]]
                        .randomElement(using: &generator)!
                    members.append((names.randomElement(using: &generator)!, value))
                }
                elements.append(Int.random(in: 0..<8, using: &generator) == 0 ? 7 : .object(JSONObject(members)))
            }
            let document = JSONDocument(value: .array(elements))
            let expected = (1...3).contains(elements.count) && elements.allSatisfy { single.isValid(JSONDocument(value: $0)) }
            #expect(validator.isValid(document) == expected, "\(elements)")
            #expect(validator.validate(document).isValid == expected, "\(elements)")
            // Not an array at all: `type` fails on both paths.
            let notArray = JSONDocument(value: elements.first ?? ["a": 1])
            #expect(!validator.isValid(notArray))
            #expect(!validator.validate(notArray).isValid)
        }
    }
}

/// Tagged unions (`anyOf`/`oneOf` dispatched on a string tag) against the
/// full evaluation, including tags listed twice, branches behind `$ref`,
/// nested unions, and branches the tag cannot decide.
@Suite struct TaggedUnionAgreementTests {
    static let schemas: [JSONValue] = [
        ["oneOf": [
            ["properties": ["kind": ["const": "a"], "x": ["type": "integer"]], "required": ["x"]],
            ["properties": ["kind": ["enum": ["b", "c"]], "y": ["type": "string"]]],
            ["$ref": "#/$defs/d"],
        ], "$defs": ["d": ["type": "object", "properties": ["kind": ["const": "c"], "z": ["type": "null"]]]]],
        ["anyOf": [
            ["properties": ["kind": ["const": "a"]], "required": ["kind"]],
            ["properties": ["kind": ["const": "a"], "x": ["minimum": 3]]],
            ["properties": ["kind": ["type": "string", "enum": ["e"]]], "additionalProperties": false],
        ]],
        // Branches the tag cannot decide (they run for every tag, non-strings
        // included), a nested union whose tags count for its branch (one tag
        // twice in it), and a branch whose type excludes objects.
        ["oneOf": [
            ["properties": ["kind": ["const": "a"], "x": ["type": "integer"]]],
            ["oneOf": [["properties": ["kind": ["const": "b"]]], ["properties": ["kind": ["enum": ["b", "c"]], "y": ["type": "null"]]]]],
            ["properties": ["kind": ["not": ["enum": ["a", "b"]]]], "required": ["z"]],
            ["type": "integer"],
            ["required": ["q"], "properties": ["q": ["type": "boolean"]]],
        ]],
        ["anyOf": [
            ["properties": ["kind": ["const": "d"]], "required": ["x"]],
            ["anyOf": [["properties": ["kind": ["const": "e"]]], ["properties": ["kind": ["const": "a"], "q": ["type": "string"]]]]],
            ["properties": ["x": ["minimum": 4]], "required": ["x"]],
            ["type": "array"],
        ]],
    ]

    @Test func unionsWithUndecidedBranchesGetATable() throws {
        let program = try Validator(schema: Self.schemas[2]).box.program
        let table = try #require(program.discriminators.first)
        // Branches 2 and 4 run for every tag; 0, 1 (nested) and 3 (an integer) are decided by it.
        #expect(program.discriminatorAlways[Int(table.alwaysStart)..<Int(table.alwaysStart + table.alwaysCount)] == [2, 4])
        #expect(Set(program.discriminatorValues.map(\.branch)) == [0, 1])
    }

    @Test(arguments: 0..<4)
    func fastAndFullEvaluationAgree(_ which: Int) throws {
        let validator = try Validator(schema: Self.schemas[which])
        var generator = SystemRandomNumberGenerator()
        let tags: [JSONValue] = ["a", "b", "c", "d", "e", 1, .null]
        let values: [JSONValue] = [1, 5, "s", .null, true, false]
        for _ in 0..<600 {
            var members: [(String, JSONValue)] = []
            if Int.random(in: 0..<5, using: &generator) > 0 { members.append(("kind", tags.randomElement(using: &generator)!)) }
            for name in ["x", "y", "z", "q"] where Bool.random(using: &generator) {
                members.append((name, values.randomElement(using: &generator)!))
            }
            let instance: JSONValue = Int.random(in: 0..<12, using: &generator) == 0 ? 7 : .object(JSONObject(members))
            let document = JSONDocument(value: instance)
            #expect(validator.isValid(document) == validator.validate(document).isValid, "\(instance)")
        }
    }
}
