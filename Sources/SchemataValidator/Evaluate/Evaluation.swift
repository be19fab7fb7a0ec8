import SchemataJSON

/// One validation of one instance against a ``Program``.
///
/// The fast path (no error collection) stops at the first failure and
/// allocates nothing per node unless `unevaluated*` needs annotations. With
/// error collection on, every keyword runs and failures are recorded with
/// their instance and keyword locations.
struct Evaluation {
    let program: Program
    let document: JSONDocument
    let maximumDepth: Int
    /// Resource numbers of the dynamic scope, outermost first.
    var scope: [Int] = []
    var depth = 0
    /// Set when the evaluation went deeper than `maximumDepth`.
    var exceededDepth = false
    /// Where errors go, or `nil` on the fast path. A reference, so that
    /// recording an error does not need exclusive access to the evaluation
    /// (messages are built lazily from its state).
    let collector: ErrorCollector?
    var instancePath: [String] = []
    var keywordPath: [String] = []

    init(program: Program, document: JSONDocument, maximumDepth: Int, collectsErrors: Bool, recordsPasses: Bool = false) {
        self.program = program
        self.document = document
        self.maximumDepth = maximumDepth
        self.collector = collectsErrors ? ErrorCollector(recordsPasses: recordsPasses) : nil
    }

    var collecting: Bool { collector != nil }

    /// The errors recorded so far (`nil` on the fast path). Setting it
    /// replaces them (used to discard a failed branch's errors).
    var errors: [ValidationError]? {
        get { collector?.errors }
        nonmutating set { if let newValue { collector?.errors = newValue } }
    }

    // MARK: Nodes

    /// Whether `instance` (a tape index) is valid against `node`; adds what
    /// it evaluated to `annotations` when that is non-nil.
    mutating func validate(_ node: Int, _ instance: Int, _ annotations: inout Annotations?) -> Bool {
        if depth >= maximumDepth {
            exceededDepth = true
            fail(node, "", instance, "evaluation deeper than \(maximumDepth) levels (a deeply nested instance against a recursive schema)")
            return false
        }
        depth += 1
        defer { depth -= 1 }
        let compiled = program.nodes[node]
        let pushed = scope.last != compiled.resource
        if pushed { scope.append(compiled.resource) }
        defer { if pushed { scope.removeLast() } }

        var local: Annotations? = (annotations != nil || compiled.hasUnevaluated) ? Annotations() : nil
        var valid = true
        for index in compiled.keywords.indices {
            let entry = program.nodes[node].keywords[index]
            if collecting { keywordPath.append(entry.name) }
            let ok = check(entry, node: node, instance, &local)
            if let collector, collector.recordsPasses, ok { pass(node, entry.name) }
            if collecting { keywordPath.removeLast() }
            if !ok {
                valid = false
                if !collecting { break }
            }
        }
        if valid, annotations != nil, let local { annotations!.merge(local) }
        return valid
    }

    /// Validates with a throw-away annotation slot.
    mutating func validate(_ node: Int, _ instance: Int) -> Bool {
        var none: Annotations? = nil
        return validate(node, instance, &none)
    }

    /// Validates a child instance (an element or member value).
    mutating func validateChild(_ node: Int, _ instance: Int, token: String, keywordTokens: [String] = []) -> Bool {
        if collecting {
            instancePath.append(token)
            keywordPath.append(contentsOf: keywordTokens)
        }
        let ok = validate(node, instance)
        if collecting {
            instancePath.removeLast()
            keywordPath.removeLast(keywordTokens.count)
        }
        return ok
    }

    /// Validates the same instance against a subschema reached through
    /// extra keyword tokens (e.g. the index of an `allOf` branch).
    mutating func validateInPlace(_ node: Int, _ instance: Int, _ annotations: inout Annotations?, keywordTokens: [String]) -> Bool {
        if collecting { keywordPath.append(contentsOf: keywordTokens) }
        let ok = validate(node, instance, &annotations)
        if collecting { keywordPath.removeLast(keywordTokens.count) }
        return ok
    }

    /// Records that the current keyword passed (verbose output only).
    func pass(_ node: Int, _ keyword: String) {
        guard let collector else { return }
        collector.passes.append(
            ValidationError(
                instanceLocation: JSONPointer(tokens: instancePath), keywordLocation: JSONPointer(tokens: keywordPath),
                absoluteKeywordLocation: program.nodes[node].location + "/" + JSONPointer.escape(keyword), message: ""))
    }

    /// Records a failure of the current keyword.
    func fail(_ node: Int, _ keyword: String, _ instance: Int, _ message: @autoclosure () -> String) {
        guard let collector else { return }
        var absolute = program.nodes[node].location
        if !keyword.isEmpty {
            absolute += (absolute.hasSuffix("#") ? "/" : "/") + JSONPointer.escape(keyword)
        }
        collector.errors.append(
            ValidationError(
                instanceLocation: JSONPointer(tokens: instancePath), keywordLocation: JSONPointer(tokens: keywordPath),
                absoluteKeywordLocation: absolute, message: message()))
    }
}

/// Collected validation errors (a reference shared by one evaluation).
final class ErrorCollector {
    var errors: [ValidationError] = []
    /// Keywords that passed (for the verbose output format).
    var passes: [ValidationError] = []
    let recordsPasses: Bool

    init(recordsPasses: Bool) {
        self.recordsPasses = recordsPasses
    }
}
