import SchemataJSON

/// What a rule is: its id, default severity, one-line summary and the kind
/// of fix it offers.
public struct RuleDescriptor: Sendable, Hashable {
    /// Kebab-case identifier, used by `--only`, `--exclude` and in output.
    public var id: String
    /// The severity of its findings (a provider profile may raise or lower it).
    public var severity: Severity
    /// What the rule checks, in one line.
    public var summary: String
    /// The fix it offers, if any.
    public var fix: FixSafety?
    /// Whether it runs only under a provider profile.
    public var needsProfile: Bool

    public init(id: String, severity: Severity, summary: String, fix: FixSafety? = nil, needsProfile: Bool = false) {
        self.id = id
        self.severity = severity
        self.summary = summary
        self.fix = fix
        self.needsProfile = needsProfile
    }
}

/// A lint rule. Rules look at one subschema at a time, or at the whole
/// document, and append what they find.
protocol LintRule: Sendable {
    var descriptor: RuleDescriptor { get }
    /// Checks the document as a whole (called once per file).
    func checkDocument(in context: LintContext, into findings: inout [LintDiagnostic])
    /// Checks one subschema (called for every subschema, in document order).
    func check(_ schema: SchemaNode, in context: LintContext, into findings: inout [LintDiagnostic])
}

extension LintRule {
    func checkDocument(in context: LintContext, into findings: inout [LintDiagnostic]) {}
    func check(_ schema: SchemaNode, in context: LintContext, into findings: inout [LintDiagnostic]) {}

    /// A finding of this rule at its default severity.
    func finding(
        _ message: String, at pointer: JSONPointer, key: Bool = false, severity: Severity? = nil, fix: LintFix? = nil
    ) -> LintDiagnostic {
        LintDiagnostic(ruleID: descriptor.id, severity: severity ?? descriptor.severity, message: message, pointer: pointer, pointsAtKey: key, fix: fix)
    }
}
