import SchemataJSON
import SchemataRegex
import Synchronization

/// A compiled JSON Schema: compile once, validate many instances, from any
/// number of threads.
///
/// ```swift
/// let validator = try Validator(schema: JSONValue(parsing: schemaText))
/// validator.isValid(try JSONParser().parseDocument(instanceBytes))   // fast path
/// let result = validator.validate(document)                           // with errors
/// for error in result.errors { print(error) }   // expected integer, got string "42" at /age
/// ```
public struct Validator: Sendable {
    let box: ProgramBox
    var program: FlatProgram { box.program }
    /// The options it was compiled with.
    public let options: ValidatorOptions
    /// The draft of the root schema.
    public let draft: Draft

    /// The schema's patterns that are not regular (backreferences,
    /// lookaround) and so run on the budgeted backtracking matcher instead of
    /// the linear-time one. A pattern whose budget runs out fails the
    /// instance with an error naming the pattern.
    public var backtrackingPatterns: [String] {
        var seen: Set<String> = []
        return program.regexes.filter { $0.usesBacktracking && seen.insert($0.source).inserted }.map(\.source)
    }

    /// Compiles `schema`. `registry` supplies other documents that `$ref`
    /// may name; `uri` is the schema's retrieval URI (for relative `$ref`s
    /// when it has no `$id`).
    public init(
        schema: JSONValue, registry: SchemaRegistry = SchemaRegistry(), options: ValidatorOptions = ValidatorOptions(),
        uri: String? = nil
    ) throws(SchemaCompileError) {
        var registry = registry
        registry.defaultDraft = options.defaultDraft
        let document: Int
        do {
            document = try registry.add(schema, uri: uri)
        } catch {
            throw SchemaCompileError(problems: [.init(location: uri ?? "", pointer: .root, message: "\(error)")])
        }
        let root = SchemaLocation(document: document, pointer: .root)
        let draft = registry.context(at: root)?.draft ?? options.defaultDraft
        if options.validatesSchema {
            try Validator.checkAgainstMetaSchema(schema, draft: draft, registry: registry, options: options)
        }
        var compiler = Compiler(registry: consume registry, options: options)
        self.box = ProgramBox(try compiler.compile(root: root))
        self.options = options
        self.draft = draft
    }

    /// Checks a schema against its meta-schema (custom meta-schemas
    /// included), reporting every violation with its location.
    package static func checkAgainstMetaSchema(
        _ schema: JSONValue, draft: Draft, registry: SchemaRegistry, options: ValidatorOptions
    ) throws(SchemaCompileError) {
        var metaURI = draft.metaSchemaURI
        var custom = false
        if let declared = schema["$schema"]?.stringValue, Draft(metaSchemaURI: declared) == nil {
            metaURI = declared
            custom = true
        }
        // Most schemas visibly conform: settle those without the tape and
        // the compiled meta-schema (the full check still runs, and reports,
        // whenever the shortcut is not certain).
        if !custom, MetaSchemaShortcut.certainlyConforms(schema, to: draft) { return }
        let meta: Validator
        if !custom, let cached = MetaValidators.cached(draft) {
            meta = cached
        } else {
            var metaOptions = ValidatorOptions()
            metaOptions.validatesSchema = false
            var metaRegistry = registry
            guard let location = try? metaRegistry.locate(URIReference(metaURI)) else {
                throw SchemaCompileError(problems: [.init(location: metaURI, pointer: .root, message: "unknown meta-schema \(metaURI)")])
            }
            var compiler = Compiler(registry: metaRegistry, options: metaOptions)
            guard let program = try? compiler.compile(root: location) else { return }
            meta = Validator(program: program, options: metaOptions, draft: draft)
            if !custom { MetaValidators.store(meta, for: draft) }
        }
        let document = JSONDocument(value: schema)
        if meta.isValid(document) { return }
        let result = meta.validate(document)
        if !result.isValid {
            throw SchemaCompileError(problems: result.errors.map {
                .init(location: $0.absoluteKeywordLocation, pointer: $0.instanceLocation, message: "does not conform to its meta-schema: \($0.message)")
            })
        }
    }

    init(program: FlatProgram, options: ValidatorOptions, draft: Draft) {
        self.box = ProgramBox(program)
        self.options = options
        self.draft = draft
    }

