import Foundation
import SchemataJSON
import Testing

@Suite struct ValidateCommandTests {
    /// A scratch folder with the given files.
    func folder(_ files: [String: String]) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("schemata-validate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for (name, text) in files {
            let url = directory.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return directory
    }

    let schema = #"{"type": "object", "properties": {"age": {"type": "integer", "minimum": 0}}, "required": ["age"]}"#

    @Test func validAndInvalidInstances() throws {
        let dir = try folder(["s.json": schema, "good.json": #"{"age": 3}"#, "bad.json": "{\n  \"age\": -1\n}"])
        defer { try? FileManager.default.removeItem(at: dir) }
        let good = try CommandRunner.run(["validate", dir.appendingPathComponent("s.json").path, dir.appendingPathComponent("good.json").path])
        #expect(good.status == 0)
        #expect(good.standardOutput.contains("good.json: valid"))
        let bad = try CommandRunner.run(["validate", dir.appendingPathComponent("s.json").path, dir.appendingPathComponent("bad.json").path])
        #expect(bad.status == 1)
        #expect(bad.standardError.contains("bad.json:2:10: error: expected a number at least 0, got -1 at /age [/properties/age/minimum]"))
    }

    @Test func jsonLinesReportEachLine() throws {
        let dir = try folder(["s.json": schema, "many.jsonl": "{\"age\": 1}\n{\"age\": \"x\"}\n{}\n"])
        defer { try? FileManager.default.removeItem(at: dir) }
        let outcome = try CommandRunner.run(["validate", dir.appendingPathComponent("s.json").path, dir.appendingPathComponent("many.jsonl").path])
        #expect(outcome.status == 1)
        #expect(outcome.standardOutput.contains("many.jsonl:1: valid"))
        #expect(outcome.standardError.contains("many.jsonl:2:9: error: expected integer, got string \"x\" at /age"))
        #expect(outcome.standardError.contains("many.jsonl:3:1: error: missing required property \"age\" at the root"))
    }

    @Test func standardOutputAsJSON() throws {
        let dir = try folder(["s.json": schema])
        defer { try? FileManager.default.removeItem(at: dir) }
        let outcome = try CommandRunner.run(["validate", "--json", "--output", "basic", dir.appendingPathComponent("s.json").path, "-"], input: #"{"age": 1.5}"#)
        #expect(outcome.status == 1)
        let object = try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any]
        let output = object?["output"] as? [String: Any]
        #expect(output?["valid"] as? Bool == false)
        let errors = output?["errors"] as? [[String: Any]]
        #expect(errors?.first?["keywordLocation"] as? String == "/properties/age/type")
        #expect(errors?.first?["instanceLocation"] as? String == "/age")
        let flag = try CommandRunner.run(["validate", "--json", "--output", "flag", dir.appendingPathComponent("s.json").path, "-"], input: #"{"age": 1}"#)
        #expect(flag.status == 0)
        #expect(flag.standardOutput.contains(#""output":{"valid":true}"#))
    }

    @Test func invalidSchemaIsExitTwo() throws {
        let dir = try folder(["s.json": #"{"type": "integr"}"#])
        defer { try? FileManager.default.removeItem(at: dir) }
        let outcome = try CommandRunner.run(["validate", dir.appendingPathComponent("s.json").path, "-"], input: "1")
        #expect(outcome.status == 2)
        #expect(outcome.standardError.contains("schemata: error: "))
        #expect(outcome.standardError.contains("/type"))
    }

    @Test func registryMapsPrefixesToDirectories() throws {
        let dir = try folder([
            "s.json": #"{"$ref": "https://schemas.example/person.json"}"#,
            "local/person.json": #"{"type": "object", "required": ["name"]}"#,
        ])
        defer { try? FileManager.default.removeItem(at: dir) }
        let schemaPath = dir.appendingPathComponent("s.json").path
        let unmapped = try CommandRunner.run(["validate", schemaPath, "-"], input: "{}")
        #expect(unmapped.status == 2)
        #expect(unmapped.standardError.contains("remote fetching is off"))
        let mapped = try CommandRunner.run(["validate", "--registry", "https://schemas.example/=\(dir.appendingPathComponent("local").path)", schemaPath, "-"], input: "{}")
        #expect(mapped.status == 1)
        #expect(mapped.standardError.contains("missing required property \"name\""))
    }

    @Test func usageErrors() throws {
        #expect(try CommandRunner.run(["validate", "only-a-schema.json"]).status == 2)
        #expect(try CommandRunner.run(["validate", "--output", "fancy", "a", "b"]).status == 2)
        #expect(try CommandRunner.run(["validate", "--registry", "nodirectory", "a", "b"]).status == 2)
    }

    @Test func benchmarkPrintsCompileTimeAndThroughput() throws {
        let dir = try folder(["s.json": schema, "many.jsonl": "{\"age\": 1}\n{\"age\": 2}\n"])
        defer { try? FileManager.default.removeItem(at: dir) }
        let outcome = try CommandRunner.run(["validate", "--benchmark", "--loop", "3", dir.appendingPathComponent("s.json").path, dir.appendingPathComponent("many.jsonl").path])
        #expect(outcome.status == 0)
        #expect(outcome.standardOutput.contains("compile: "))
        #expect(outcome.standardOutput.contains("instances: 2 (2 valid)"))
        #expect(outcome.standardOutput.contains("instances/s"))
        // The three loops (passes, each instance in a row, each call timed alone) agree on validity.
        #expect(outcome.standardOutput.contains("validation, each call timed alone: "))
        #expect(outcome.standardError.isEmpty)
    }
}

@Suite struct DeepInstanceTests {
    /// A deeply nested instance against a recursive schema ends in a clear
    /// error or a verdict — never a crash — in any build.
    @Test func deepInstanceAgainstRecursiveSchema() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("schemata-deep-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let schema = directory.appendingPathComponent("s.json")
        try Data(##"{"items": {"$ref": "#"}}"##.utf8).write(to: schema)
        let instance = String(repeating: "[", count: 255) + String(repeating: "]", count: 255)
        let outcome = try CommandRunner.run(["validate", schema.path, "-"], input: instance)
        #expect(outcome.status == 0 || outcome.status == 1)
        if outcome.status == 1 { #expect(outcome.standardError.contains("nested too deeply")) }
        let tooDeep = try CommandRunner.run(["validate", schema.path, "-"], input: String(repeating: "[", count: 100_000))
        #expect(tooDeep.status == 1)
        #expect(tooDeep.standardError.contains("nesting deeper than the limit of 256 levels"))
    }
}

@Suite struct ValidateResponseCommandTests {
    @Test func exampleResponseIsValid() throws {
        let outcome = try CommandRunner.run(["validate-response", "--schema", "Schemas/examples/weather-schema.json", "Schemas/examples/weather-response.json"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput == "Schemas/examples/weather-response.json: choice 0: valid\n")
    }

    @Test func jsonLinesKeepOrderAcrossCores() throws {
        // 200 lines: enough to take the parallel path; every third one broken.
        var lines: [String] = []
        for index in 0..<200 {
            let content = index % 3 == 0 ? #"{\"city\": 5}"# : #"{\"city\": \"C\#(index)\", \"temperature_c\": 1, \"conditions\": \"fog\", \"humidity_percent\": null, \"observed_at\": \"2026-11-25T10:00:00Z\"}"#
            lines.append(#"{"object":"chat.completion","choices":[{"index":0,"message":{"role":"assistant","content":"\#(content)"},"finish_reason":"stop"}]}"#)
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("schemata-vr-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("responses.jsonl")
        try Data(lines.joined(separator: "\n").utf8).write(to: file)
        let outcome = try CommandRunner.run(["validate-response", "--json", "--schema", "Schemas/examples/weather-schema.json", file.path])
        #expect(outcome.status == 1)
        let records = outcome.standardOutput.split(separator: "\n").map { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(records.count == 200)
        let lineNumbers = records.compactMap { $0?["input"] as? String }.map { Int($0.split(separator: ":").last!)! }
        #expect(lineNumbers == Array(1...200))
        let invalid = records.filter { ($0?["valid"] as? Bool) == false }.count
        #expect(invalid == 67)
    }

    @Test func truncatedAndRefusalAreDistinct() throws {
        let input = """
            {"object":"chat.completion","choices":[{"index":0,"message":{"role":"assistant","content":null,"refusal":"No."},"finish_reason":"stop"},{"index":1,"message":{"role":"assistant","content":"{\\"ci"},"finish_reason":"length"}]}
            """
        let outcome = try CommandRunner.run(["validate-response", "--schema", "Schemas/examples/weather-schema.json", "-"], input: input)
        #expect(outcome.status == 1)
        #expect(outcome.standardError.contains("<stdin>: choice 0: refusal: No."))
        #expect(outcome.standardError.contains("<stdin>: choice 1: truncated: "))
    }

    @Test func badSchemaIsExitTwo() throws {
        let outcome = try CommandRunner.run(["validate-response", "--schema", "does-not-exist.json", "-"], input: "{}")
        #expect(outcome.status == 2)
    }
}

@Suite struct RepairCommandTests {
    @Test func repairsAndListsEdits() throws {
        let outcome = try CommandRunner.run(["repair", "-"], input: "Sure! ```json\n{'a': 1, b: True,}\n```")
        #expect(outcome.status == 0)
        #expect(outcome.standardOutput == "{\"a\":1,\"b\":true}\n")
        #expect(outcome.standardError.contains("changed_quotes"))
        #expect(outcome.standardError.contains("quoted_key"))
        let none = try CommandRunner.run(["repair"], input: "nothing to see")
        #expect(none.status == 1)
        let json = try CommandRunner.run(["repair", "--json", "-"], input: "[1, 2")
        #expect(json.standardOutput.contains("\"value\":[1,2]"))
        #expect(json.standardOutput.contains("closed_container"))
    }
}

@Suite struct SchemaRepairCommandTests {
    static let schema = "Schemas/examples/weather-schema.json"

    @Test func repairWithSchemaFitsAndReports() throws {
        let input = ##"{"city": "Oslo", "temperature_c": "-3", "conditions": "SNOW", "humidity_percent": 80, "observed_at": "2026-11-25T09:00:00Z", "extra": 1"##
        let outcome = try CommandRunner.run(["repair", "--schema", Self.schema, "-"], input: input)
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(try JSONValue(parsing: outcome.standardOutput) == [
            "city": "Oslo", "temperature_c": -3, "conditions": "snow", "humidity_percent": 80, "observed_at": "2026-11-25T09:00:00Z",
        ])
        #expect(outcome.standardError.contains("/temperature_c: string_to_number: \"-3\" → -3"))
        #expect(outcome.standardError.contains("/extra: dropped_property"))
        let strict = try CommandRunner.run(["repair", "--schema", Self.schema, "--strict", "--json", "-"], input: input)
        #expect(strict.status == 1)
        let report = try JSONValue(parsing: strict.standardOutput)
        #expect(report["valid"] == false)
        #expect(report["coercions"]?.arrayValue?.count == 1)
        #expect(try CommandRunner.run(["repair", "--strict", "-"], input: "{}").status == 2)
    }

    @Test func validateResponseRepair() throws {
        let response = ##"{"id":"c","object":"chat.completion","created":1,"model":"meta/llama-4-scout","choices":[{"index":0,"message":{"role":"assistant","content":"```json\n{\"city\": \"Oslo\", \"temperature_c\": \"4\", \"conditions\": \"rain\", \"humidity_percent\": null, \"observed_at\": \"2026-11-25T09:00:00Z\"}\n```"},"finish_reason":"stop"}]}"##
        let text = try CommandRunner.run(["validate-response", "--schema", Self.schema, "--repair", "-"], input: response)
        #expect(text.status == 1, "the response itself is still not valid")
        #expect(text.standardOutput.contains("choice 0: repaired (valid): {\"city\":\"Oslo\",\"temperature_c\":4,"))
        #expect(text.standardError.contains("invalid JSON at 1:1"))
        #expect(text.standardError.contains("repair: /temperature_c: string_to_number"))
        let json = try CommandRunner.run(["validate-response", "--schema", Self.schema, "--repair", "--json", "-"], input: response)
        let line = try JSONValue(parsing: json.standardOutput)
        #expect(line["outcome"] == "invalid_json")
        #expect(line["repair"]?["valid"] == true)
        #expect(line["repair"]?["value"]?["temperature_c"] == 4)
    }
}
