/// An ECMA-262 regular expression (with `u`-flag semantics), as JSON
/// Schema's `pattern`, `patternProperties` and `format: regex` use it.
///
/// Patterns without backreferences or lookaround — nearly all schema
/// patterns — run in time linear in the input, so `^(a+)+$` cannot be used
/// for ReDoS: on a deterministic byte automaton built at compile time, or,
/// for patterns whose automaton would be too large, on an NFA simulation. The others run on a backtracking
/// matcher with a step budget; ``usesBacktracking`` says which.
public struct ECMARegex: Sendable {
    /// The pattern as written.
    public let source: String
    let program: RegexProgram
    let nfa: NFAMatcher?
    /// The parsed pattern (for the byte automaton and length facts).
    let node: RegexNode?
    /// Patterns that are a plain string, optionally anchored, are matched by
    /// comparing bytes.
    let literal: LiteralPattern?
    /// The deterministic byte automaton, for regular patterns of moderate
    /// size: a search is then one table lookup per byte.
    let dfa: ByteDFA?

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
        literal = LiteralPattern(node)
        dfa = literal == nil ? ByteDFA.forSearch(node) : nil
        self.node = node
        matchLength = MatchLength.of(node)
    }

    /// How long a match of the pattern itself can be.
    public let matchLength: MatchLength

    /// Whether the pattern needs the budgeted backtracking matcher.
    public var usesBacktracking: Bool { nfa == nil }

    /// Searches `text` for a match anywhere (patterns are not implicitly
    /// anchored).
    public func search(_ text: String) -> SearchResult {
        var text = text
        return text.withUTF8 { search(utf8: $0) }
    }

    /// Searches valid UTF-8 text for a match anywhere.
    public func search(utf8 bytes: UnsafeBufferPointer<UInt8>) -> SearchResult {
        withUnsafePointer(to: self) { ECMARegex.search($0, utf8: bytes) }
    }

    /// Searches valid UTF-8 text with the regex at `regex`, reading it in
    /// place: for hot loops over tables of compiled patterns, where a copy
    /// of the regex would retain its storage on every search.
    public static func search(_ regex: UnsafePointer<ECMARegex>, utf8 bytes: UnsafeBufferPointer<UInt8>) -> SearchResult {
        if let matched = regex.pointee.literal?.matches(bytes) {
            return matched ? .match : .noMatch
        }
        if let dfa = regex.pointee.dfa {
            return dfa.search(bytes) ? .match : .noMatch
        }
        // Decode to code points in temporary storage (at most one per byte).
        return withUnsafeTemporaryAllocation(of: UInt32.self, capacity: max(1, bytes.count)) { buffer in
            var count = 0
            var iterator = bytes.makeIterator()
            var decoder = UTF8()
            decoding: while true {
                switch decoder.decode(&iterator) {
                case .scalarValue(let scalar):
                    buffer[count] = scalar.value
                    count += 1
                case .emptyInput: break decoding
                case .error:
                    buffer[count] = 0xFFFD
                    count += 1
                }
            }
            return regex.pointee.search(scalars: UnsafeBufferPointer(rebasing: buffer[0..<count]))
        }
    }

    /// Whether the regex at `regex` matches valid UTF-8 text (see ``search(_:utf8:)``).
    public static func matches(_ regex: UnsafePointer<ECMARegex>, utf8 bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        search(regex, utf8: bytes) == .match
    }

    func search(scalars: UnsafeBufferPointer<UInt32>) -> SearchResult {
        if let matched = nfa?.search(scalars) { return matched ? .match : .noMatch }
        let scalars = Array(scalars)
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

    /// Whether valid UTF-8 text contains a match.
    public func matches(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        search(utf8: bytes) == .match
    }
}
