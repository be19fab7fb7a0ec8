/// An ECMA-262 regular expression (with `u`-flag semantics), as JSON
/// Schema's `pattern`, `patternProperties` and `format: regex` use it.
///
/// Patterns without backreferences or lookaround — nearly all schema
/// patterns — run on an NFA simulation in time linear in the input, so
/// `^(a+)+$` cannot be used for ReDoS. The others run on a backtracking
/// matcher with a step budget; ``usesBacktracking`` says which.
public struct ECMARegex: Sendable {
    /// The pattern as written.
    public let source: String
    let program: RegexProgram
    let nfa: NFAMatcher?

    /// Steps the backtracking matcher may take per search.
    public static let backtrackingBudget = 1_000_000

    /// The result of a search.
    public enum SearchResult: Sendable, Equatable {
        case match
        case noMatch
        /// The backtracking matcher ran out of budget (only for patterns
        /// with backreferences or lookaround).
        case budgetExceeded
    }

    /// Compiles `pattern`, or throws a ``RegexSyntaxError`` naming the
    /// position of the problem.
    public init(_ pattern: String) throws(RegexSyntaxError) {
        var parser = RegexParser(pattern)
        let node = try parser.parse()
        do {
            program = try RegexProgram.compile(node, captureCount: parser.captureCount)
        } catch {
            throw RegexSyntaxError(message: "pattern too large once its counted repetitions are expanded", offset: 0)
        }
        source = pattern
        nfa = node.needsBacktracking ? nil : NFAMatcher(program: program)
    }

    /// Whether the pattern needs the budgeted backtracking matcher.
    public var usesBacktracking: Bool { nfa == nil }

    /// Searches `text` for a match anywhere (patterns are not implicitly
    /// anchored).
    public func search(_ text: String) -> SearchResult {
        let scalars = text.unicodeScalars.map(\.value)
        if let nfa { return nfa.search(scalars) ? .match : .noMatch }
        switch BacktrackingMatcher(program: program, budget: ECMARegex.backtrackingBudget).search(scalars) {
        case .match: return .match
        case .noMatch: return .noMatch
        case .budgetExceeded: return .budgetExceeded
        }
    }

    /// Whether `text` contains a match (a budget overrun counts as no match).
    public func matches(_ text: String) -> Bool {
        search(text) == .match
    }
}
