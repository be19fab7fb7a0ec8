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

    /// Tables hash pointers by their digest alone: distinct pointers must
    /// spread (token boundaries, every byte of long and short tokens, and
    /// the order of tokens all count), and `appending` must agree with a
    /// pointer built whole.
    @Test func digestsSpreadAndFollowAppending() throws {
        var pointers: [JSONPointer] = []
        let names = ["a", "ab", "abc", "properties", "propertiesX", "additionalProperties", "é", "😀", "", "0", "12345678", "123456789"]
        for first in names {
            pointers.append(JSONPointer(tokens: [first]))
            for second in names { pointers.append(JSONPointer(tokens: [first, second])) }
        }
        pointers += [JSONPointer(tokens: ["ab", "c"]), JSONPointer(tokens: ["a", "bc"]), JSONPointer(tokens: ["abc", ""])]
        let distinct = Set(pointers.map(\.tokens))
        let digests = Set(Set(pointers).map(\.hashValue))
        #expect(digests.count == distinct.count, "\(distinct.count - digests.count) digest collisions")
        for pointer in pointers {
            let appended = pointer.tokens.reduce(JSONPointer.root) { $0.appending($1) }
            #expect(appended.hashValue == pointer.hashValue)
        }
    }
}

