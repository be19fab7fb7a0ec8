import Foundation
import Testing
@testable import SchemataValidator

/// The official JSON-Schema-Test-Suite (../shared/JSON-Schema-Test-Suite).
@Suite struct OfficialSuiteTests {
    static let drafts: [Draft] = [.draft4, .draft6, .draft7, .draft2019_09, .draft2020_12]

    @Test(arguments: drafts)
    func officialSuite(draft: Draft) throws {
        guard let suite = SharedData.folder("JSON-Schema-Test-Suite") else { return }
        let runner = TestSuiteRunner(suite: suite, draft: draft)
        var lines: [String] = []
        var allFailures: [String] = []
        for kind in ["required", "optional", "format"] {
            let outcome = try runner.run(kind)
            lines.append("\(kind) \(outcome.passed)/\(outcome.total)")
            allFailures += outcome.failures.map { "[\(kind)] \($0)" }
            // Every test passes, optional and format ones included: any
            // failure is a regression.
            #expect(outcome.failures.isEmpty, "\(draft) \(kind) failures:\n\(outcome.failures.joined(separator: "\n"))")
        }
        print("JSON-Schema-Test-Suite \(draft): \(lines.joined(separator: ", "))")
        if !allFailures.isEmpty {
            print("\(draft) failing tests:\n" + allFailures.joined(separator: "\n"))
        }
    }
}
