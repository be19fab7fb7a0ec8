import Foundation
import SchemataJSON
import Testing
@testable import SchemataValidator

/// The meta-schema shortcut may only say "conforms" where the full check
/// (the compiled meta-schema) says so too; these tests hold it to that on
/// generated and real schemas, and check that it does answer for ordinary
/// ones (a shortcut that always declined would pass the first kind).
@Suite struct MetaSchemaShortcutTests {
    /// Each draft's compiled meta-schema: the full check.
    static let metaValidators: [Draft: Validator] = {
        var result: [Draft: Validator] = [:]
        for draft in Draft.allCases {
            let text = MetaSchemas.text(for: draft)!
            result[draft] = try! Validator(schema: JSONValue(parsing: text))
        }
        return result
    }()

    static func fullCheck(_ schema: JSONValue, _ draft: Draft) -> Bool {
        metaValidators[draft]!.isValid(schema)
    }

    /// Values of every shape a keyword might be given, right and wrong.
    static let candidateValues: [String] = [
        "null", "true", "false", "0", "1", "-1", "1.5", "1.0", "1e2", "-0", "0.0",
        #""""#, #""string""#, #""integer""#, #""strin""#, #""x#y""#, #""x#""#, #""a:b""#, #""_a""#, #""1a""#, #""a b""#,
        "[]", #"["a"]"#, #"["a", "a"]"#, #"["a", "b"]"#, #"["string", "null"]"#, #"["string", "string"]"#, #"["strin"]"#,
        "[1]", "[1, 1.0]", "[{}]", "[true]", "[false, {}]", #"[{}, {"type": 5}]"#, #"[{"a": 1}, {"a": 1}]"#, #"[{"a": 1}, {"a": 2}]"#,
        "{}", #"{"a": {}}"#, #"{"a": true}"#, #"{"a": 1}"#, #"{"a": ["b"]}"#, #"{"a": []}"#, #"{"a": ["b", "b"]}"#,
        #"{"a": {"type": 5}}"#, #"{"type": "string"}"#, #"{"type": 5}"#, #"{"a": {"minLength": -1}}"#,
        "[" + (0..<70).map { "\"n\($0)\"" }.joined(separator: ",") + "]",
    ]

    /// Places a member in a schema: at the root, beside numeric bounds (for
    /// draft 4's exclusive flags), and inside subschemas and non-schemas.
    static func contexts(_ keyword: String, _ value: String) -> [String] {
        let member = "\(JSONSerializer.quoted(keyword)): \(value)"
        let bounds = keyword == "maximum" || keyword == "minimum" ? "\"multipleOf\": 1" : "\"maximum\": 1, \"minimum\": 0"
        return [
            "{\(member)}",
            "{\(member), \(bounds)}",
            "{\"properties\": {\"p\": {\(member)}}}",
            "{\"items\": [{\(member)}]}",
            "{\"$defs\": {\"d\": {\(member)}}, \"x-extension\": {\(member)}}",
        ]
    }

    @Test(arguments: Draft.allCases)
    func neverAcceptsWhatTheMetaSchemaRejects(draft: Draft) throws {
        var accepted = 0
        var fullyValid = 0
        var wrong: [String] = []
        for keyword in MetaKeyword.allCases.map(\.name) + ["unknownKeyword"] {
            for value in Self.candidateValues {
                for text in Self.contexts(keyword, value) {
                    let schema = try JSONValue(parsing: text)
                    let shortcut = MetaSchemaShortcut.certainlyConforms(schema, to: draft)
                    let full = Self.fullCheck(schema, draft)
                    if shortcut { accepted += 1 }
                    if full { fullyValid += 1 }
                    if shortcut && !full { wrong.append(text) }
                }
            }
        }
        #expect(wrong.isEmpty, "the shortcut accepted what \(draft)'s meta-schema rejects: \(wrong.prefix(10))")
        // It settles most of what is valid (the rest goes to the full check).
        #expect(accepted * 10 >= fullyValid * 9, "\(draft): accepted \(accepted) of \(fullyValid) valid schemas")
    }

    @Test func booleanSchemasFollowTheDraft() {
        #expect(!MetaSchemaShortcut.certainlyConforms(.bool(true), to: .draft4))
        #expect(MetaSchemaShortcut.certainlyConforms(.bool(false), to: .draft6))
        #expect(!MetaSchemaShortcut.certainlyConforms(.number(1), to: .draft2020_12))
    }

