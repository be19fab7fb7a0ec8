import SchemataJSON
import Testing
@testable import SchemataRepair

/// The heuristics that decide damaged structure: which quote ends a
/// string, which bracket closes which container, what a repeated key means.
@Suite struct DamageHeuristicsTests {
    func repaired(_ text: String, streamStable: Bool = false) -> JSONValue? {
        var repairer = JSONRepairer()
        repairer.streamStable = streamStable
        return repairer.repair(text).value
    }

    @Test func aCloserOfAnOuterContainerClosesTheInnerOnes() {
        #expect(repaired(#"{"a": [1, 2}, "b": 3}"#) == ["a": [1, 2], "b": 3])
        #expect(repaired(#"{"x": [{"a": 1], "y": 2}"#) == ["x": [["a": 1]], "y": 2])
        // No object is open: a } inside an array is stray.
        #expect(repaired(#"[1}, 2]"#) == [1, 2])
    }

    @Test func quotationsInsideTextStayText() {
        #expect(repaired(#"{"q": "she said "no" twice", "n": 1}"#) == ["q": #"she said "no" twice"#, "n": 1])
        #expect(repaired(#"["a "b" c", "d"]"#) == [#"a "b" c"#, "d"])
        // Brackets opened in the text own the quotes before their closers.
        #expect(repaired(#"{"re": "[a-z"]+", "n": 1}"#) == ["re": #"[a-z"]+"#, "n": 1])
        // The start of the next member is not a quotation.
        #expect(repaired(#"{"a": "x, "b": "y"}"#) == ["a": "x", "b": "y"])
    }

    @Test func invalidEscapesKeepTheirBackslash() {
        #expect(repaired(#"{"re": "\d+\s", "x": }"#) == ["re": #"\d+\s"#, "x": ""])
        #expect(repaired(#"{"e": "\ud83d\ude00", "x": }"#) == ["e": "😀", "x": ""])
        #expect(repaired(#"{"e": "\ud83d!", "x": }"#) == ["e": "\u{FFFD}!", "x": ""])
    }

    @Test func aRepeatedKeyInsideAnArrayStartsTheNextObject() {
        let result = JSONRepairer().repair(#"[{"name": "a", "age": 1 "name": "b", "age": 2}]"#)
        #expect(result.value == [["name": "a", "age": 1], ["name": "b", "age": 2]])
        #expect(result.edits.contains { $0.kind == .repeatedKey })
        // The same member repeated after a plain comma is dropped, and outside arrays the last value is kept (reported).
        #expect(repaired(#"[{"b": 1, "b": 1}"#) == [["b": 1]])
        let overwritten = JSONRepairer().repair(#"{"b": 1, "b": 2"#)
        #expect(overwritten.value == ["b": 2])
        #expect(overwritten.edits.contains { $0.kind == .repeatedKey })
    }

    @Test func streamStableRepairsOnlyExtend() {
        #expect(repaired(#"{"a": "x\"#) == ["a": #"x\"#])
        #expect(repaired(#"{"a": "x\"#, streamStable: true) == ["a": "x"])
        #expect(repaired(#"{"a": "x\n"#) == ["a": "x"])
        #expect(repaired(#"{"a": "x\n"#, streamStable: true) == ["a": "x\n"])
    }

    @Test func escapedAndFencedJSON() {
        #expect(repaired(#"{\"a\": \"b\"}"#) == ["a": "b"])
        #expect(repaired(#"{"a": "```json {"b": [1, 2]}```" , }"#) == ["a": ["b": [1, 2]]])
    }

    @Test func setsAndRowsBecomeArrays() {
        #expect(repaired("[{1, 2}, ") == [[1, 2]])
        #expect(repaired(#"[["a"], "b", "c"], ["d"]]"#) == [["a"], ["b", "c"], ["d"]])
        // Rows of mixed arrays and scalars are not rows that lost their [.
        #expect(repaired("[[[0], 1], [[0], 1],") == [[[0], 1], [[0], 1]])
        // Without the extra ] the scalars belong to the outer array.
        #expect(repaired(#"{"k": [["a"], "b"], [["c"]] }"#) == ["k": [["a"], "b", ["c"]]])
    }

    @Test func elementsCutOffBeforeAnyContentAreDropped() {
        #expect(repaired("[1, \"") == [1])
        #expect(repaired("[1, -") == [1])
        #expect(repaired("[1, {]") == [1])
    }
}
