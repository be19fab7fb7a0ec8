/// A pattern as a nondeterministic automaton over UTF-8 bytes: what a
/// token-level constraint compiler walks to decide which bytes may come next.
///
/// States are numbered; each has transitions on byte ranges, ε-transitions,
/// and zero-width assertions (`^`, `$`, `\b`, `\B`) that the consumer
/// resolves from context (`^` holds before any byte, `$` after the last).
/// A string of bytes is accepted when some path from ``start`` consumes it
/// and ends in an accepting state with its assertions holding.
///
/// Built for ``Mode/search`` (JSON Schema's `pattern`: the pattern may match
/// anywhere, so any valid UTF-8 may surround the match) or
/// ``Mode/fullMatch``. Patterns with backreferences or lookaround are not
/// regular and have no automaton.
public struct ByteAutomaton: Sendable {
    /// A zero-width condition on a transition.
    public enum Assertion: Sendable, Hashable {
        case start
        case end
        case wordBoundary
        case notWordBoundary
    }

    /// One edge.
    public enum Transition: Sendable, Hashable {
        /// Consume one byte in the range.
        case bytes(ClosedRange<UInt8>, to: Int)
        /// Move without consuming.
        case epsilon(to: Int)
        /// Move without consuming, if the assertion holds here.
        case assertion(Assertion, to: Int)
    }

    /// How the pattern is applied.
    public enum Mode: Sendable {
        /// Strings that contain a match (ECMA-262 `search`, JSON Schema's `pattern`).
        case search
        /// Strings that the pattern matches as a whole.
        case fullMatch
    }

    /// The transitions leaving each state.
    public private(set) var transitions: [[Transition]] = []
    /// The initial state.
    public private(set) var start = 0
    /// The accepting state.
    public private(set) var accepting = 0

    /// The automaton of a pattern, or `nil` when it is not regular
    /// (backreferences, lookaround).
    public init?(_ regex: ECMARegex, mode: Mode = .search) {
        guard let node = regex.node else { return nil }
        self.init(node: node, mode: mode)
    }

    /// The automaton of a parsed pattern (see ``init(_:mode:)``).
    init?(node: RegexNode, mode: Mode) {
        guard !node.needsBacktracking else { return nil }
        start = newState()
        var current = start
        let anchoredAtStart: Bool
        if case .sequence(let items) = node, case .startAnchor? = items.first { anchoredAtStart = true }
        else if case .startAnchor = node { anchoredAtStart = true }
        else { anchoredAtStart = false }
        if mode == .search && !anchoredAtStart { current = anyScalarLoop(from: current) }
        current = build(node, from: current)
        if mode == .search { current = anyScalarLoop(from: current) }
        accepting = current
    }

    private mutating func newState() -> Int {
        transitions.append([])
        return transitions.count - 1
    }

    private mutating func add(_ transition: Transition, from state: Int) {
        transitions[state].append(transition)
    }

    /// `.*` over whole UTF-8 scalars, from `state`; returns the exit state.
    private mutating func anyScalarLoop(from state: Int) -> Int {
        let loop = newState()
        add(.epsilon(to: loop), from: state)
        let back = buildSet(.all, from: loop)
        add(.epsilon(to: loop), from: back)
        let exit = newState()
        add(.epsilon(to: exit), from: loop)
        return exit
    }

    /// Adds the byte paths of a set from `state`; returns their common end.
    private mutating func buildSet(_ set: ScalarSet, from state: Int) -> Int {
        let end = newState()
        for sequence in UTF8Ranges.sequences(for: set) {
            var current = state
            for (position, range) in sequence.enumerated() {
                let next = position == sequence.count - 1 ? end : newState()
                add(.bytes(range, to: next), from: current)
                current = next
            }
        }
        return end
    }

    /// Thompson construction: adds `node` from `state`; returns the exit.
    private mutating func build(_ node: RegexNode, from state: Int) -> Int {
        switch node {
        case .empty:
            return state
        case .scalar(let value):
            return buildSet(ScalarSet([value...value]), from: state)
        case .set(let set):
            return buildSet(set, from: state)
        case .sequence(let nodes):
            var current = state
            for item in nodes { current = build(item, from: current) }
            return current
        case .alternation(let branches):
            let exit = newState()
            for branch in branches {
                let entry = newState()
                add(.epsilon(to: entry), from: state)
                add(.epsilon(to: exit), from: build(branch, from: entry))
            }
            return exit
        case .group(let inner, _):
            return build(inner, from: state)
        case .startAnchor:
            let next = newState()
            add(.assertion(.start, to: next), from: state)
            return next
        case .endAnchor:
            let next = newState()
            add(.assertion(.end, to: next), from: state)
            return next
        case .wordBoundary(let negated):
            let next = newState()
            add(.assertion(negated ? .notWordBoundary : .wordBoundary, to: next), from: state)
            return next
        case .repetition(let inner, let minimum, let maximum, _):
            var current = state
            for _ in 0..<minimum { current = build(inner, from: current) }
            if let maximum {
                let exit = newState()
                for _ in minimum..<maximum {
                    add(.epsilon(to: exit), from: current)
                    current = build(inner, from: current)
                }
                add(.epsilon(to: exit), from: current)
                return exit
            }
            let loop = newState()
            add(.epsilon(to: loop), from: current)
            let back = build(inner, from: loop)
            add(.epsilon(to: loop), from: back)
            let exit = newState()
            add(.epsilon(to: exit), from: loop)
            return exit
        case .backreference, .lookaround:
            return state  // unreachable: such patterns have no automaton
        }
    }

    /// Whether the automaton accepts `bytes` (assertions resolved against
    /// `bytes`; word characters are ECMA's `\w`).
    public func accepts(_ bytes: [UInt8]) -> Bool {
        var current = closure(of: [start], at: 0, in: bytes)
        for position in 0..<bytes.count {
            var next: Set<Int> = []
            for state in current {
                for case .bytes(let range, let target) in transitions[state] where range.contains(bytes[position]) {
                    next.insert(target)
                }
            }
            if next.isEmpty { return false }
            current = closure(of: next, at: position + 1, in: bytes)
        }
        return current.contains(accepting)
    }

    private func closure(of states: Set<Int>, at position: Int, in bytes: [UInt8]) -> Set<Int> {
        var result = states
        var stack = Array(states)
        while let state = stack.popLast() {
            for transition in transitions[state] {
                var target: Int?
                switch transition {
                case .epsilon(let to): target = to
                case .assertion(let assertion, let to):
                    if holds(assertion, at: position, in: bytes) { target = to }
                case .bytes: break
                }
                if let target, result.insert(target).inserted { stack.append(target) }
            }
        }
        return result
    }

    private func holds(_ assertion: Assertion, at position: Int, in bytes: [UInt8]) -> Bool {
        func isWord(_ index: Int) -> Bool {
            guard index >= 0, index < bytes.count else { return false }
            return ScalarSet.word.contains(UInt32(bytes[index]))
        }
        switch assertion {
        case .start: return position == 0
        case .end: return position == bytes.count
        case .wordBoundary: return isWord(position - 1) != isWord(position)
        case .notWordBoundary: return isWord(position - 1) == isWord(position)
        }
    }
}
