/// Facts about a pattern that matter to tools other than the matcher: the
/// linter, and engines that treat patterns differently from JSON Schema.
public struct PatternFacts: Sendable, Equatable {
    /// A construct that makes a backtracking engine (Python `re`,
    /// JavaScript, PCRE, Java) take exponential or polynomial time on some
    /// inputs, described for a person; `nil` when none was found. Schemata's
    /// own matcher is linear-time for these patterns, but schemas travel.
    public var backtrackingHazard: String?
    /// Whether the whole pattern is wrapped in `^…$` (every alternative).
    public var isAnchoredAtBothEnds: Bool
    /// Whether it uses backreferences or lookaround (not a regular language).
    public var isNonRegular: Bool
    /// Whether it uses `\b` or `\B`.
    public var usesWordBoundaries: Bool
}

extension ECMARegex {
    /// Facts about the pattern (see ``PatternFacts``).
    public var facts: PatternFacts {
        guard let node else {
            return PatternFacts(backtrackingHazard: nil, isAnchoredAtBothEnds: false, isNonRegular: true, usesWordBoundaries: false)
        }
        return PatternFacts(
            backtrackingHazard: PatternAnalysis.hazard(in: node),
            isAnchoredAtBothEnds: PatternAnalysis.isAnchored(node),
            isNonRegular: node.needsBacktracking,
            usesWordBoundaries: PatternAnalysis.contains(node) { if case .wordBoundary = $0 { return true } else { return false } }
        )
    }
}

/// Structural analysis of a parsed pattern.
enum PatternAnalysis {
    /// The characters a match of `node` can start with, and whether it can
    /// match the empty string.
    static func first(_ node: RegexNode) -> (set: ScalarSet, nullable: Bool) {
        switch node {
        case .empty, .startAnchor, .endAnchor, .wordBoundary, .lookaround: return (ScalarSet(), true)
        case .scalar(let scalar): return (ScalarSet([scalar...scalar]), false)
        case .set(let set): return (set, false)
        case .backreference: return (.all, true)
        case .group(let inner, _): return first(inner)
        case .repetition(let inner, let minimum, _, _):
            let result = first(inner)
            return (result.set, result.nullable || minimum == 0)
        case .alternation(let branches):
            var set = ScalarSet()
            var nullable = false
            for branch in branches {
                let result = first(branch)
                set = set.union(result.set)
                nullable = nullable || result.nullable
            }
            return (set, nullable)
        case .sequence(let items):
            var set = ScalarSet()
            for item in items {
                let result = first(item)
                set = set.union(result.set)
                if !result.nullable { return (set, false) }
            }
            return (set, true)
        }
    }

    /// The characters a match of `node` can end with (mirror of ``first``).
    static func last(_ node: RegexNode) -> ScalarSet {
        switch node {
        case .sequence(let items):
            var set = ScalarSet()
            for item in items.reversed() {
                set = set.union(last(item))
                if !first(item).nullable { return set }
            }
            return set
        case .alternation(let branches): return branches.reduce(ScalarSet()) { $0.union(last($1)) }
        case .group(let inner, _), .repetition(let inner, _, _, _): return last(inner)
        default: return first(node).set
        }
    }

    static func overlaps(_ a: ScalarSet, _ b: ScalarSet) -> Bool {
        var i = 0
        var j = 0
        while i < a.ranges.count && j < b.ranges.count {
            let x = a.ranges[i]
            let y = b.ranges[j]
            if x.upperBound < y.lowerBound {
                i += 1
            } else if y.upperBound < x.lowerBound {
                j += 1
            } else {
                return true
            }
        }
        return false
    }

    static func isUnbounded(_ maximum: Int?) -> Bool { maximum == nil || maximum! > 16 }

