/// A deterministic automaton over UTF-8 bytes for `pattern` searches: the
/// subset construction of a ``ByteAutomaton`` in search mode, built whole
/// when the pattern is compiled (so it is immutable and shared by every
/// thread) and run one table lookup per byte, with no decoding to scalars.
///
/// Bytes are grouped into classes (bytes that no transition tells apart),
/// so a state's row has one entry per class. Patterns whose automaton would
/// exceed ``maximumStates`` states or ``constructionBudget``, or that use
/// `\b`/`\B` (which need the previous character), get no DFA and run on
/// the NFA simulation instead.
struct ByteDFA: Sendable {
    /// The most states built before giving up on a pattern.
    static let maximumStates = 2048
    /// The most NFA edges the construction may visit (about a millisecond):
    /// patterns whose DFA would cost more to build — large Unicode classes
    /// under counted repetition — keep the NFA simulation.
    static let constructionBudget = 400_000

    /// The class of each byte value.
    private let classOf: [UInt8]
    private let classCount: Int
    /// `table[state * classCount + class]` is the next state; state 0 is
    /// the dead state (no match possible any more).
    private let table: [Int32]
    /// Whether a state already contains a match (the rest of the text,
    /// valid UTF-8, cannot undo it: the search automaton ends in a loop over
    /// any character).
    private let acceptsNow: [Bool]
    /// Whether a state holds a match when the text ends there (`$` holds).
    private let acceptsAtEnd: [Bool]
    /// The state before the first byte (its own state: `^` holds only there).
    private let start: Int32

    /// The largest pattern (by ``size(of:)``) worth a DFA: beyond it the
    /// automaton costs more to build than a schema compile should.
    static let maximumPatternSize = 600

    /// The DFA of a parsed pattern for searches, or `nil` (see above).
    static func forSearch(_ node: RegexNode) -> ByteDFA? {
        guard size(of: node) <= maximumPatternSize else { return nil }
        return ByteAutomaton(node: node, mode: .search).flatMap { ByteDFA($0) }
    }

    /// A cheap estimate of the automaton's size: the UTF-8 byte sequences of
    /// its character sets, with counted repetitions multiplied out (capped,
    /// so that the estimate itself cannot overflow).
    static func size(of node: RegexNode) -> Int {
        switch node {
        case .empty, .startAnchor, .endAnchor, .wordBoundary, .backreference: return 1
        case .scalar: return 1
        case .set(let set):
            // Large Unicode classes are too big whatever their UTF-8 form.
            return set.ranges.count > maximumPatternSize ? maximumPatternSize + 1 : UTF8Ranges.sequences(for: set).count
        case .sequence(let nodes), .alternation(let nodes):
            return nodes.reduce(0) { min(Int(Int32.max), $0 + size(of: $1)) }
        case .group(let inner, _), .lookaround(let inner, _, _): return size(of: inner)
        case .repetition(let inner, let minimum, let maximum, _):
            let copies = max(1, maximum ?? (minimum + 1))
            return min(Int(Int32.max), size(of: inner) * min(copies, 100_000))
        }
    }

    /// The DFA of `automaton` (built in ``ByteAutomaton/Mode/search``), or
    /// `nil` when it has word-boundary assertions or too many states.
    init?(_ automaton: ByteAutomaton) {
        let transitions = automaton.transitions
        // Byte classes: every range boundary starts a new class.
        var boundaries = [Bool](repeating: false, count: 257)
        boundaries[0] = true
        for edges in transitions {
            for edge in edges {
                switch edge {
                case .bytes(let range, _):
                    boundaries[Int(range.lowerBound)] = true
                    boundaries[Int(range.upperBound) + 1] = true
                case .assertion(.wordBoundary, _), .assertion(.notWordBoundary, _):
                    return nil
                default:
                    break
                }
            }
        }
        var classOf = [UInt8](repeating: 0, count: 256)
        var representatives: [UInt8] = []
        for byte in 0..<256 {
            if boundaries[byte] { representatives.append(UInt8(byte)) }
            classOf[byte] = UInt8(representatives.count - 1)
        }
        let classCount = representatives.count

        /// The states reachable from `states` without consuming a byte,
        /// following `^` only at the text's start and `$` only at its end.
        func closure(_ states: [Int], atStart: Bool, atEnd: Bool) -> [Int] {
            var seen = Set(states)
            var stack = states
            while let state = stack.popLast() {
                for edge in transitions[state] {
                    let target: Int
                    switch edge {
                    case .epsilon(let to): target = to
                    case .assertion(.start, let to) where atStart: target = to
                    case .assertion(.end, let to) where atEnd: target = to
                    default: continue
                    }
                    if seen.insert(target).inserted { stack.append(target) }
                }
            }
            return seen.sorted()
        }

        // State 0 is dead; the start state is kept apart from any later
        // state with the same NFA states (`^` and `$` differ there).
        var sets: [[Int]] = [[]]
        var ids: [[Int]: Int32] = [:]
        let startSet = closure([automaton.start], atStart: true, atEnd: false)
        sets.append(startSet)
        var table = [Int32](repeating: 0, count: 2 * classCount)
        var pending = [1]
        var work = 0
        while let state = pending.popLast() {
            for byteClass in 0..<classCount {
                let byte = representatives[byteClass]
                var moved: [Int] = []
                for nfaState in sets[state] {
                    work += transitions[nfaState].count
                    guard work <= ByteDFA.constructionBudget else { return nil }
                    for edge in transitions[nfaState] {
                        if case .bytes(let range, let to) = edge, range.contains(byte) { moved.append(to) }
                    }
                }
                guard !moved.isEmpty else { continue }
                let next = closure(moved, atStart: false, atEnd: false)
                let id: Int32
                if let known = ids[next] {
                    id = known
                } else {
                    guard sets.count < ByteDFA.maximumStates else { return nil }
                    id = Int32(sets.count)
                    ids[next] = id
                    sets.append(next)
                    table.append(contentsOf: repeatElement(0, count: classCount))
                    pending.append(Int(id))
                }
                table[state * classCount + byteClass] = id
            }
        }
        let accepting = automaton.accepting
        self.classOf = classOf
        self.classCount = classCount
        self.table = table
        self.start = 1
        self.acceptsNow = sets.map { $0.contains(accepting) }
        self.acceptsAtEnd = sets.indices.map { index in
            index != 0 && closure(sets[index], atStart: index == 1, atEnd: true).contains(accepting)
        }
    }

    /// Whether valid UTF-8 `bytes` contain a match.
    func search(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        classOf.withUnsafeBufferPointer { classOf in
            table.withUnsafeBufferPointer { table in
                acceptsNow.withUnsafeBufferPointer { acceptsNow in
                    var state = Int(start)
                    if acceptsNow[state] { return true }
                    for byte in bytes {
                        state = Int(table[state &* classCount &+ Int(classOf[Int(byte)])])
                        if state == 0 { return false }
                        if acceptsNow[state] { return true }
                    }
                    return acceptsAtEnd[state]
                }
            }
        }
    }
}
