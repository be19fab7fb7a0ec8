import Testing
@testable import SchemataRegex

@Suite struct CompiledPatternCacheTests {
    @Test func sharedPatternsMatchLikeFreshOnes() throws {
        let pattern = "^[A-Z][a-z]+-\\d{2,4}$"
        let fresh = try ECMARegex(pattern)
        let first = try ECMARegex.shared(pattern)
        let again = try ECMARegex.shared(pattern)
        for input in ["Alpha-12", "Alpha-12345", "alpha-12", "Beta-007", "", "Gamma-1"] {
            #expect(first.matches(input) == fresh.matches(input), "\(input)")
            #expect(again.matches(input) == fresh.matches(input), "\(input)")
        }
        #expect(CompiledPatternCache.patterns.withLock { $0[Array(pattern.utf8)] } != nil)
    }

    @Test func invalidPatternsFailEveryTimeAndAreNotKept() {
        let pattern = "a(b"
        #expect(throws: RegexSyntaxError.self) { try ECMARegex.shared(pattern) }
        #expect(throws: RegexSyntaxError.self) { try ECMARegex.shared(pattern) }
        #expect(CompiledPatternCache.patterns.withLock { $0[Array(pattern.utf8)] } == nil)
    }
}