    /// The first hazardous construct found, described.
    static func hazard(in node: RegexNode) -> String? {
        switch node {
        case .repetition(let inner, _, let maximum, _):
            if isUnbounded(maximum) {
                if let message = nestedRepetition(in: inner) { return message }
                if case .alternation(let branches) = unwrap(inner), let message = overlappingBranches(branches) {
                    return message
                }
            }
            return hazard(in: inner)
        case .sequence(let items):
            if let message = adjacentRepetitions(items) { return message }
            for item in items { if let message = hazard(in: item) { return message } }
            return nil
        case .alternation(let branches):
            for branch in branches { if let message = hazard(in: branch) { return message } }
            return nil
        case .group(let inner, _), .lookaround(let inner, _, _):
            return hazard(in: inner)
        default:
            return nil
        }
    }

    static func unwrap(_ node: RegexNode) -> RegexNode {
        if case .group(let inner, _) = node { return unwrap(inner) }
        return node
    }

    /// `(x+)+`, `(\w+\s?)*`: an unbounded repetition whose body can end in
    /// another unbounded repetition that overlaps the body's start, so one
    /// text splits into iterations in exponentially many ways.
    static func nestedRepetition(in body: RegexNode) -> String? {
        let start = first(body).set
        for inner in tailRepetitions(of: body) where overlaps(first(inner).set, start) || overlaps(last(inner), start) {
            return "nested quantifiers: a repeated group ends in a part that repeats itself and overlaps the group's start, so a backtracking engine can take exponential time"
        }
        return nil
    }

    /// Unbounded repetitions at the end of `node` (followed only by parts
    /// that can match empty).
    static func tailRepetitions(of node: RegexNode) -> [RegexNode] {
        switch node {
        case .repetition(let inner, _, let maximum, _):
            return isUnbounded(maximum) ? [inner] : tailRepetitions(of: inner)
        case .group(let inner, _): return tailRepetitions(of: inner)
        case .alternation(let branches): return branches.flatMap(tailRepetitions(of:))
        case .sequence(let items):
            var result: [RegexNode] = []
            for item in items.reversed() {
                result += tailRepetitions(of: item)
                if !first(item).nullable { break }
            }
            return result
        default: return []
        }
    }

    /// `(a|a)*`, `(\w|\d)+`: single-character alternatives that overlap.
    static func overlappingBranches(_ branches: [RegexNode]) -> String? {
        let singles = branches.compactMap { branch -> ScalarSet? in
            switch unwrap(branch) {
            case .scalar(let scalar): return ScalarSet([scalar...scalar])
            case .set(let set): return set
            default: return nil
            }
        }
        for i in singles.indices {
            for j in singles.indices where j > i && overlaps(singles[i], singles[j]) {
                return "a repeated alternation whose alternatives overlap, so a backtracking engine can take exponential time"
            }
        }
        return nil
    }

    /// `\d+\d+`, `.*.*`: two overlapping unbounded repetitions with nothing
    /// required between them.
    static func adjacentRepetitions(_ items: [RegexNode]) -> String? {
        var previous: ScalarSet?
        for item in items {
            if case .repetition(let inner, _, let maximum, _) = unwrap(item), isUnbounded(maximum) {
                // Ambiguous when the earlier one can end with what this one starts with.
                if let earlier = previous, overlaps(earlier, first(inner).set) {
                    return "two overlapping unbounded repetitions in a row, so a backtracking engine can take polynomial time"
                }
                previous = last(inner)
            } else if !first(item).nullable {
                previous = nil
            }
        }
        return nil
    }

    static func isAnchored(_ node: RegexNode) -> Bool {
        switch node {
        case .sequence(let items):
            guard case .startAnchor? = items.first.map(unwrap), case .endAnchor? = items.last.map(unwrap), items.count >= 2 else {
                return false
            }
            return true
        case .alternation(let branches): return !branches.isEmpty && branches.allSatisfy(isAnchored)
        case .group(let inner, _): return isAnchored(inner)
        default: return false
        }
    }

    static func contains(_ node: RegexNode, where predicate: (RegexNode) -> Bool) -> Bool {
        if predicate(node) { return true }
        switch node {
        case .sequence(let items), .alternation(let items): return items.contains { contains($0, where: predicate) }
        case .repetition(let inner, _, _, _), .group(let inner, _), .lookaround(let inner, _, _):
            return contains(inner, where: predicate)
        default: return false
        }
    }
}