    /// Whether the instance is valid (stops at the first failure).
    public func isValid(_ instance: borrowing JSONDocument) -> Bool {
        // One fast path for every boolean verdict: ``isValid(at:)``'s.
        withUnsafePointer(to: instance) { isValid(at: $0) }
    }

    /// Whether each of many instances is valid, in order: the batch form
    /// of ``isValid(_:)-(JSONDocument)``, which reads each document in
    /// place (copying a document out of an array costs reference counting
    /// that, for small instances, rivals validating them).
    public func validity(of instances: [JSONDocument]) -> [Bool] {
        instances.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return [] }
            return (0..<buffer.count).map { index in isValid(at: base + index) }
        }
    }

    /// Whether the document at `pointer` is valid, read in place: for hot
    /// loops over documents in storage of your own (an array's buffer),
    /// where passing a document by value costs reference counting that, for
    /// small instances, rivals validating them. `pointer` must stay valid
    /// for the call.
    public func isValid(at pointer: UnsafePointer<JSONDocument>) -> Bool {
        // The document's own views of its tape and arena: no array touched.
        let tape = pointer.pointee.tape
        guard !tape.isEmpty else { return false }
        guard !box.needsDynamicScope else {
            return Evaluation.with(box, documentAt: pointer, maximumDepth: options.maximumEvaluationDepth, collectsErrors: false) {
                $0.validate(box.root, 0)
            }
        }
        // The commonest call, built in place: no collector, no scope.
        var evaluation = Evaluation(
            program: box, document: pointer, tape: tape, arena: pointer.pointee.arenaBytes,
            maximumDepth: options.maximumEvaluationDepth, collector: nil, dynamicScope: nil)
        // A root of the object-shape form (the commonest schema): its fused
        // check directly, without the node dispatch.
        if box.rootShape >= 0 { return evaluation.isObjectShape(0, box.hot.objectShapes[box.rootShape]) }
        return evaluation.validate(box.root, 0)
    }

    /// Whether the value is valid.
    public func isValid(_ instance: JSONValue) -> Bool {
        isValid(JSONDocument(value: instance))
    }

    /// Validates and collects every error.
    public func validate(_ instance: JSONDocument) -> ValidationResult {
        guard !instance.nodes.isEmpty else { return ValidationResult(isValid: false, errors: [], exceededDepth: false) }
        return Evaluation.with(box, instance, maximumDepth: options.maximumEvaluationDepth, collectsErrors: true) { evaluation in
            let valid = evaluation.validate(box.root, instance.rootIndex)
            return ValidationResult(isValid: valid, errors: valid ? [] : evaluation.errors ?? [], exceededDepth: evaluation.exceededDepth)
        }
    }

    /// Validates and records every keyword evaluated, passing or failing
    /// (for the verbose output format).
    public func validateVerbose(_ instance: JSONDocument) -> (result: ValidationResult, passes: [ValidationError]) {
        guard !instance.nodes.isEmpty else { return (ValidationResult(isValid: false, errors: [], exceededDepth: false), []) }
        return Evaluation.with(box, instance, maximumDepth: options.maximumEvaluationDepth, collectsErrors: true, recordsPasses: true) { evaluation in
            let valid = evaluation.validate(box.root, instance.rootIndex)
            let result = ValidationResult(isValid: valid, errors: valid ? [] : evaluation.errors ?? [], exceededDepth: evaluation.exceededDepth)
            return (result, evaluation.collector?.passes ?? [])
        }
    }

    /// Validates a value and collects every error.
    public func validate(_ instance: JSONValue) -> ValidationResult {
        validate(JSONDocument(value: instance))
    }
}

/// The outcome of validating one instance.
public struct ValidationResult: Sendable {
    /// Whether the instance is valid.
    public var isValid: Bool
    /// Why not (empty when valid).
    public var errors: [ValidationError]
    /// Whether evaluation stopped at ``ValidatorOptions/maximumEvaluationDepth``.
    public var exceededDepth: Bool
}

/// The compiled standard meta-schemas, one per draft, shared process-wide.
enum MetaValidators {
    private static let cache = Mutex<[Draft: Validator]>([:])

    static func cached(_ draft: Draft) -> Validator? {
        cache.withLock { $0[draft] }
    }

    static func store(_ validator: Validator, for draft: Draft) {
        cache.withLock { $0[draft] = validator }
    }
}
