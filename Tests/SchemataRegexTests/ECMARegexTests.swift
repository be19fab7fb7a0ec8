import Testing
@testable import SchemataRegex

@Suite struct ECMARegexSyntaxTests {
    @Test(arguments: [
        "\\a", "(?P<name>x)", "(?i)abc", "(?#comment)a", "^(abc]", "a{2,1}", "*a", "a**", "[z-a]", "\\p{NoSuchProperty}",
        "(?<n>a)(?<n>b)", "\\k<missing>", "\\2(a)", "{", "a{", "}", "]", "\\u{110000}", "\\c1", "(", ")", "\\",
    ])
    func rejectsWhatECMA262Rejects(pattern: String) {
        #expect(throws: RegexSyntaxError.self) { try ECMARegex(pattern) }
    }

    @Test(arguments: [
        "([abc])+\\s+$", "(?<name>x)", "(?<n>a)\\k<n>", "(?<=a+)b", "[]", "[^]", "\\cA", "^\\p{Letter}+$", "\\p{digit}",
        "\\u{1F600}", "\\uD83D\\uDE00", "a{0}", "x{2,}", "[\\b]", "\\/", "[a\\-z]", "(?:a|b)*?c", "\\P{L}",
    ])
    func acceptsValidPatterns(pattern: String) throws {
        _ = try ECMARegex(pattern)
    }

    @Test func syntaxErrorsReportTheirPosition() throws {
        let error = try #require(throws: RegexSyntaxError.self) { try ECMARegex("abc\\qdef") }
        #expect(error.offset == 3)
        #expect(error.message.contains("\\q"))
    }
}

@Suite struct ECMARegexMatchingTests {
    func matches(_ pattern: String, _ text: String) throws -> Bool {
        try ECMARegex(pattern).matches(text)
    }

    @Test func searchIsUnanchored() throws {
        #expect(try matches("b", "abc"))
        #expect(try !matches("^b", "abc"))
        #expect(try matches("c$", "abc"))
        #expect(try !matches("^a$", "ab"))
    }

    @Test func classEscapesFollowECMA262() throws {
        #expect(try matches("^\\d$", "7"))
        #expect(try !matches("^\\d$", "\u{0967}"))  // DEVANAGARI DIGIT ONE is not \d
        #expect(try matches("^\\w$", "_"))
        #expect(try !matches("^\\w$", "é"))
        #expect(try matches("^\\s$", "\u{FEFF}"))
        #expect(try matches("^\\s$", "\u{2029}"))
        #expect(try !matches("^\\S$", "\u{00A0}"))
        #expect(try matches("^\\p{digit}+$", "৪২"))
        #expect(try matches("^\\p{Letter}cole$", "école"))
        #expect(try matches("^\\cC$", "\u{3}"))
        #expect(try !matches("^.$", "\n"))
        #expect(try matches("^.$", "😀"))  // one code point with the u flag
    }

    @Test func quantifiersAndAlternation() throws {
        #expect(try matches("^(ab|cd){2,3}$", "abcdab"))
        #expect(try !matches("^(ab|cd){2,3}$", "ab"))
        #expect(try !matches("^(ab|cd){2,3}$", "abcdabcd"))
        #expect(try matches("^a{0}b$", "b"))
        #expect(try matches("^x*?y$", "xxy"))
        #expect(try matches("\\bfoo\\b", "a foo b"))
        #expect(try !matches("\\bfoo\\b", "afoob"))
    }

    @Test func backreferencesAndLookaroundUseTheBudgetedMatcher() throws {
        let repeated = try ECMARegex("^(a+)\\1$")
        #expect(repeated.usesBacktracking)
        #expect(repeated.matches("aaaa"))
        #expect(!repeated.matches("aaa"))
        #expect(try matches("(?<=\\$)\\d+", "cost $42"))
        #expect(try !matches("(?<!\\$)\\b\\d+", "$42"))
        #expect(try matches("^(?=.*\\d)(?=.*[a-z]).{6,}$", "abc123"))
        #expect(try !matches("^(?!foo)", "foobar"))
    }

    /// Patterns that make backtracking engines take exponential time run on
    /// the NFA, which visits each position once.
    @Test(arguments: ["^(a+)+$", "(a|aa)*b", "(\\w+\\s?)*$", "^(([a-z])+.)+[A-Z]([a-z])+$", "^(a|a?)+$"])
    func redosPatternsRunOnTheNFA(pattern: String) throws {
        let regex = try ECMARegex(pattern)
        #expect(!regex.usesBacktracking)
        let input = String(repeating: "a", count: 50_000) + "!"
        #expect(regex.search(input) != .budgetExceeded)
        #expect(regex.search(input) == regex.search(input))
    }

    @Test func backtrackingBudgetEndsPathologicalSearches() throws {
        let regex = try ECMARegex("^(a+)+\\1$")
        #expect(regex.usesBacktracking)
        #expect(regex.search(String(repeating: "a", count: 40) + "!") == .budgetExceeded)
    }
}

@Suite struct RegexRegressionTests {
    @Test func optionalGroupsMatchTheEmptyString() throws {
        #expect(try ECMARegex("^\\.?((([ab]?[a-c]{0,2})*?a?.)?)").matches(""))
        #expect(try ECMARegex("^(a?)?$").matches(""))
        #expect(try ECMARegex("^(?:x{0,2})*$").matches(""))
    }
}

@Suite struct ScriptPropertyTests {
    @Test func scriptsComeFromTheToolchainsUnicodeData() throws {
        #expect(try ECMARegex("^\\p{Script=Tamil}+$").matches("தமிழ்"))
        #expect(try !ECMARegex("^\\p{Script=Tamil}+$").matches("tamil"))
        #expect(try ECMARegex("^\\p{sc=Greek}+$").matches("αβγ"))
        // U+30FC (prolonged sound mark) is Common, with Hiragana and Katakana extensions.
        #expect(try !ECMARegex("^\\p{sc=Hiragana}$").matches("\u{30FC}"))
        #expect(try ECMARegex("^\\p{scx=Hiragana}$").matches("\u{30FC}"))
        #expect(try ECMARegex("^\\P{Script=Latin}$").matches("ж"))
        #expect(throws: RegexSyntaxError.self) { try ECMARegex("\\p{Script=NotAScript}") }
    }
}

@Suite struct BinaryPropertyTests {
    @Test func binaryPropertiesBeyondTheStandardLibrary() throws {
        #expect(try ECMARegex("^\\p{Regional_Indicator}{2}$").matches("🇵🇹"))
        #expect(try ECMARegex("^\\p{Extended_Pictographic}$").matches("😀"))
        #expect(try !ECMARegex("^\\p{Extended_Pictographic}$").matches("a"))
    }
}
