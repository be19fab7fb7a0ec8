/// How serious a lint finding is. Only errors make `schemata lint` exit 1.
public enum Severity: String, Sendable, Hashable, CaseIterable, Comparable {
    /// The schema is wrong, or a provider rejects it.
    case error
    /// Probably a mistake: something is ignored, unreachable or misleading.
    case warning
    /// Worth knowing; not a mistake.
    case info
    /// A simplification or style suggestion.
    case hint

    private var rank: Int {
        switch self {
        case .error: return 0
        case .warning: return 1
        case .info: return 2
        case .hint: return 3
        }
    }

    /// Errors sort first.
    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}
