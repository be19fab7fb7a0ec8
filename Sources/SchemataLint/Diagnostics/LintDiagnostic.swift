import SchemataJSON

/// One finding of the linter.
public struct LintDiagnostic: Sendable, Hashable {
    /// The rule that found it (kebab-case, e.g. `min-max-contradiction`).
    public var ruleID: String
    /// How serious it is.
    public var severity: Severity
    /// What is wrong, for a person.
    public var message: String
    /// Where in the schema document.
    public var pointer: JSONPointer
    /// Whether the finding is about the member name at `pointer` (an
    /// unknown keyword) rather than its value.
    public var pointsAtKey: Bool
    /// The fix, when one exists.
    public var fix: LintFix?

    public init(ruleID: String, severity: Severity, message: String, pointer: JSONPointer, pointsAtKey: Bool = false, fix: LintFix? = nil) {
        self.ruleID = ruleID
        self.severity = severity
        self.message = message
        self.pointer = pointer
        self.pointsAtKey = pointsAtKey
        self.fix = fix
    }
}
