import SchemataJSON
import Testing

@Suite struct JSONObjectTests {
    /// Small objects scan, large ones keep a name index: both must behave alike.
    @Test(arguments: [3, 40])
    func membersLookupRemovalAndOrder(_ size: Int) {
        var object = JSONObject()
        for index in 0..<size { object["k\(index)"] = .number(JSONNumber(index)) }
        #expect(object.count == size)
        #expect(object["k\(size - 1)"] == .number(JSONNumber(size - 1)))
        #expect(object["missing"] == nil)
        object["k1"] = "replaced"
        #expect(object.keys[1] == "k1", "replacing keeps the position")
        object["k0"] = nil
        #expect(object.count == size - 1)
        #expect(object.keys.first == "k1")
        #expect(object["k2"] == 2, "positions after a removal still resolve")
        object["k0"] = true
        #expect(object.keys.last == "k0", "a new name is appended")
        #expect(object.contains("k0") && !object.contains("K0"))
    }

    @Test func equalityIgnoresOrderAndNamesAreExact() {
        let large = JSONObject((0..<30).map { ("n\($0)", JSONValue.number(JSONNumber($0))) })
        let reversed = JSONObject((0..<30).reversed().map { ("n\($0)", JSONValue.number(JSONNumber($0))) })
        #expect(large == reversed)
        #expect(large.hashValue == reversed.hashValue)
        #expect(JSONObject([("caf\u{E9}", 1)]) != JSONObject([("cafe\u{301}", 1)]))
        #expect(JSONObject([("a", 1), ("a", 2)]) == ["a": 2], "a repeated name keeps its last value")
    }

    @Test func parsedLargeObjectsIndexTheirNames() throws {
        let text = "{" + (0..<50).map { "\"m\($0)\": \($0)" }.joined(separator: ", ") + "}"
        let value = try JSONValue(parsing: text)
        #expect(value["m49"] == 49)
        #expect(value["m0"] == 0)
        #expect(value.objectValue?.keys.count == 50)
    }

    /// The name summary may only say "absent" for names that are absent.
    @Test func nameSummaryHasNoFalseAbsences() {
        let names = ["", "$ref", "type", "properties", "additionalProperties", "é", "😀key", "x", "minimum", "maxLength"]
        var object = JSONObject()
        for name in names { object[name] = .null }
        let summary = object.nameSummary
        for name in names {
            #expect(summary & JSONObject.nameSummaryBit(name) != 0, "\(name)")
        }
        // Most other names are reported absent outright (a few may share a bit).
        let others = ["allOf", "anyOf", "oneOf", "not", "if", "then", "else", "enum", "const", "pattern", "format", "items"]
        let reportedAbsent = others.filter { summary & JSONObject.nameSummaryBit($0) == 0 }
        #expect(reportedAbsent.count >= others.count / 2)
        #expect(JSONObject().nameSummary == 0)
    }
}
