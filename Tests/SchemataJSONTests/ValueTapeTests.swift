import Testing
@testable import SchemataJSON

/// A value's tape (``JSONDocument/init(value:)``): written by recursion up
/// to a depth, by an explicit stack beyond it; both give the same tape.
@Suite struct ValueTapeTests {
    func sameTape(_ a: JSONDocument, _ b: JSONDocument) -> Bool {
        a.arena == b.arena && a.nodes.count == b.nodes.count
            && zip(a.nodes, b.nodes).allSatisfy { $0.kind == $1.kind && $0.length == $1.length && $0.payload == $1.payload }
    }

    @Test func recursiveAndIterativeWritersAgree() throws {
        let text = #"{"a": [1, 2.50, -0, 1e400, "x", {"b": null, "c": [true, false, []]}], "long name past sixteen bytes": "é\n", "d": {}}"#
        let value = try JSONParser().parse(text)
        let document = JSONDocument(value: value)
        #expect(sameTape(document, JSONDocument(deepValue: value)))
        #expect(document.value == value)
        #expect(document.spans.count == document.nodes.count)
    }

    @Test func valuesDeeperThanTheRecursionLimitStillConvert() {
        var value: JSONValue = ["leaf": 1]
        for level in 0..<(ValueTapeWriter.recursionLimit * 3) {
            value = level % 2 == 0 ? .array([value, .string("s\(level)")]) : ["k": value]
        }
        let document = JSONDocument(value: value)
        #expect(sameTape(document, JSONDocument(deepValue: value)))
        #expect(document.nodes.count == JSONDocument(deepValue: value).nodes.count)
    }
}
