/// The parsed form of an ECMA-262 pattern (with `u`-flag semantics).
indirect enum RegexNode: Sendable, Equatable {
    case empty
    /// One code point.
    case scalar(UInt32)
    /// A set of code points (classes, `.`, `\d`, `\p{…}` …).
    case set(ScalarSet)
    case sequence([RegexNode])
    case alternation([RegexNode])
    /// `node{minimum,maximum}`; `maximum == nil` is unbounded.
    case repetition(RegexNode, minimum: Int, maximum: Int?, greedy: Bool)
    /// A group; `index` is set for capturing groups.
    case group(RegexNode, index: Int?)
    case startAnchor
    case endAnchor
    case wordBoundary(negated: Bool)
    case backreference(Int)
    case lookaround(RegexNode, ahead: Bool, negated: Bool)

    /// Whether the node needs the backtracking matcher (backreferences and
    /// lookaround are not regular).
    var needsBacktracking: Bool {
        switch self {
        case .backreference, .lookaround: return true
        case .sequence(let nodes), .alternation(let nodes): return nodes.contains { $0.needsBacktracking }
        case .repetition(let node, _, _, _), .group(let node, _): return node.needsBacktracking
        default: return false
        }
    }
}

/// A set of Unicode code points as sorted, non-overlapping closed ranges.
struct ScalarSet: Sendable, Equatable {
    private(set) var ranges: [ClosedRange<UInt32>]

    init(_ ranges: [ClosedRange<UInt32>] = []) {
        self.ranges = ScalarSet.normalize(ranges)
    }

    static let all = ScalarSet([0...0x10FFFF])

    static func normalize(_ ranges: [ClosedRange<UInt32>]) -> [ClosedRange<UInt32>] {
        let sorted = ranges.sorted { $0.lowerBound < $1.lowerBound }
        var result: [ClosedRange<UInt32>] = []
        for range in sorted {
            if let last = result.last, range.lowerBound <= last.upperBound &+ 1 {
                result[result.count - 1] = last.lowerBound...max(last.upperBound, range.upperBound)
            } else {
                result.append(range)
            }
        }
        return result
    }

    func contains(_ scalar: UInt32) -> Bool {
        var low = 0
        var high = ranges.count - 1
        while low <= high {
            let mid = (low + high) / 2
            let range = ranges[mid]
            if scalar < range.lowerBound {
                high = mid - 1
            } else if scalar > range.upperBound {
                low = mid + 1
            } else {
                return true
            }
        }
        return false
    }

    func union(_ other: ScalarSet) -> ScalarSet {
        ScalarSet(ranges + other.ranges)
    }

    /// The complement within U+0000…U+10FFFF.
    func inverted() -> ScalarSet {
        var result: [ClosedRange<UInt32>] = []
        var next: UInt32 = 0
        for range in ranges {
            if range.lowerBound > next { result.append(next...(range.lowerBound - 1)) }
            next = range.upperBound &+ 1
            if range.upperBound == 0x10FFFF { return ScalarSet(result) }
        }
        if next <= 0x10FFFF { result.append(next...0x10FFFF) }
        return ScalarSet(result)
    }
}
