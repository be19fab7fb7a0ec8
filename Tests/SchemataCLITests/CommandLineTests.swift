import Foundation
import Testing

@Suite struct CommandLineTests {
    @Test func versionAndHelp() throws {
        let version = try CommandRunner.run(["--version"])
        #expect(version.status == 0)
        #expect(version.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines) == "0.1.0")
        let help = try CommandRunner.run(["--help"])
        #expect(help.status == 0)
        #expect(help.standardOutput.contains("parse"))
        #expect(help.standardOutput.contains("Exit codes"))
    }

    @Test func usageErrorsExitWithTwo() throws {
        let outcome = try CommandRunner.run(["parse", "--no-such-flag"])
        #expect(outcome.status == 2)
        #expect(outcome.standardError.hasPrefix("schemata: error: "))
        let unknown = try CommandRunner.run(["frobnicate"])
        #expect(unknown.status == 2)
    }

    @Test func missingFileIsAnIOError() throws {
        let outcome = try CommandRunner.run(["parse", "does/not/exist.json"])
        #expect(outcome.status == 2)
        #expect(outcome.standardError.contains("schemata: error: cannot read 'does/not/exist.json'"))
    }

    @Test func parseReportsFileLineColumn() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("schemata-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("bad.json")
        try Data("{\n  \"a\": [1, 2,]\n}\n".utf8).write(to: file)
        let outcome = try CommandRunner.run(["parse", file.path])
        #expect(outcome.status == 1)
        #expect(outcome.standardError.hasPrefix("\(file.path):2:14: error: unexpected ']': expected a value"))
    }

    @Test func parseReadsStandardInputAndReprints() throws {
        let outcome = try CommandRunner.run(["parse", "--output", "canonical", "-"], input: #"{"b": 1.50, "a": [true]}"#)
        #expect(outcome.status == 0)
        #expect(outcome.standardOutput == "{\"a\":[true],\"b\":1.50}\n")
    }

    @Test func exampleFilesParse() throws {
        let outcome = try CommandRunner.run([
            "parse", "Schemas/examples/weather-response.json", "Schemas/examples/weather-schema.json",
            "Schemas/compilelabs/chat-completion-request.schema.json",
            "Schemas/compilelabs/chat-completion-response.schema.json",
        ])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let lines = try CommandRunner.run(["parse", "Schemas/examples/responses.jsonl"])
        #expect(lines.status == 0)
        #expect(lines.standardOutput.contains("3 of 3 values parse"))
    }

    @Test func jsonLinesReportEachBadLine() throws {
        let outcome = try CommandRunner.run(["parse", "--lines", "-"], input: "{\"a\":1}\n{\"a\":\n[1]\nnul\n")
        #expect(outcome.status == 1)
        #expect(outcome.standardError.contains("<stdin>:2:6: error: unexpected end of input: expected a value (the object opened at line 2, column 1 is not closed)"))
        #expect(outcome.standardError.contains("<stdin>:4:4: error: unexpected end of input inside 'null'"))
        #expect(outcome.standardOutput.contains("2 of 4 values parse"))
    }

    @Test func locatePrintsRanges() throws {
        let outcome = try CommandRunner.run(["locate", "Schemas/examples/weather-response.json", "/usage/total_tokens", "#/choices/0/finish_reason"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput == """
            Schemas/examples/weather-response.json:19:21-19:24\t/usage/total_tokens
            Schemas/examples/weather-response.json:13:24-13:30\t/choices/0/finish_reason

            """)
        let missing = try CommandRunner.run(["locate", "Schemas/examples/weather-response.json", "/usage/nope"])
        #expect(missing.status == 1)
        #expect(missing.standardError.contains(":16:12: error: nothing at /usage/nope"))
    }
}
