import Testing
@testable import SchemataRegex
import SchemataTestSupport

/// The deterministic byte automaton agrees with the NFA simulation (its
/// reference) on every search, and is only built where it is cheap.
@Suite struct ByteDFATests {
    /// Both matchers on one input.
    func agree(_ regex: ECMARegex, _ input: String) -> Bool {
        guard let dfa = regex.dfa, let nfa = regex.nfa else { return true }
        var text = input
        let viaDFA = text.withUTF8 { dfa.search($0) }
        let viaNFA = nfa.search(input.unicodeScalars.map(\.value))
        return viaDFA == viaNFA
    }

    @Test func anchorsAndEmptyInput() throws {
        let cases: [(String, String, Bool)] = [
            ("^abc$", "abc", true), ("^abc$", "abcd", false), ("^abc$", "", false),
            ("abc", "xxabcxx", true), ("^$", "", true), ("^$", "a", false),
            ("$^", "", true), ("a$|^b", "ba", true), ("a$|^b", "ab", false),
            ("(^a|b)c", "xbc", true), ("(^a|b)c", "xac", false), ("x*", "", true),
            ("^-?(0|[1-9][0-9]*)$", "-120", true), ("^-?(0|[1-9][0-9]*)$", "012", false),
        ]
        for (pattern, input, expected) in cases {
            let regex = try ECMARegex(pattern)
            // Plain strings are compared as bytes instead.
            #expect(regex.dfa != nil || regex.literal != nil, "\(pattern) should get a DFA")
            #expect(regex.matches(input) == expected, "\(pattern) on \(input.debugDescription)")
        }
    }

    @Test func multiByteCharactersAndUnicodeClasses() throws {
        let cases: [(String, String, Bool)] = [
            ("^\\S+$", "héllo→世界", true), ("^\\S+$", "a\u{00A0}b", false), ("^.{2}$", "é世", true),
            ("^.{2}$", "😀", false), ("^[^a]$", "😀", true), ("^\\s$", "\u{3000}", true), ("é+", "xééx", true),
        ]
        for (pattern, input, expected) in cases {
            #expect(try ECMARegex(pattern).matches(input) == expected, "\(pattern) on \(input.debugDescription)")
        }
    }

    @Test func generatedPatternsAgreeWithTheNFA() throws {
        var random = SeededGenerator(state: 0xD0FA)
        let alphabet: [Character] = ["a", "b", "c", "x", ".", " ", "1", "é", "世"]
        var checked = 0
        var withDFA = 0
        for _ in 0..<300 {
            var pattern = DifferentialTests.pattern(&random)
            if random.below(3) == 0 { pattern = "^" + pattern }
            if random.below(3) == 0 { pattern += "$" }
            let regex = try ECMARegex(pattern)
            if regex.dfa != nil { withDFA += 1 }
            for _ in 0..<16 {
                let input = String((0..<random.below(8)).map { _ in alphabet[random.below(alphabet.count)] })
                #expect(agree(regex, input), "\(pattern) on \(input.debugDescription)")
                checked += 1
            }
        }
        #expect(checked == 4_800)
        #expect(withDFA > 200, "most generated patterns should get a DFA (\(withDFA) of 300)")
    }

    @Test func onlyCheapPatternsGetADFA() throws {
        // Word boundaries need the previous character; big Unicode classes and
        // long counted repetitions would cost too much to build.
        #expect(try ECMARegex("\\bword\\b").dfa == nil)
        #expect(try ECMARegex("^\\p{L}+$").dfa == nil)
        #expect(try ECMARegex(".{1,500}").dfa == nil)
        #expect(try ECMARegex("^[A-Za-z0-9\\-\\.]{1,64}$").dfa != nil)
        // Those still match, on the NFA.
        #expect(try ECMARegex("\\bword\\b").matches("a word here"))
        #expect(try ECMARegex("^\\p{L}+$").matches("Ωmega"))
    }
}
