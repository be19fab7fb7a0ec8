import Foundation
import SchemataJSON
import Testing
@testable import SchemataRepair

@Suite struct RepairTests {
    func repaired(_ text: String) -> JSONValue? { JSONRepairer().repair(text).value }

    @Test func validJSONComesBackUnchanged() {
        let result = JSONRepairer().repair(#"{"a": [1, 2.50]}"#)
        #expect(result.value == ["a": [1, 2.5]])
        #expect(result.edits.isEmpty)
    }

    @Test func commonDamage() {
        #expect(repaired("Here you go:\n```json\n{\"a\": 1,}\n```") == ["a": 1])
        #expect(repaired("{'name': 'Ada', age: 36, ok: True}") == ["name": "Ada", "age": 36, "ok": true])
        #expect(repaired("[1, 2, 3,") == [1, 2, 3])
        #expect(repaired(#"{"employees":["John", "Anna", "Peter"#) == ["employees": ["John", "Anna", "Peter"]])
        #expect(repaired(#"{"a": 1 "b": 2}"#) == ["a": 1, "b": 2])
        #expect(repaired("{ \"key\": \"value\" /* comment */ }") == ["key": "value"])
        #expect(repaired("{\"v\": NaN}") == ["v": .null])
        #expect(repaired("no json here") == nil)
    }

    @Test func danglingKeysAreDroppedNotInvented() {
        let result = JSONRepairer().repair(#"{"a": 1, "b""#)
        #expect(result.value == ["a": 1])
        #expect(result.edits.contains { $0.kind == .droppedDanglingKey })
    }

    @Test func garbageStopsAtTheEditBudget() {
        var repairer = JSONRepairer()
        repairer.maximumEdits = 100
        let garbage = String(repeating: "{a:'b',,]}[", count: 1_000)
        let result = repairer.repair(garbage)
        #expect(result.value == nil)
        #expect(result.failure?.contains("more than 100 edits") == true)
        #expect(result.edits.count == 101)
        // Ordinary damage stays well inside the default budget.
        #expect(JSONRepairer().repair("{a: 1,}").failure == nil)
    }

    @Test func hostileInputEndsQuickly() {
        let deep = String(repeating: "[", count: 100_000)
        #expect(JSONRepairer().repair(deep).value != nil)
        let quotes = String(repeating: "\"", count: 100_000)
        _ = JSONRepairer().repair(quotes)
        // Look-ahead heuristics spend a budget: many sibling arrays stay linear.
        let rows = "[" + String(repeating: "[[0],1],", count: 50_000)
        let result = JSONRepairer().repair(rows)
        #expect(result.value?.arrayValue?.count == 50_000)
    }
}

/// The shared corpus (../shared/repair-cases): every case comes out as
/// expected, or as a documented convention says; misses are printed.
@Suite struct RepairCorpusTests {
    static var corpus: URL {
        if let override = ProcessInfo.processInfo.environment["SCHEMATA_SHARED"], !override.isEmpty {
            return URL(fileURLWithPath: override).appendingPathComponent("repair-cases/cases.jsonl")
        }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("shared/repair-cases/cases.jsonl")
    }

    /// Cases where Schemata deliberately differs from json_repair's
    /// convention (listed in the README), with Schemata's answer.
    static let conventions: [String: JSONValue] = [
        // Several values: the first complete one (json_repair: an array, or the last).
        ##"{"key":"value"}[1,2,3,True]"##: ["key": "value"],
        ##"{"key":"value"}, {"key":"value_after"}"##: ["key": "value"],
        ##"lorem ```json {"key":"value"} ``` ipsum ```json [1,2,3,True] ``` 42"##: ["key": "value"],
        ##"[{"key":"value"}][{"key":"value_after"}]"##: [["key": "value"]],
        ##"{"key": "value"}, ["abc"]"##: ["key": "value"],
        // Bare Python literals are values (json_repair: an empty string).
        "True": true,
        "False": false,
        "Null": .null,
        // A dangling key is dropped, never given an invented value.
        ##"[{"key": "value", "key"##: [["key": "value"]],
        // The last quote before the closing brace ends the string (json_repair: text, and the string runs to the end).
        ##"{"key": "v"alue"}"##: ["key": "v\"alue"],
        // Bare text after an element is kept as a string (json_repair: dropped).
        "[{5}s ": [[5], "s"],
    ]

    @Test func corpus() throws {
        guard let data = try? Data(contentsOf: Self.corpus) else {
            print("skipping: \(Self.corpus.path) is absent (set SCHEMATA_SHARED to the shared data folder)")
            return
        }
        var passed = 0
        var byConvention: Set<String> = []
        var total = 0
        var misses: [String] = []
        for element in JSONParser().parseSequence(Array(data), framing: .lines) {
            guard case .success(let document) = element.result else { continue }
            let record = document.value
            guard let input = record["input"]?.stringValue else { continue }
            total += 1
            let noJSON = record["no_json"]?.boolValue ?? false
            var repairer = JSONRepairer()
            repairer.streamStable = record["options"]?["stream_stable"]?.boolValue ?? false
            let result = repairer.repair(input).value
            if let ours = Self.conventions[input] {
                #expect(result == ours, "convention case \(input.debugDescription)")
                byConvention.insert(input)
                continue
            }
            let ok = noJSON ? (result == nil) : (result == record["expected"])
            if ok {
                passed += 1
            } else {
                let got = result.map { JSONSerializer().string(from: $0) } ?? "nil"
                misses.append("\(input.debugDescription.prefix(160)) → \(got.prefix(160))")
            }
        }
        print("repair corpus: \(passed)/\(total) as expected, \(byConvention.count) distinct inputs by a documented convention, \(misses.count) missed")
        print("misses:\n" + misses.joined(separator: "\n"))
        #expect(total == 254)
        #expect(byConvention.count == Self.conventions.count)
        #expect(misses.isEmpty, "repair corpus regressed: \(passed)/\(total)")
    }
}
