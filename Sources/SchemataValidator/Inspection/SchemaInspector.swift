import SchemataJSON

/// A read-only view of one schema document for tools that reason about
/// schemas rather than validate instances (the linter): every subschema in
/// document order with the draft and base URI in force there, `$ref`
/// resolution, the meta-schema check as a list, and validators for single
/// subschemas.
package struct SchemaInspector: Sendable {
    /// One subschema of the document.
    package struct Subschema: Sendable {
        /// Where it is in the document.
        package var pointer: JSONPointer
        /// Its value (an object or a boolean).
        package var value: JSONValue
        /// The draft its keywords follow.
        package var draft: Draft
        /// The base URI in force inside it.
        package var baseURI: String
    }

    private(set) var registry: SchemaRegistry
    private let document: Int
    /// The document's retrieval URI.
    package let uri: String
    /// The schema document.
    package let schema: JSONValue
    /// Every subschema, in document order (pre-order).
    package let subschemas: [Subschema]

    /// Scans `schema`, named `uri`, with the documents and directory
    /// mappings of `registry`.
    package init(schema: JSONValue, uri: String, registry: SchemaRegistry, defaultDraft: Draft) throws {
        var registry = registry
        registry.defaultDraft = defaultDraft
        document = try registry.add(schema, uri: uri)
        self.registry = registry
        self.uri = uri
        self.schema = schema
        subschemas = SchemaInspector.walk(schema, document: document, registry: registry)
    }

    /// Pre-order walk through the keywords that hold subschemas, in member
    /// order, following the scanner's contexts (which know the draft of
    /// every embedded resource).
    private static func walk(_ schema: JSONValue, document: Int, registry: SchemaRegistry) -> [Subschema] {
        var result: [Subschema] = []
        var stack: [(JSONValue, [String])] = [(schema, [])]
        while let (value, tokens) = stack.popLast() {
            let pointer = JSONPointer(tokens: tokens)
            guard let context = registry.scanned[SchemaLocation(document: document, pointer: pointer)] else { continue }
            result.append(Subschema(pointer: pointer, value: value, draft: context.draft, baseURI: registry.resources[context.resource].uriString))
            guard case .object(let object) = value else { continue }
            let roles = KeywordCatalog.roles(in: context.draft)
            var children: [(JSONValue, [String])] = []
            for (keyword, member) in object {
                guard let role = roles[keyword] else { continue }
                if role.contains(.single), member.kind == .object || member.kind == .boolean {
                    children.append((member, tokens + [keyword]))
                }
                if role.contains(.array), case .array(let elements) = member {
                    for (index, element) in elements.enumerated() { children.append((element, tokens + [keyword, String(index)])) }
                }
                if role.contains(.map), case .object(let members) = member {
                    for (name, element) in members { children.append((element, tokens + [keyword, name])) }
                }
            }
            stack.append(contentsOf: children.reversed())
        }
        return result
    }

    /// What a reference resolved to.
    package enum Resolution: Sendable, Equatable {
        /// A location in this document.
        case local(JSONPointer)
        /// A location in another document of the registry.
        case external(String)
    }

    /// Resolves a `$ref` value written in the subschema at `pointer`
    /// against its base URI; the error says why it does not resolve.
    package mutating func resolve(_ reference: String, from baseURI: String) -> Result<Resolution, SchemaRegistryError> {
        let target = URIReference(reference).resolved(against: URIReference(baseURI))
        do {
            let location = try registry.locate(target)
            if location.document == document { return .success(.local(location.pointer)) }
            return .success(.external(target.description))
        } catch {
            return .failure(error)
        }
    }

    /// Every way the document breaks its meta-schema (empty when it conforms).
    package func metaSchemaProblems() -> [SchemaCompileError.Problem] {
        let draft = registry.context(at: SchemaLocation(document: document, pointer: .root))?.draft ?? registry.defaultDraft
        var options = ValidatorOptions()
        options.defaultDraft = registry.defaultDraft
        do {
            try Validator.checkAgainstMetaSchema(schema, draft: draft, registry: registry, options: options)
            return []
        } catch {
            return error.problems
        }
    }

    /// A validator for the subschema at `pointer` (with every reference
    /// resolved in context), or the reason it cannot be compiled.
    package func validator(forSubschemaAt pointer: JSONPointer) -> Result<Validator, SchemaCompileError> {
        var options = ValidatorOptions()
        options.validatesSchema = false
        options.defaultDraft = registry.defaultDraft
        let location = SchemaLocation(document: document, pointer: pointer)
        var compiler = Compiler(registry: registry, options: options)
        do {
            let program = try compiler.compile(root: location)
            let draft = registry.context(at: location)?.draft ?? registry.defaultDraft
            return .success(Validator(program: program, options: options, draft: draft))
        } catch {
            return .failure(error)
        }
    }
}
