import Testing
@testable import SchemataJSON

@Suite struct JSONPointerTests {
    @Test func parsesAndEscapesPerRFC6901() throws {
        let pointer = try JSONPointer("/a~1b/m~0n/0/")
        #expect(pointer.tokens == ["a/b", "m~n", "0", ""])
        #expect(pointer.description == "/a~1b/m~0n/0/")
        #expect(try JSONPointer("").isRoot)
        #expect(throws: JSONPointerError.self) { try JSONPointer("a") }
        #expect(throws: JSONPointerError.self) { try JSONPointer("/~2") }
        #expect(throws: JSONPointerError.self) { try JSONPointer("/~") }
    }

    @Test func resolvesTheRFCExamples() throws {
        let document = try JSONValue(parsing: #"{"foo": ["bar", "baz"], "": 0, "a/b": 1, "c%d": 2, "e^f": 3, "g|h": 4, "i\\j": 5, "k\"l": 6, " ": 7, "m~n": 8}"#)
        let cases: [(String, JSONValue)] = [
            ("", document), ("/foo", ["bar", "baz"]), ("/foo/0", "bar"), ("/", 0), ("/a~1b", 1), ("/c%d", 2),
            ("/e^f", 3), ("/g|h", 4), ("/i\\j", 5), ("/k\"l", 6), ("/ ", 7), ("/m~0n", 8),
        ]
        for (text, expected) in cases {
            #expect(document[pointer: try JSONPointer(text)] == expected, "\(text)")
        }
        let fragments: [(String, JSONValue)] = [
            ("#", document), ("#/foo", ["bar", "baz"]), ("#/foo/0", "bar"), ("#/", 0), ("#/a~1b", 1), ("#/c%25d", 2),
            ("#/e%5Ef", 3), ("#/g%7Ch", 4), ("#/i%5Cj", 5), ("#/k%22l", 6), ("#/%20", 7), ("#/m~0n", 8),
        ]
        for (text, expected) in fragments {
            let pointer = try JSONPointer(uriFragment: text)
            #expect(document[pointer: pointer] == expected, "\(text)")
            #expect(try JSONPointer(uriFragment: pointer.uriFragment) == pointer)
        }
        #expect(document[pointer: try JSONPointer("/foo/01")] == nil)
        #expect(document[pointer: try JSONPointer("/foo/2")] == nil)
        #expect(document[pointer: try JSONPointer("/foo/-")] == nil)
    }

    @Test func uriFragmentEncodesUnsafeCharacters() throws {
        #expect(JSONPointer(tokens: ["a b", "é", "%"]).uriFragment == "#/a%20b/%C3%A9/%25")
        #expect(throws: JSONPointerError.self) { try JSONPointer(uriFragment: "#/%zz") }
    }
}

@Suite struct SourceMapTests {
    let text = """
        {
          "name": "Ada",
          "tags": ["x", {"deep": [1, 2.5]}],
          "é": null
        }
        """

    @Test func locatesValuesByPointer() throws {
        let parsed = try JSONParser().parseWithSourceMap(text)
        let map = parsed.sourceMap
        #expect(map.range(of: .root)?.description == "1:1-5:2")
        #expect(map.range(of: try JSONPointer("/name"))?.description == "2:11-2:16")
        #expect(map.range(of: try JSONPointer("/tags/1/deep/1"))?.description == "3:30-3:33")
        #expect(map.range(of: try JSONPointer("/é"))?.description == "4:8-4:12")
        #expect(map.keyRange(of: try JSONPointer("/é"))?.description == "4:3-4:6")
        #expect(map.keyRange(of: try JSONPointer("/tags/0")) == nil)
        #expect(map.range(of: try JSONPointer("/missing")) == nil)
        #expect(map.nearestLocation(of: try JSONPointer("/tags/1/nope")).description == "3:17")
    }

    @Test func documentNavigation() throws {
        let document = try JSONParser().parseDocument(text)
        #expect(document.kind(at: 0) == .object)
        #expect(document.count(at: 0) == 3)
        let tags = try #require(document.member("tags", of: 0))
        #expect(document.elements(of: tags).count == 2)
        #expect(document.string(at: try #require(document.element(0, of: tags))) == "x")
        #expect(document.subtreeEnd(0) == document.nodes.count)
        #expect(document.value == (try JSONValue(parsing: text)))
    }
}

@Suite struct JSONSequenceTests {
    @Test func jsonLinesKeepGoingPastBadLines() throws {
        let text = "{\"a\": 1}\n\n[1, 2\n  \"ok\"  \r\n{\"a\": x}\n"
        let elements = JSONParser().parseSequence(Array(text.utf8), framing: .lines)
        #expect(elements.map(\.line) == [1, 3, 4, 5])
        #expect(try elements[0].result.get().value == ["a": 1])
        #expect(try elements[2].result.get().value == "ok")
        guard case .failure(let error) = elements[3].result else {
            Issue.record("line 5 should fail")
            return
        }
        #expect(error.location.line == 5)
        #expect(error.location.column == 7)
        guard case .failure = elements[1].result else {
            Issue.record("line 3 should fail")
            return
        }
    }

    @Test func concatenatedValues() throws {
        let elements = JSONParser().parseSequence(Array("1 [2]{\"a\":3}\n\"x\"".utf8), framing: .concatenated)
        #expect(try elements.map { try $0.result.get().value } == [1, [2], ["a": 3], "x"])
        #expect(elements.map(\.offset) == [0, 2, 5, 13])
        let broken = JSONParser().parseSequence(Array("1 [2 x".utf8), framing: .concatenated)
        #expect(broken.count == 2)
        #expect(JSONParser().parseSequence(Array("  ".utf8), framing: .concatenated).isEmpty)
    }
}
