import SchemataRegex
import Testing

@Suite struct PatternFactsTests {
    @Test(arguments: ["^(a+)+$", "(\\w+\\s?)*", "(a|a)*", "(\\w|\\d)+x", "\\d+\\d+", ".*.*=", "^(a*)*b"])
    func hazardous(_ pattern: String) throws {
        #expect(try ECMARegex(pattern).facts.backtrackingHazard != nil)
    }

    @Test(arguments: ["^[a-z]+$", "^(\\d+-)+\\d+$", "^\\d{3}-\\d{4}$", "(ab|cd)*", "^[^@]+@[^@]+$", "a+b+", "^(\\w+\\s)+$"])
    func harmless(_ pattern: String) throws {
        #expect(try ECMARegex(pattern).facts.backtrackingHazard == nil)
    }

    @Test func anchoring() throws {
        #expect(try ECMARegex("^abc$").facts.isAnchoredAtBothEnds)
        #expect(try ECMARegex("^a$|^b$").facts.isAnchoredAtBothEnds)
        #expect(try ECMARegex("(^a$)").facts.isAnchoredAtBothEnds)
        #expect(try !ECMARegex("^abc").facts.isAnchoredAtBothEnds)
        #expect(try !ECMARegex("^a|b$").facts.isAnchoredAtBothEnds)
    }

    @Test func features() throws {
        #expect(try ECMARegex("(a)\\1").facts.isNonRegular)
        #expect(try ECMARegex("a(?=b)").facts.isNonRegular)
        #expect(try !ECMARegex("a(?:b)").facts.isNonRegular)
        #expect(try ECMARegex("\\bword").facts.usesWordBoundaries)
        #expect(try !ECMARegex("word").facts.usesWordBoundaries)
    }
}
