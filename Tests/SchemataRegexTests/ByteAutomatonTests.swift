import Testing
@testable import SchemataRegex
import SchemataTestSupport

@Suite struct ByteAutomatonTests {
    @Test func searchAndFullMatchLanguages() throws {
        let regex = try ECMARegex("ab+c")
        let search = try #require(ByteAutomaton(regex))
        #expect(search.accepts(Array("xxabbbcyy".utf8)))
        #expect(!search.accepts(Array("xxacyy".utf8)))
        let full = try #require(ByteAutomaton(regex, mode: .fullMatch))
        #expect(full.accepts(Array("abbc".utf8)))
        #expect(!full.accepts(Array("xabbc".utf8)))
    }

    @Test func classesBecomeUTF8ByteRanges() throws {
        let automaton = try #require(ByteAutomaton(try ECMARegex("^[à-ÿ😀]{2}$"), mode: .fullMatch))
        #expect(automaton.accepts(Array("é😀".utf8)))
        #expect(!automaton.accepts(Array("e😀".utf8)))
        #expect(!automaton.accepts(Array("é".utf8)))
        // Every byte edge is a range of single bytes; non-ASCII scalars take
        // several edges.
        let edges = automaton.transitions.flatMap { $0 }.filter { if case .bytes = $0 { return true } else { return false } }
        #expect(edges.count >= 5)
    }

    @Test func nonRegularPatternsHaveNoAutomaton() throws {
        #expect(ByteAutomaton(try ECMARegex("(a)\\1")) == nil)
        #expect(ByteAutomaton(try ECMARegex("a(?=b)")) == nil)
    }

    @Test func matchLengthFacts() throws {
        let date = try ECMARegex("^\\d{4}-\\d{2}-\\d{2}$").matchLength
        #expect(date.minimumScalars == 10 && date.maximumScalars == 10)
        let word = try ECMARegex("[a-z]+é?").matchLength
        #expect(word.minimumScalars == 1 && word.maximumScalars == nil)
        #expect(word.minimumBytes == 1)
        let choice = try ECMARegex("cat|horse|😀").matchLength
        #expect(choice.minimumScalars == 1 && choice.maximumScalars == 5)
        #expect(choice.maximumBytes == 5)
        #expect(try ECMARegex("😀").matchLength.minimumBytes == 4)
    }

    /// The automaton accepts exactly the strings the matcher finds a match in.
    @Test func agreesWithTheMatcher() throws {
        var random = SeededGenerator(state: 0xB17E)
        let alphabet: [Character] = ["a", "b", "c", "x", ".", " ", "1", "_", "é", "😀", "\n"]
        var compared = 0
        for _ in 0..<300 {
            var source = DifferentialTests.pattern(&random)
            if random.below(4) == 0 { source = "^" + source }
            if random.below(4) == 0 { source += "$" }
            if random.below(6) == 0 { source = "\\b" + source }
            let regex = try ECMARegex(source)
            let automaton = try #require(ByteAutomaton(regex))
            for _ in 0..<10 {
                let input = String((0..<random.below(7)).map { _ in alphabet[random.below(alphabet.count)] })
                #expect(automaton.accepts(Array(input.utf8)) == regex.matches(input), "\(source) on \(input.debugDescription)")
                compared += 1
            }
        }
        #expect(compared == 3000)
    }
}
