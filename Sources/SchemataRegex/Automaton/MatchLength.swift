/// How long a match can be, in Unicode scalars and in UTF-8 bytes; `nil`
/// maximum means unbounded. For a constraint compiler: a string of fewer
/// than ``minimumScalars`` scalars cannot match, and neither can a longer
/// one than the maximum (for patterns anchored at both ends).
public struct MatchLength: Sendable, Hashable {
    public var minimumScalars: Int
    public var maximumScalars: Int?
    public var minimumBytes: Int
    public var maximumBytes: Int?

    static let zero = MatchLength(minimumScalars: 0, maximumScalars: 0, minimumBytes: 0, maximumBytes: 0)

    static func of(_ node: RegexNode) -> MatchLength {
        func add(_ a: Int?, _ b: Int?) -> Int? {
            guard let a, let b else { return nil }
            let (sum, overflow) = a.addingReportingOverflow(b)
            return overflow ? nil : sum
        }
        func times(_ a: Int?, _ k: Int?) -> Int? {
            guard let a, let k else { return a == 0 ? 0 : nil }
            let (product, overflow) = a.multipliedReportingOverflow(by: k)
            return overflow ? nil : product
        }
        switch node {
        case .empty, .startAnchor, .endAnchor, .wordBoundary, .lookaround:
            return .zero
        case .scalar(let value):
            let bytes = UTF8Ranges.encodedLength(value)
            return MatchLength(minimumScalars: 1, maximumScalars: 1, minimumBytes: bytes, maximumBytes: bytes)
        case .set(let set):
            guard let low = set.ranges.first?.lowerBound, let high = set.ranges.last?.upperBound else {
                return MatchLength(minimumScalars: 1, maximumScalars: 1, minimumBytes: 1, maximumBytes: 1)
            }
            return MatchLength(
                minimumScalars: 1, maximumScalars: 1, minimumBytes: UTF8Ranges.encodedLength(low),
                maximumBytes: UTF8Ranges.encodedLength(high))
        case .sequence(let nodes):
            var total = MatchLength.zero
            for item in nodes {
                let part = of(item)
                total.minimumScalars += part.minimumScalars
                total.minimumBytes += part.minimumBytes
                total.maximumScalars = add(total.maximumScalars, part.maximumScalars)
                total.maximumBytes = add(total.maximumBytes, part.maximumBytes)
            }
            return total
        case .alternation(let branches):
            let parts = branches.map(of)
            return MatchLength(
                minimumScalars: parts.map(\.minimumScalars).min() ?? 0,
                maximumScalars: parts.contains { $0.maximumScalars == nil } ? nil : parts.compactMap(\.maximumScalars).max(),
                minimumBytes: parts.map(\.minimumBytes).min() ?? 0,
                maximumBytes: parts.contains { $0.maximumBytes == nil } ? nil : parts.compactMap(\.maximumBytes).max())
        case .group(let inner, _):
            return of(inner)
        case .repetition(let inner, let minimum, let maximum, _):
            let part = of(inner)
            return MatchLength(
                minimumScalars: times(part.minimumScalars, minimum) ?? Int.max, maximumScalars: times(part.maximumScalars, maximum),
                minimumBytes: times(part.minimumBytes, minimum) ?? Int.max, maximumBytes: times(part.maximumBytes, maximum))
        case .backreference:
            return MatchLength(minimumScalars: 0, maximumScalars: nil, minimumBytes: 0, maximumBytes: nil)
        }
    }
}
