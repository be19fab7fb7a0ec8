import Synchronization

extension ECMARegex {
    /// The compiled form of `pattern`, shared across the process: compiling
    /// a pattern (its automata included) costs far more than matching with
    /// it, and services compile many schemas that repeat the same patterns.
    /// Compiled regexes are immutable, so sharing them is safe. The cache
    /// holds at most ``CompiledPatternCache/capacity`` patterns (it starts
    /// afresh when full); invalid patterns are not cached.
    public static func shared(_ pattern: String) throws(RegexSyntaxError) -> ECMARegex {
        // Keyed by bytes: `String` keys would merge canonically equivalent
        // patterns ("é" and "e\u{301}"), which match different text.
        let key = Array(pattern.utf8)
        if let known = CompiledPatternCache.patterns.withLock({ $0[key] }) { return known }
        let compiled = try ECMARegex(pattern)
        CompiledPatternCache.patterns.withLock { patterns in
            if patterns.count >= CompiledPatternCache.capacity { patterns.removeAll(keepingCapacity: true) }
            patterns[key] = compiled
        }
        return compiled
    }
}

/// The process-wide store behind ``ECMARegex/shared(_:)``.
enum CompiledPatternCache {
    /// The most patterns kept at once.
    static let capacity = 4096
    static let patterns = Mutex<[[UInt8]: ECMARegex]>([:])
}
