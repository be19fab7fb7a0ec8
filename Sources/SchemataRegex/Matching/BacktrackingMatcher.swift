/// Runs a ``RegexProgram`` by backtracking, for the patterns the NFA cannot
/// run (backreferences, lookaround). Every step counts against a budget;
/// running out is reported, never a hang.
struct BacktrackingMatcher {
    let program: RegexProgram
    let budget: Int

    enum Outcome {
        case match
        case noMatch
        case budgetExceeded
    }

    private struct Frame {
        var pc: Int
        var position: Int
        /// Captures to restore when backtracking to this frame.
        var captures: [Int]
    }

    /// Whether the pattern matches anywhere in `input`.
    func search(_ input: [UInt32]) -> Outcome {
        var steps = 0
        for start in 0...input.count {
            var captures = [Int](repeating: -1, count: (program.captureCount + 1) * 2)
            switch run(program, from: start, input, &captures, &steps, mustEndAt: nil) {
            case .match: return .match
            case .budgetExceeded: return .budgetExceeded
            case .noMatch: continue
            }
        }
        return .noMatch
    }

    /// Runs `program` from `start`; when `mustEndAt` is set, only a match
    /// ending exactly there counts (used for lookbehind).
    private func run(
        _ program: RegexProgram, from start: Int, _ input: [UInt32], _ captures: inout [Int], _ steps: inout Int,
        mustEndAt: Int?
    ) -> Outcome {
        var stack = [Frame(pc: 0, position: start, captures: captures)]
        while let frame = stack.popLast() {
            var pc = frame.pc
            var position = frame.position
            var local = frame.captures
            while true {
                steps += 1
                if steps > budget { return .budgetExceeded }
                switch program.instructions[pc] {
                case .match:
                    if let end = mustEndAt, position != end { break }
                    captures = local
                    return .match
                case .scalar(let value):
                    if position < input.count, input[position] == value {
                        position += 1
                        pc += 1
                        continue
                    }
                case .set(let index):
                    if position < input.count, program.sets[index].contains(input[position]) {
                        position += 1
                        pc += 1
                        continue
                    }
                case .jump(let target):
                    pc = target
                    continue
                case .split(let first, let second):
                    stack.append(Frame(pc: second, position: position, captures: local))
                    pc = first
                    continue
                case .assertStart:
                    if position == 0 {
                        pc += 1
                        continue
                    }
                case .assertEnd:
                    if position == input.count {
                        pc += 1
                        continue
                    }
                case .wordBoundary(let negated):
                    let before = position > 0 && ScalarSet.word.contains(input[position - 1])
                    let after = position < input.count && ScalarSet.word.contains(input[position])
                    if (before != after) != negated {
                        pc += 1
                        continue
                    }
                case .save(let slot):
                    if slot < local.count { local[slot] = position }
                    pc += 1
                    continue
                case .backreference(let group):
                    let from = group * 2 < local.count ? local[group * 2] : -1
                    let to = group * 2 + 1 < local.count ? local[group * 2 + 1] : -1
                    if from < 0 || to < 0 {
                        // An unset group matches the empty string.
                        pc += 1
                        continue
                    }
                    let length = to - from
                    if position + length <= input.count, input[from..<to].elementsEqual(input[position..<position + length]) {
                        position += length
                        pc += 1
                        continue
                    }
                case .lookaround(let index, let ahead, let negated):
                    let sub = program.lookarounds[index]
                    var inner = local
                    var found = false
                    if ahead {
                        switch run(sub, from: position, input, &inner, &steps, mustEndAt: nil) {
                        case .match: found = true
                        case .budgetExceeded: return .budgetExceeded
                        case .noMatch: break
                        }
                    } else {
                        var begin = position
                        while begin >= 0 {
                            switch run(sub, from: begin, input, &inner, &steps, mustEndAt: position) {
                            case .match: found = true
                            case .budgetExceeded: return .budgetExceeded
                            case .noMatch: break
                            }
                            if found { break }
                            begin -= 1
                        }
                    }
                    if found != negated {
                        if found && !negated { local = inner }
                        pc += 1
                        continue
                    }
                }
                break  // this thread failed: backtrack
            }
        }
        return .noMatch
    }
}
