import Foundation
import SchemataJSON
@testable import SchemataValidator

/// Runs the official JSON-Schema-Test-Suite files of one draft.
struct TestSuiteRunner {
    struct Outcome {
        var passed = 0
        var total = 0
        var failures: [String] = []
    }

    let suite: URL
    let draft: Draft

    var remotes: URL { suite.appendingPathComponent("remotes") }

    func files(_ kind: String) -> [URL] {
        let folder: URL
        switch kind {
        case "required": folder = suite.appendingPathComponent("tests/\(draft)")
        case "optional": folder = suite.appendingPathComponent("tests/\(draft)/optional")
        default: folder = suite.appendingPathComponent("tests/\(draft)/optional/format")
        }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted().map { folder.appendingPathComponent($0) }
    }

    func run(_ kind: String) throws -> Outcome {
        var outcome = Outcome()
        var registry = SchemaRegistry()
        registry.defaultDraft = draft
        registry.map(prefix: "http://localhost:1234/", toDirectory: remotes.path)
        var options = ValidatorOptions()
        options.defaultDraft = draft
        options.formatAssertion = kind == "format"
        for file in files(kind) {
            let groups = try JSONParser().parse(Array(try Data(contentsOf: file)))
            for group in groups.arrayValue ?? [] {
                let description = group["description"]?.stringValue ?? "?"
                let tests = group["tests"]?.arrayValue ?? []
                let validator: Validator
                do {
                    validator = try Validator(schema: group["schema"] ?? .null, registry: registry, options: options)
                } catch {
                    outcome.total += tests.count
                    outcome.failures.append("\(file.lastPathComponent) | \(description) | schema did not compile: \(error)")
                    continue
                }
                for test in tests {
                    outcome.total += 1
                    let expected = test["valid"]?.boolValue ?? false
                    let instance = JSONDocument(value: test["data"] ?? .null)
                    let fast = validator.isValid(instance)
                    let detailed = validator.validate(instance)
                    if fast == expected && detailed.isValid == expected && (expected || !detailed.errors.isEmpty) {
                        outcome.passed += 1
                    } else {
                        outcome.failures.append(
                            "\(file.lastPathComponent) | \(description) | \(test["description"]?.stringValue ?? "?") | expected \(expected), fast \(fast), detailed \(detailed.isValid)")
                    }
                }
            }
        }
        return outcome
    }
}
