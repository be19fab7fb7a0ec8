/// Runs a ``RegexProgram`` (without backreferences or lookaround) by
/// simulating its NFA over the input: every position is visited once with
/// at most one thread per instruction, so a search costs
/// O(input length × program size) whatever the pattern — no ReDoS.
struct NFAMatcher {
    let program: RegexProgram
    let anchoredAtStart: Bool

    init(program: RegexProgram) {
        self.program = program
        // A leading ^ (not inside an alternation) means only position 0 can start a match.
        self.anchoredAtStart = program.instructions.first == .assertStart
    }

    /// Whether the pattern matches anywhere in `input` (ECMA `search`).
    func search(_ input: [UInt32]) -> Bool {
        input.withUnsafeBufferPointer { search($0) }
    }

    /// Whether the pattern matches anywhere in `input`; the thread sets live
    /// in temporary (stack) storage, so a search allocates nothing.
    func search(_ input: UnsafeBufferPointer<UInt32>) -> Bool {
        let size = program.instructions.count
        // Two sparse sets (dense + sparse halves) and the closure stack, which
        // holds at most two successors per instruction.
        let stackCapacity = size * 2 + 2
        // The closure reaches the matcher through a pointer: capturing
        // `self` would copy it (and retain its program) on every search.
        return withUnsafePointer(to: self) { matcher in
            withUnsafeTemporaryAllocation(of: Int.self, capacity: size * 4 + stackCapacity) { storage in
                storage.initialize(repeating: 0)
                var current = SparseSet(storage: UnsafeMutableBufferPointer(rebasing: storage[0..<size * 2]), capacity: size)
                var next = SparseSet(storage: UnsafeMutableBufferPointer(rebasing: storage[size * 2..<size * 4]), capacity: size)
                var stack = ClosureStack(storage: UnsafeMutableBufferPointer(rebasing: storage[(size * 4)..<(size * 4 + stackCapacity)]))
                return matcher.pointee.run(input, &current, &next, &stack)
            }
        }
    }

    private func run(_ input: UnsafeBufferPointer<UInt32>, _ current: inout SparseSet, _ next: inout SparseSet, _ stack: inout ClosureStack) -> Bool {
        let count = input.count
        var position = 0
        while true {
            if position == 0 || !anchoredAtStart {
                if addThread(0, at: position, input, &current, &stack) { return true }
            }
            if position == count || current.isEmpty && anchoredAtStart { return false }
            let scalar = input[position]
            next.clear()
            for pc in current.members {
                let advance: Bool
                switch program.instructions[pc] {
                case .scalar(let value): advance = value == scalar
                case .set(let index): advance = program.sets[index].contains(scalar)
                default: advance = false
                }
                if advance, addThread(pc + 1, at: position + 1, input, &next, &stack) { return true }
            }
            swap(&current, &next)
            position += 1
            if current.isEmpty && anchoredAtStart { return false }
        }
    }

    /// Adds `pc` and everything reachable from it without consuming input;
    /// returns true if that reaches `match`.
    private func addThread(_ start: Int, at position: Int, _ input: UnsafeBufferPointer<UInt32>, _ set: inout SparseSet, _ stack: inout ClosureStack) -> Bool {
        stack.append(start)
        while let pc = stack.popLast() {
            if set.contains(pc) { continue }
            set.insert(pc)
            switch program.instructions[pc] {
            case .match:
                stack.removeAll()
                return true
            case .jump(let target):
                stack.append(target)
            case .split(let first, let second):
                stack.append(second)
                stack.append(first)
            case .assertStart:
                if position == 0 { stack.append(pc + 1) }
            case .assertEnd:
                if position == input.count { stack.append(pc + 1) }
            case .wordBoundary(let negated):
                let before = position > 0 && ScalarSet.word.contains(input[position - 1])
                let after = position < input.count && ScalarSet.word.contains(input[position])
                if (before != after) != negated { stack.append(pc + 1) }
            case .save:
                stack.append(pc + 1)
            case .scalar, .set, .backreference, .lookaround:
                break
            }
        }
        return false
    }
}

/// A set of small integers with O(1) insert, lookup and clear, over storage
/// the caller provides (two halves: dense and sparse).
struct SparseSet {
    private let dense: UnsafeMutableBufferPointer<Int>
    private let sparse: UnsafeMutableBufferPointer<Int>
    private(set) var count = 0

    init(storage: UnsafeMutableBufferPointer<Int>, capacity: Int) {
        dense = UnsafeMutableBufferPointer(rebasing: storage[0..<capacity])
        sparse = UnsafeMutableBufferPointer(rebasing: storage[capacity..<capacity * 2])
    }

    var isEmpty: Bool { count == 0 }

    func contains(_ value: Int) -> Bool {
        let slot = sparse[value]
        return slot >= 0 && slot < count && dense[slot] == value
    }

    mutating func insert(_ value: Int) {
        sparse[value] = count
        dense[count] = value
        count += 1
    }

    mutating func clear() { count = 0 }

    var members: UnsafeMutableBufferPointer<Int>.SubSequence { dense[0..<count] }
}

/// A stack of instruction indexes over caller-provided storage.
struct ClosureStack {
    private let storage: UnsafeMutableBufferPointer<Int>
    private var top = 0

    init(storage: UnsafeMutableBufferPointer<Int>) {
        self.storage = storage
    }

    mutating func append(_ value: Int) {
        storage[top] = value
        top += 1
    }

    mutating func popLast() -> Int? {
        guard top > 0 else { return nil }
        top -= 1
        return storage[top]
    }

    mutating func removeAll() { top = 0 }
}
