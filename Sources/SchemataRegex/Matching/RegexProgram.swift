/// A pattern compiled to instructions for a Thompson-style NFA.
struct RegexProgram: Sendable {
    enum Instruction: Sendable, Equatable {
        /// Consume this code point.
        case scalar(UInt32)
        /// Consume a code point in `sets[index]`.
        case set(Int)
        /// Try `first`, then `second`.
        case split(Int, Int)
        case jump(Int)
        case assertStart
        case assertEnd
        case wordBoundary(negated: Bool)
        /// Record the position in capture slot `slot` (backtracking only).
        case save(Int)
        /// Match the text of group `group` again (backtracking only).
        case backreference(Int)
        /// Run `programs[index]` as a lookaround (backtracking only).
        case lookaround(Int, ahead: Bool, negated: Bool)
        case match
    }

    var instructions: [Instruction] = []
    var sets: [ScalarSet] = []
    /// Sub-programs of lookarounds.
    var lookarounds: [RegexProgram] = []
    var captureCount = 0

    /// The largest program accepted (counted repetitions are expanded).
    static let maximumSize = 200_000

    struct TooLarge: Error {}

    static func compile(_ node: RegexNode, captureCount: Int) throws(TooLarge) -> RegexProgram {
        var program = RegexProgram()
        program.captureCount = captureCount
        try program.emit(node)
        program.instructions.append(.match)
        return program
    }

    mutating func append(_ instruction: Instruction) throws(TooLarge) {
        if instructions.count >= RegexProgram.maximumSize { throw TooLarge() }
        instructions.append(instruction)
    }

    mutating func emit(_ node: RegexNode) throws(TooLarge) {
        switch node {
        case .empty:
            break
        case .scalar(let value):
            try append(.scalar(value))
        case .set(let set):
            sets.append(set)
            try append(.set(sets.count - 1))
        case .sequence(let nodes):
            for node in nodes { try emit(node) }
        case .alternation(let branches):
            // split L1, next; L1: branch; jump end; next: split …
            var jumps: [Int] = []
            for (position, branch) in branches.enumerated() {
                if position < branches.count - 1 {
                    let split = instructions.count
                    try append(.split(split + 1, 0))
                    try emit(branch)
                    jumps.append(instructions.count)
                    try append(.jump(0))
                    instructions[split] = .split(split + 1, instructions.count)
                } else {
                    try emit(branch)
                }
            }
            for jump in jumps { instructions[jump] = .jump(instructions.count) }
        case .group(let inner, let index):
            if let index { try append(.save(index * 2)) }
            try emit(inner)
            if let index { try append(.save(index * 2 + 1)) }
        case .startAnchor:
            try append(.assertStart)
        case .endAnchor:
            try append(.assertEnd)
        case .wordBoundary(let negated):
            try append(.wordBoundary(negated: negated))
        case .backreference(let group):
            try append(.backreference(group))
        case .lookaround(let inner, let ahead, let negated):
            var sub = RegexProgram()
            sub.captureCount = captureCount
            try sub.emit(inner)
            try sub.append(.match)
            lookarounds.append(sub)
            try append(.lookaround(lookarounds.count - 1, ahead: ahead, negated: negated))
        case .repetition(let inner, let minimum, let maximum, let greedy):
            for _ in 0..<minimum { try emit(inner) }
            if let maximum {
                // (inner (inner …)?)? nested optionals for the remainder.
                var ends: [Int] = []
                for _ in minimum..<maximum {
                    let split = instructions.count
                    try append(.split(0, 0))
                    try emit(inner)
                    ends.append(split)
                }
                let end = instructions.count
                for split in ends {
                    instructions[split] = greedy ? .split(split + 1, end) : .split(end, split + 1)
                }
            } else {
                // L: split body, out; body; jump L
                let split = instructions.count
                try append(.split(0, 0))
                let bodyStart = instructions.count
                try emit(inner)
                if instructions.count == bodyStart {
                    // An empty body would loop without consuming: skip it.
                    instructions.removeLast()
                    return
                }
                try append(.jump(split))
                instructions[split] = greedy ? .split(bodyStart, instructions.count) : .split(instructions.count, bodyStart)
            }
        }
    }
}
