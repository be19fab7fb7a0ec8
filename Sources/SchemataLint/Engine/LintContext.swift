import SchemataJSON
import SchemataRegex
import SchemataValidator

/// What rules may ask while linting one document: its subschemas, where
/// its references go, compiled subschemas and patterns, the profile.
final class LintContext {
    /// The document as scanned.
    private(set) var inspector: SchemaInspector
    /// Every subschema, in document order.
    let nodes: [SchemaNode]
    /// The provider profile, if linting for one.
    let profile: ProviderProfile?
    /// The draft of the root schema.
    var rootDraft: Draft { nodes.first?.draft ?? .draft2020_12 }
    /// Whether the root declares `$schema`.
    var declaresDialect: Bool { inspector.schema["$schema"] != nil }

    /// One reference keyword and where it goes.
    struct Reference {
        /// The subschema holding it.
        var node: SchemaNode
        /// `$ref`, `$dynamicRef` or `$recursiveRef`.
        var keyword: String
        /// The reference as written.
        var text: String
        /// Where it resolves, or why it does not.
        var resolution: Result<SchemaInspector.Resolution, SchemaRegistryError>
    }

    /// Every reference in the document, resolved once.
    private(set) lazy var references: [Reference] = {
        var result: [Reference] = []
        for node in nodes {
            for keyword in ["$ref", "$dynamicRef", "$recursiveRef"] {
                guard let text = node[keyword]?.stringValue else { continue }
                if keyword == "$dynamicRef", node.draft < .draft2020_12 { continue }
                if keyword == "$recursiveRef", node.draft != .draft2019_09 { continue }
                result.append(Reference(node: node, keyword: keyword, text: text, resolution: inspector.resolve(text, from: node.baseURI)))
            }
        }
        return result
    }()

    /// Local pointers that references resolve to.
    private(set) lazy var referencedPointers: Set<JSONPointer> = {
        var result: Set<JSONPointer> = []
        for reference in references {
            if case .success(.local(let pointer)) = reference.resolution { result.insert(pointer) }
        }
        return result
    }()

    private var validators: [JSONPointer: Validator?] = [:]
    private var regexes: [String: Result<ECMARegex, RegexSyntaxError>] = [:]

    init(inspector: SchemaInspector, profile: ProviderProfile?) {
        self.inspector = inspector
        self.profile = profile
        nodes = inspector.subschemas.map { subschema in
            SchemaNode(
                pointer: subschema.pointer, object: subschema.value.objectValue ?? JSONObject(),
                isBoolean: subschema.value.kind == .boolean, draft: subschema.draft, baseURI: subschema.baseURI)
        }
    }

    /// The compiled subschema at `pointer`, or `nil` when it cannot be
    /// compiled (another rule reports why).
    func validator(at pointer: JSONPointer) -> Validator? {
        if let cached = validators[pointer] { return cached }
        let compiled = try? inspector.validator(forSubschemaAt: pointer).get()
        validators[pointer] = compiled
        return compiled
    }

    /// The compiled pattern, or its syntax error.
    func regex(_ pattern: String) -> Result<ECMARegex, RegexSyntaxError> {
        if let cached = regexes[pattern] { return cached }
        let result: Result<ECMARegex, RegexSyntaxError>
        do {
            result = .success(try ECMARegex(pattern))
        } catch {
            result = .failure(error)
        }
        regexes[pattern] = result
        return result
    }

    /// Whether some reference resolves to `pointer` or inside it.
    func isReferenced(within pointer: JSONPointer) -> Bool {
        referencedPointers.contains { pointer.isPrefix(of: $0) }
    }

    /// The value at a pointer of the document.
    func value(at pointer: JSONPointer) -> JSONValue? {
        inspector.schema[pointer: pointer]
    }
}
