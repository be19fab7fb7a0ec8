import Testing
@testable import SchemataValidator

@Suite struct NameInternerTests {
    /// The bytes a name's range holds.
    func bytes(_ name: FlatProgram.Name, in interner: NameInterner) -> [UInt8] {
        Array(interner.bytes[Int(name.start)..<Int(name.start + name.length)])
    }

    @Test func eachNameIsKeptOnceAndReadsBack() {
        var interner = NameInterner(expectedCount: 4)
        // Past the table's first size, with prefixes, long names, empty and
        // non-ASCII names among them.
        let words = ["", "a", "ab", "abc", "abcdefgh", "abcdefghi", "id", "é", "e\u{301}", "naïve"]
            + (0..<300).map { "property\($0)" }
        // Keyed by bytes: Swift's `String` equality would merge "é" and "e\u{301}".
        var first: [[UInt8]: FlatProgram.Name] = [:]
        for word in words + words.reversed() {
            let name = interner.intern(word)
            let spelling = Array(word.utf8)
            #expect(bytes(name, in: interner) == spelling)
            if let earlier = first[spelling] {
                #expect(earlier.start == name.start && earlier.length == name.length, "\(word) interned twice")
            } else {
                first[spelling] = name
            }
        }
        // Each distinct name once: the buffer holds exactly their bytes.
        let distinctBytes = Set(words.map { Array($0.utf8) }).reduce(0) { $0 + $1.count }
        #expect(interner.bytes.count == distinctBytes)
    }

    @Test func namesAreComparedAsBytesNotAsCanonicallyEquivalentText() {
        var interner = NameInterner(expectedCount: 2)
        let composed = interner.intern("\u{E9}")
        let decomposed = interner.intern("e\u{301}")
        // Swift's == calls these equal; JSON property names differ.
        #expect(composed.start != decomposed.start)
        #expect(composed.length == 2 && decomposed.length == 3)
    }
}
