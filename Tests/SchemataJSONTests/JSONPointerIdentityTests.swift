import SchemataJSON
import Testing
@Suite struct JSONPointerIdentityTests {
    @Test func equalityIsExactAndHashFollowsIt() throws {
        let composed = JSONPointer(tokens: ["caf\u{E9}"])
        let decomposed = JSONPointer(tokens: ["cafe\u{301}"])
        #expect(composed != decomposed, "names are compared by scalars, not canonical equivalence")
        #expect(Set([composed, decomposed]).count == 2)
        let built = JSONPointer.root.appending("a").appending(index: 0).appending("b/c")
        let parsed = try JSONPointer("/a/0/b~1c")
        #expect(built == parsed)
        #expect(built.hashValue == parsed.hashValue)
        var mutated = JSONPointer(tokens: ["a", "x", "b/c"])
        mutated.tokens[1] = "0"
        #expect(mutated == parsed)
        #expect(mutated.hashValue == parsed.hashValue)
        #expect(JSONPointer(tokens: ["ab"]) != JSONPointer(tokens: ["a", "b"]))
    }
}
