import SchemataJSON

/// The lint results of one file, with what is needed to place them.
public struct LintedFile: Sendable {
    /// The path as given.
    public var path: String
    /// The findings (after fixing, what is left).
    public var diagnostics: [LintDiagnostic]
    /// Where each part of the (final) text is; `nil` when it could not be parsed.
    public var sourceMap: SourceMap?
    /// Findings fixed by `--fix`.
    public var fixed: [LintDiagnostic]
    /// A reason the file could not be linted (unreadable, not JSON), with its position.
    public var failure: String?

    public init(path: String, diagnostics: [LintDiagnostic], sourceMap: SourceMap?, fixed: [LintDiagnostic] = [], failure: String? = nil) {
        self.path = path
        self.diagnostics = diagnostics
        self.sourceMap = sourceMap
        self.fixed = fixed
        self.failure = failure
    }

    /// Where a finding is in the text: the member name for key findings,
    /// else the value (or its nearest existing ancestor).
    public func range(of diagnostic: LintDiagnostic) -> SourceRange? {
        guard let sourceMap else { return nil }
        if diagnostic.pointsAtKey, let key = sourceMap.keyRange(of: diagnostic.pointer) { return key }
        if let range = sourceMap.range(of: diagnostic.pointer) { return range }
        let location = sourceMap.nearestLocation(of: diagnostic.pointer)
        return SourceRange(start: location, end: location)
    }

    /// The findings sorted by position, then severity.
    public var sortedDiagnostics: [LintDiagnostic] {
        diagnostics.enumerated().sorted { a, b in
            let x = range(of: a.element)?.start.offset ?? 0
            let y = range(of: b.element)?.start.offset ?? 0
            if x != y { return x < y }
            if a.element.severity != b.element.severity { return a.element.severity < b.element.severity }
            return a.offset < b.offset
        }.map(\.element)
    }

    /// The number of findings of a severity.
    public func count(_ severity: Severity) -> Int { diagnostics.filter { $0.severity == severity }.count }
}
