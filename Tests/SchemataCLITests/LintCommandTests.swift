import Foundation
import SchemataJSON
import Testing

@Suite struct LintCommandTests {
    /// A fresh folder with the given files.
    func folder(_ files: [String: String]) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("schemata-lint-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for (name, text) in files {
            let url = directory.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return directory
    }

    static let clean = ##"{"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object", "properties": {"a": {"type": "string"}}}"##
    static let broken = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "type": "string",
          "minLength": 4,
          "maxLength": 2
        }
        """

    @Test func exitCodes() throws {
        let directory = try folder(["clean.json": Self.clean, "broken.json": Self.broken, "notjson.json": "{\"a\": tru}"])
        let clean = try CommandRunner.run(["lint", directory.appendingPathComponent("clean.json").path])
        #expect(clean.status == 0)
        #expect(clean.standardOutput == "1 file linted: no problems\n")
        let broken = try CommandRunner.run(["lint", directory.appendingPathComponent("broken.json").path])
        #expect(broken.status == 1)
        #expect(broken.standardOutput.contains("broken.json:4:16: error: `minLength` 4 is greater than `maxLength` 2"))
        #expect(broken.standardOutput.contains("[min-max-contradiction] at /minLength"))
        let unreadable = try CommandRunner.run(["lint", directory.appendingPathComponent("notjson.json").path])
        #expect(unreadable.status == 2)
        #expect(unreadable.standardOutput.contains("notjson.json:1:7"))
        let missing = try CommandRunner.run(["lint", directory.appendingPathComponent("absent.json").path])
        #expect(missing.status == 2)
    }

    @Test func directoriesAreSearchedAndCrossFileReferencesResolve() throws {
        let directory = try folder([
            "a.json": ##"{"$schema": "https://json-schema.org/draft/2020-12/schema", "$ref": "sub/b.json#/$defs/name"}"##,
            "sub/b.json": ##"{"$schema": "https://json-schema.org/draft/2020-12/schema", "$defs": {"name": {"type": "string"}}, "$ref": "#/$defs/name"}"##,
            "c.json": ##"{"$schema": "https://json-schema.org/draft/2020-12/schema", "$ref": "sub/missing.json"}"##,
            "README.md": "not a schema",
        ])
        let outcome = try CommandRunner.run(["lint", directory.path])
        #expect(outcome.status == 1)
        #expect(outcome.standardOutput.contains("3 files linted: 1 error"), "\(outcome.standardOutput)")
        #expect(outcome.standardOutput.contains("c.json:1:69: error: $ref \"sub/missing.json\" does not resolve"))
    }

    @Test func onlyExcludeAndUnknownRules() throws {
        let directory = try folder(["broken.json": Self.broken])
        let path = directory.appendingPathComponent("broken.json").path
        #expect(try CommandRunner.run(["lint", path, "--exclude", "min-max-contradiction"]).status == 0)
        #expect(try CommandRunner.run(["lint", path, "--only", "unknown-keyword,missing-schema"]).status == 0)
        let unknown = try CommandRunner.run(["lint", path, "--only", "min-max-contradictions"])
        #expect(unknown.status == 2)
        #expect(unknown.standardError.contains("unknown rule 'min-max-contradictions'; did you mean 'min-max-contradiction'?"))
        let profile = try CommandRunner.run(["lint", path, "--profile", "openai"])
        #expect(profile.status == 2)
        #expect(profile.standardError.contains("unknown profile 'openai'"))
    }

    @Test func listRules() throws {
        let text = try CommandRunner.run(["lint", "--list-rules"])
        #expect(text.status == 0)
        #expect(text.standardOutput.contains("min-max-contradiction"))
        #expect(text.standardOutput.contains("profile-optional-property"))
        let json = try CommandRunner.run(["lint", "--list-rules", "--format", "json"])
        let rules = try JSONValue(parsing: json.standardOutput)
        #expect((rules.arrayValue?.count ?? 0) >= 30)
        #expect(rules.arrayValue?.allSatisfy { $0["id"]?.stringValue != nil && $0["severity"]?.stringValue != nil } == true)
    }

    @Test func sarifAndJSONFormats() throws {
        let directory = try folder(["broken.json": Self.broken])
        let path = directory.appendingPathComponent("broken.json").path
        let sarif = try CommandRunner.run(["lint", path, "--format", "sarif"])
        #expect(sarif.status == 1)
        let log = try JSONValue(parsing: sarif.standardOutput)
        #expect(log["version"] == "2.1.0")
        #expect(log[pointer: try JSONPointer("/runs/0/results/0/ruleId")] == "min-max-contradiction")
        let json = try CommandRunner.run(["lint", path, "--format", "json"])
        let report = try JSONValue(parsing: json.standardOutput)
        #expect(report[pointer: try JSONPointer("/files/0/diagnostics/0/line")] == 4)
    }

    @Test func fixInPlaceAndToOutput() throws {
        let schema = ##"{"type": "object", "properties": {"n": {"type": "integer", "minLength": 2}}}"##
        let directory = try folder(["s.json": schema])
        let path = directory.appendingPathComponent("s.json").path
        let out = directory.appendingPathComponent("out.json").path
        let toOutput = try CommandRunner.run(["lint", path, "--profile", "openai-strict", "--fix", "--output", out])
        #expect(toOutput.status == 0, "\(toOutput.standardOutput)")
        #expect(toOutput.standardOutput.contains("fixed [profile-optional-property] at /properties/n"))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == schema, "--output leaves the input alone")
        let fixed = try JSONValue(parsing: try String(contentsOfFile: out, encoding: .utf8))
        #expect(fixed == ["type": "object", "properties": ["n": ["type": ["integer", "null"]]], "required": ["n"], "additionalProperties": false])
        let inPlace = try CommandRunner.run(["lint", path, "--fix", "--exclude", "missing-schema"])
        #expect(inPlace.status == 0)
        #expect(try JSONValue(parsing: try String(contentsOfFile: path, encoding: .utf8)) == ["type": "object", "properties": ["n": ["type": "integer"]]])
        #expect(try CommandRunner.run(["lint", path, "--output", out]).status == 2, "--output needs --fix")
    }
}
