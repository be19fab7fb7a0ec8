import SchemataJSON
import SchemataLint
import Testing

@Suite struct ReportTests {
    func linted() throws -> LintedFile {
        let text = """
            {
              "type": "object",
              "properties": {"a": {"minimum": 3, "maximum": 1}},
              "titel": "x"
            }
            """
        let parsed = try JSONParser().parseWithSourceMap(text)
        var options = LintOptions()
        options.exclude = ["missing-schema"]
        return LintedFile(path: "s.json", diagnostics: try Linter(options: options).lint(parsed.value, uri: "file:///s.json"), sourceMap: parsed.sourceMap)
    }

    @Test func textLines() throws {
        let lines = LintReport.text([try linted()]).split(separator: "\n").map(String.init)
        #expect(lines == [
            "s.json:3:35: error: `minimum` 3 is greater than `maximum` 1: no number satisfies both [min-max-contradiction] at /properties/a/minimum",
            "s.json:4:3: warning: unknown keyword `titel` is ignored; did you mean `title`? [unknown-keyword] at /titel",
            "1 file linted: 1 error, 1 warning",
        ])
    }

    @Test func jsonReport() throws {
        let report = LintReport.json([try linted()])
        let first = try #require(report["files"]?[0]?["diagnostics"]?[0])
        #expect(first["ruleId"] == "min-max-contradiction")
        #expect(first["line"] == 3)
        #expect(first["column"] == 35)
        #expect(first["pointer"] == "/properties/a/minimum")
        #expect(report["summary"]?["errors"] == 1)
        #expect(report[pointer: try JSONPointer("/files/0/diagnostics/1/fix/safety")] == "semantics-changing")
    }

    @Test func sarifReport() throws {
        let sarif = LintReport.sarif([try linted()], rules: Linter.rules, version: "0.0.0")
        #expect(sarif["version"] == "2.1.0")
        let run = try #require(sarif["runs"]?[0])
        #expect(run["tool"]?["driver"]?["rules"]?.arrayValue?.count == Linter.rules.count)
        let result = try #require(run["results"]?[0])
        #expect(result["level"] == "error")
        #expect(result[pointer: try JSONPointer("/locations/0/physicalLocation/region/startLine")] == 3)
        #expect(result[pointer: try JSONPointer("/locations/0/physicalLocation/artifactLocation/uri")] == "s.json")
        let index = try #require(result["ruleIndex"]?.numberValue?.int64Value)
        #expect(run["tool"]?["driver"]?["rules"]?[Int(index)]?["id"] == "min-max-contradiction")
    }
}
