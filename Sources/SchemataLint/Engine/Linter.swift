import SchemataJSON
import SchemataValidator

/// Options for linting.
public struct LintOptions: Sendable {
    /// Lint for this provider: its rules run, and generic rules it
    /// contradicts are turned off.
    public var profile: ProviderProfile?
    /// Only these rules (`nil`: all).
    public var only: Set<String>?
    /// Not these rules.
    public var exclude: Set<String> = []
    /// The draft for schemas without `$schema`.
    public var defaultDraft: Draft = .draft2020_12
    /// Other documents `$ref` may name, and directory mappings.
    public var registry = SchemaRegistry()
    /// Whether `fix` also applies semantics-changing fixes of generic rules
    /// (a profile's own transformations are always applied).
    public var appliesUnsafeFixes = false

    public init() {}
}

/// A JSON Schema linter: hygiene rules for every schema, and
/// provider-compatibility rules under a ``ProviderProfile``.
///
/// ```swift
/// var options = LintOptions()
/// options.profile = ProviderProfile.builtIn["openai-strict"]
/// let linter = Linter(options: options)
/// for finding in try linter.lint(schema, uri: "file:///schema.json") { print(finding.ruleID, finding.pointer) }
/// let fixed = try linter.fix(schema, uri: "file:///schema.json")   // fixed.value, fixed.applied, fixed.remaining
/// ```
public struct Linter: Sendable {
    /// The options.
    public let options: LintOptions

    public init(options: LintOptions = LintOptions()) {
        self.options = options
    }

    /// Every rule, whether or not enabled.
    public static var rules: [RuleDescriptor] { RuleCatalog.rules.map(\.descriptor) }

    /// The ids of rules that run with these options.
    public var enabledRuleIDs: [String] { enabledRules.map(\.descriptor.id) }

    private var enabledRules: [any LintRule] {
        RuleCatalog.rules.filter { rule in
            let id = rule.descriptor.id
            if rule.descriptor.needsProfile, options.profile == nil { return false }
            if options.profile?.disabledRules.contains(id) == true { return false }
            if let only = options.only, !only.contains(id) { return false }
            return !options.exclude.contains(id)
        }
    }

    /// Lints one schema document named `uri` (used to resolve relative
    /// references and in messages). Findings come in document order of the
    /// subschemas, document-level rules first.
    public func lint(_ schema: JSONValue, uri: String) throws(LintError) -> [LintDiagnostic] {
        let inspector: SchemaInspector
        do {
            inspector = try SchemaInspector(schema: schema, uri: uri, registry: options.registry, defaultDraft: options.defaultDraft)
        } catch {
            throw LintError(message: "\(error)")
        }
        let context = LintContext(inspector: inspector, profile: options.profile)
        let rules = enabledRules
        var findings: [LintDiagnostic] = []
        for rule in rules { rule.checkDocument(in: context, into: &findings) }
        for node in context.nodes {
            for rule in rules { rule.check(node, in: context, into: &findings) }
        }
        return findings
    }

    /// The result of ``fix(_:uri:)``.
    public struct FixResult: Sendable {
        /// The schema with the fixes applied.
        public var value: JSONValue
        /// The findings that were fixed, with the fix applied.
        public var applied: [LintDiagnostic]
        /// What is left (on `value`), fixable or not.
        public var remaining: [LintDiagnostic]
    }

    /// Applies every fix that these options allow, repeatedly (one fix may
    /// expose another) until none is left, and lints the result.
    public func fix(_ schema: JSONValue, uri: String) throws(LintError) -> FixResult {
        var value = schema
        var applied: [LintDiagnostic] = []
        for _ in 0..<64 {
            let findings = try lint(value, uri: uri)
            var touched = TouchedPointers()
            var progress = false
            for finding in findings {
                guard let fix = finding.fix, allows(fix, of: finding) else { continue }
                let pointers = fix.edits.map(\.pointer)
                if pointers.contains(where: touched.conflicts) {
                    continue  // overlaps an edit of this round: next round, on the new value
                }
                if fix.edits.allSatisfy({ $0.canApply(to: value) }) {
                    // The common case: apply in place (a trial copy would copy
                    // every container on the way down).
                    for edit in fix.edits { _ = edit.apply(to: &value) }
                } else {
                    // Edits that build on each other (a rename, then an edit
                    // below the new name): all or nothing, on a trial copy.
                    var candidate = value
                    guard fix.edits.allSatisfy({ $0.apply(to: &candidate) }) else { continue }
                    value = candidate
                }
                for pointer in pointers { touched.insert(pointer) }
                applied.append(finding)
                progress = true
            }
            if !progress { break }
        }
        return FixResult(value: value, applied: applied, remaining: try lint(value, uri: uri))
    }

    /// The places edited in one round, for telling whether a new edit could
    /// interfere (one inside the other); two appends (`…/-`) to the same
    /// array do not. Each check walks the new pointer's ancestors: O(depth).
    struct TouchedPointers {
        private var edited: Set<JSONPointer> = []
        private var appended: Set<JSONPointer> = []
        /// Every ancestor of an edited place (an edit there would enclose it).
        private var enclosing: Set<JSONPointer> = []

        mutating func insert(_ pointer: JSONPointer) {
            if pointer.tokens.last == "-", let array = pointer.parent {
                appended.insert(array)
                enclosing.insert(array)
                var ancestor = array.parent
                while let current = ancestor, enclosing.insert(current).inserted { ancestor = current.parent }
                return
            }
            edited.insert(pointer)
            var ancestor = pointer.parent
            while let current = ancestor, enclosing.insert(current).inserted { ancestor = current.parent }
        }

        func conflicts(_ pointer: JSONPointer) -> Bool {
            if pointer.tokens.last == "-", let array = pointer.parent {
                // Another append to the same array is fine; an edit of the array or above it is not.
                var ancestor: JSONPointer? = array
                while let current = ancestor {
                    if edited.contains(current) { return true }
                    ancestor = current.parent
                }
                return false
            }
            if edited.contains(pointer) || enclosing.contains(pointer) { return true }
            var ancestor = pointer.parent
            while let current = ancestor {
                if edited.contains(current) || appended.contains(current) && current == pointer.parent { return true }
                ancestor = current.parent
            }
            return false
        }
    }

    private func allows(_ fix: LintFix, of finding: LintDiagnostic) -> Bool {
        if fix.safety == .safe { return true }
        if options.appliesUnsafeFixes { return true }
        // Under a profile, its own transformations are the point of --fix.
        return options.profile != nil && finding.ruleID.hasPrefix("profile-")
    }
}

/// A schema that cannot be linted at all.
public struct LintError: Error, Sendable, CustomStringConvertible {
    /// Why.
    public var message: String
    public var description: String { message }
}