    @Test func ordinarySchemasAreSettledAndBrokenOnesAreNot() throws {
        let ordinary = try JSONValue(parsing: """
            {"$schema": "http://json-schema.org/draft-07/schema#", "type": "object", "title": "Order",
             "properties": {"id": {"type": "integer", "minimum": 1}, "tags": {"type": "array", "items": {"type": "string"}, "uniqueItems": true},
                            "state": {"enum": ["open", "closed"]}, "note": {"type": ["string", "null"], "maxLength": 200}},
             "required": ["id", "state"], "additionalProperties": false,
             "definitions": {"money": {"type": "number", "multipleOf": 0.01, "exclusiveMinimum": 0}}}
            """)
        #expect(MetaSchemaShortcut.certainlyConforms(ordinary, to: .draft7))
        for broken in [#"{"minLength": -1}"#, #"{"type": "strin"}"#, #"{"required": ["a", "a"]}"#, #"{"anyOf": []}"#,
            #"{"properties": {"a": {"multipleOf": 0}}}"#, #"{"$vocabulary": {}}"#]
        {
            #expect(!MetaSchemaShortcut.certainlyConforms(try JSONValue(parsing: broken), to: .draft2020_12), "\(broken)")
        }
    }

    @Test func knowsEveryKeywordTheMetaSchemasConstrain() throws {
        for keyword in MetaKeyword.allCases { #expect(MetaKeyword(keyword.name) == keyword) }
        #expect(MetaKeyword("$Ref") == nil && MetaKeyword("types") == nil && MetaKeyword("") == nil)
        // Every name under a meta-schema's "properties" must be known, or
        // the shortcut would treat a constrained keyword as unconstrained.
        for entry in MetaSchemas.embedded {
            var pending = [try JSONValue(parsing: entry.text)]
            while let value = pending.popLast() {
                switch value {
                case .object(let object):
                    if case .object(let properties)? = object["properties"] {
                        for (name, constraint) in properties {
                            // `true` and `{}` constrain nothing (`default`, `const`).
                            let constrains = constraint != .bool(true) && constraint != .object(JSONObject())
                            #expect(!constrains || MetaKeyword(name) != nil, "\(entry.uri) constrains \(name)")
                        }
                    }
                    pending.append(contentsOf: object.map(\.value))
                case .array(let elements): pending.append(contentsOf: elements)
                default: break
                }
            }
        }
    }

    /// Real-world schemas: the official suite's and JSONSchemaBench's.
    @Test func agreesWithTheMetaSchemaOnRealSchemas() throws {
        var schemas: [(JSONValue, Draft)] = []
        if let suite = SharedData.folder("JSON-Schema-Test-Suite") {
            for draft in Draft.allCases {
                let runner = TestSuiteRunner(suite: suite, draft: draft)
                for file in runner.files("required") + runner.files("optional") {
                    let groups = try JSONParser().parse(Array(try Data(contentsOf: file)))
                    for group in groups.arrayValue ?? [] { schemas.append((group["schema"] ?? .null, draft)) }
                }
            }
        }
        if let bench = SharedData.folder("jsonschemabench") {
            let files = try FileManager.default.contentsOfDirectory(atPath: bench.path).filter { $0.hasSuffix(".jsonl") }.sorted()
            for name in files {
                let text = try String(contentsOf: bench.appendingPathComponent(name), encoding: .utf8)
                for line in text.split(separator: "\n") {
                    guard let schema = try JSONValue(parsing: String(line))["schema"] else { continue }
                    let declared = schema["$schema"]?.stringValue.flatMap(Draft.init(metaSchemaURI:)) ?? .draft2020_12
                    schemas.append((schema, declared))
                }
            }
        }
        guard !schemas.isEmpty else { return }
        var accepted = 0
        var fullyValid = 0
        for (schema, draft) in schemas {
            let shortcut = MetaSchemaShortcut.certainlyConforms(schema, to: draft)
            let full = Self.fullCheck(schema, draft)
            #expect(!shortcut || full, "accepted a schema \(draft)'s meta-schema rejects: \(JSONSerializer().string(from: schema).prefix(300))")
            if shortcut { accepted += 1 }
            if full { fullyValid += 1 }
        }
        print("meta-schema shortcut: settled \(accepted) of \(fullyValid) conforming schemas (\(schemas.count) checked)")
        #expect(accepted * 10 >= fullyValid * 9)
    }
}
