import SchemataJSON
import SchemataRegex

/// Compiles the keywords of one schema object, per its draft and
/// vocabularies.
struct KeywordBuilder {
    /// The compiler, borrowed for the duration of one node's compilation
    /// (a pointer, so that its tables are not copied per node).
    let compiler: UnsafeMutablePointer<Compiler>
    let schema: SchemaMembers
    /// Where the schema is, when the scan did not number it (otherwise
    /// `nil`: see ``location``).
    let explicitLocation: SchemaLocation?
    let context: SchemaContext
    /// The instructions of this schema's dynamic references.
    var dynamicSites: [(pc: Int, name: String, recursive: Bool)] = []

    init(compiler: UnsafeMutablePointer<Compiler>, schema: JSONObject, location: SchemaLocation?, context: SchemaContext) {
        self.compiler = compiler
        self.schema = SchemaMembers(schema)
        self.explicitLocation = location
        self.context = context
    }

    var draft: Draft { context.draft }

    /// Where the schema is, spelled out (only problems and subschemas the
    /// scan did not number need it).
    var location: SchemaLocation {
        explicitLocation ?? compiler.pointee.registry.scanned.location(of: Int(context.ordinal))
    }

    func has(_ vocabulary: VocabularySet) -> Bool {
        draft < .draft2019_09 || context.vocabularies.contains(vocabulary)
    }

    /// Lowers a keyword to its instruction at once (the compiler's
    /// program holds this node's instructions, in the order added).
    @discardableResult
    mutating func add(_ keyword: Keyword, _ name: String) -> Int {
        compiler.pointee.flat.lower(keyword, name)
    }

    mutating func problem(_ keyword: String, _ message: String) {
        compiler.pointee.problem("\(keyword): \(message)", at: SchemaLocation(document: location.document, pointer: location.pointer.appending(keyword)))
    }

    /// The node for `value`, the subschema at `first` (then `second`, if
    /// given) below this schema. A scanned schema finds its scanned
    /// subschema by its own number, with no pointer built or hashed.
    mutating func subschema(_ value: JSONValue, at first: String, _ second: String? = nil) -> Int {
        if context.ordinal >= 0,
            let child = compiler.pointee.registry.scanned.ordinal(below: Int(context.ordinal), first, second)
        {
            return compiler.pointee.node(scanned: child, value: value)
        }
        var pointer = location.pointer.appending(first)
        if let second { pointer = pointer.appending(second) }
        return compiler.pointee.node(for: SchemaLocation(document: location.document, pointer: pointer), value: value)
    }

    /// Whether `value` can be a schema; reports it under `keyword` (built
    /// only for the report) when it cannot.
    mutating func isSchema(_ value: JSONValue, _ keyword: @autoclosure () -> String) -> Bool {
        switch value {
        case .object, .bool:
            // Draft 4 has no boolean schemas, but its additionalItems and
            // additionalProperties take booleans with the same meaning.
            return true
        default:
            problem(keyword(), "must be a schema (an object or a boolean)")
            return false
        }
    }

    /// Inlined where it is called with a literal keyword, like the
    /// other probes (see ``SchemaMembers``).
    @inline(__always)
    mutating func nonNegativeInteger(_ keyword: String) -> Int? {
        guard let value = schema[keyword] else { return nil }
        guard let number = value.numberValue, number.isInteger, !number.isNegative else {
            problem(keyword, "must be a non-negative integer")
            return nil
        }
        return Int(clamping: number.int64Value ?? Int64.max)
    }

    @inline(__always)
    mutating func number(_ keyword: String) -> JSONNumber? {
        guard let value = schema[keyword] else { return nil }
        guard let number = value.numberValue else {
            problem(keyword, "must be a number")
            return nil
        }
        return number
    }

    mutating func regex(_ pattern: String, _ keyword: String) -> ECMARegex? {
        // A schema repeats its patterns (FHIR: 16 patterns in ~400 places): compile each once.
        if let compiled = compiler.pointee.regexCache[ExactText(pattern)] { return compiled }
        do {
            let compiled = try ECMARegex.shared(pattern)
            compiler.pointee.regexCache[ExactText(pattern)] = compiled
            return compiled
        } catch {
            problem(keyword, "invalid regular expression \(JSONSerializer.quoted(pattern)): \(error.message)")
            return nil
        }
    }

    mutating func reference(_ text: String) -> SchemaLocation? {
        // The same `$ref` text in the same resource means the same target:
        // skip parsing and resolving it again (FHIR has ~10,000 of them).
        reference(text, written: Compiler.WrittenReference(resource: context.resource, text: ExactText(text)))
    }

    private mutating func reference(_ text: String, written: Compiler.WrittenReference) -> SchemaLocation? {
        if let known = compiler.pointee.writtenReferences[written] { return known }
        let location = resolveReference(text)
        if let location { compiler.pointee.writtenReferences[written] = location }
        return location
    }

    /// The compiled node a `$ref` names: one table lookup for text already
    /// seen in this resource.
    mutating func referenceNode(_ text: String) -> Int? {
        let written = Compiler.WrittenReference(resource: context.resource, text: ExactText(text))
        if let known = compiler.pointee.writtenReferenceNodes[written] { return known }
        guard let target = reference(text, written: written) else { return nil }
        let node = compiler.pointee.node(for: target)
        compiler.pointee.writtenReferenceNodes[written] = node
        return node
    }

    mutating func resolveReference(_ text: String) -> SchemaLocation? {
        if let local = localPointerTarget(text) { return local }
        let target = URIReference(text).resolved(against: compiler.pointee.registry.baseURI(of: context))
        let key = target.description
        if let cached = compiler.pointee.referenceCache[ExactText(key)] { return cached }
        do {
            let location = try compiler.pointee.registry.locate(target)
            compiler.pointee.referenceCache[ExactText(key)] = location
            return location
        } catch {
            problem("$ref", error.message)
            return nil
        }
    }

    /// The target of a `$ref` that is a JSON Pointer fragment into this
    /// schema's own resource (`#/definitions/x`, the commonest kind), found
    /// without parsing and resolving a URI; `nil` for anything else, or when
    /// the pointer does not resolve (the general path then reports why).
    func localPointerTarget(_ text: String) -> SchemaLocation? {
        guard text.utf8.count >= 2, text.utf8.starts(with: "#/".utf8),
            let pointer = try? JSONPointer(uriFragment: text)
        else { return nil }
        let root = compiler.pointee.registry.resources[context.resource].location
        let target = SchemaLocation(document: root.document, pointer: JSONPointer(tokens: root.pointer.tokens + pointer.tokens))
        return compiler.pointee.registry.value(at: target) == nil ? nil : target
    }

    // MARK: Build

    mutating func build() {
        if let ref = schema["$ref"] {
            if let text = ref.stringValue {
                if let target = referenceNode(text) { add(.ref(target), "$ref") }
            } else {
                problem("$ref", "must be a string")
            }
            // Drafts 4–7: keywords beside $ref are ignored.
            if draft.refOverridesSiblings { return }
        }
        if has(.core) { buildCore() }
        if has(.applicator) { buildApplicators() }
        if has(.validation) { buildValidation() }
        if has(.formatAnnotation) || has(.formatAssertion) { buildFormat() }
        buildContent()
        // Last: they depend on the annotations of every sibling.
        if has(.unevaluated) { buildUnevaluated() }
    }

    mutating func buildCore() {
        if draft == .draft2020_12, let ref = schema["$dynamicRef"]?.stringValue, let target = reference(ref) {
            // Dynamic only when the static target itself declares the same
            // $dynamicAnchor ("bookending").
            let uri = URIReference(ref)
            let name = uri.fragment ?? ""
            let isAnchorName = !name.isEmpty && !name.hasPrefix("/")
            let declared = compiler.pointee.registry.value(at: target)?["$dynamicAnchor"]?.stringValue
            let isDynamic = isAnchorName && declared == name
            let node = compiler.pointee.node(for: target)
            let pc = add(.dynamicRef(target: node, candidates: [:], isDynamic: isDynamic), "$dynamicRef")
            if isDynamic { dynamicSites.append((pc, name, false)) }
        }
        if draft == .draft2019_09, let ref = schema["$recursiveRef"]?.stringValue, let target = reference(ref) {
            let resource = compiler.pointee.registry.context(at: target)?.resource
            let isDynamic = resource.map { compiler.pointee.registry.resources[$0].recursiveAnchor } ?? false
            let node = compiler.pointee.node(for: target)
            let pc = add(.recursiveRef(target: node, candidates: [:], isDynamic: isDynamic), "$recursiveRef")
            if isDynamic { dynamicSites.append((pc, "", true)) }
        }
    }

    mutating func buildApplicators() {
        // Probed with literal names (their summary bits are constants).
        if let value = schema["allOf"], let nodes = schemaList(value, "allOf") { add(.allOf(nodes), "allOf") }
        if let value = schema["anyOf"], let nodes = schemaList(value, "anyOf") { add(.anyOf(nodes), "anyOf") }
        if let value = schema["oneOf"], let nodes = schemaList(value, "oneOf") { add(.oneOf(nodes), "oneOf") }
        if let value = schema["not"], isSchema(value, "not") { add(.not(subschema(value, at: "not")), "not") }
        if draft >= .draft7, let condition = schema["if"], isSchema(condition, "if") {
            let then = schema["then"].flatMap { isSchema($0, "then") ? subschema($0, at: "then") : nil }
            let otherwise = schema["else"].flatMap { isSchema($0, "else") ? subschema($0, at: "else") : nil }
            add(.conditional(condition: subschema(condition, at: "if"), then: then, otherwise: otherwise), "if")
        }
        buildArrayApplicators()
        buildObjectApplicators()
    }

    /// The nodes of an `allOf` / `anyOf` / `oneOf` array, or `nil` (with
    /// a problem reported) when it is not a non-empty array.
    mutating func schemaList(_ value: JSONValue, _ name: String) -> [Int]? {
        guard case .array(let elements) = value, !elements.isEmpty else {
            problem(name, "must be a non-empty array of schemas")
            return nil
        }
        var nodes: [Int] = []
        nodes.reserveCapacity(elements.count)
        for (index, element) in elements.enumerated() where isSchema(element, "\(name)/\(index)") {
            nodes.append(subschema(element, at: name, String(index)))
        }
        return nodes
    }

    mutating func buildArrayApplicators() {
        var prefixCount = 0
        if draft >= .draft2020_12 {
            if let value = schema["prefixItems"] {
                if case .array(let elements) = value, !elements.isEmpty {
                    var nodes: [Int] = []
                    for (index, element) in elements.enumerated() where isSchema(element, "prefixItems/\(index)") {
                        nodes.append(subschema(element, at: "prefixItems", String(index)))
                    }
                    prefixCount = nodes.count
                    add(.prefixItems(nodes), "prefixItems")
                } else {
                    problem("prefixItems", "must be a non-empty array of schemas")
                }
            }
            if let value = schema["items"], isSchema(value, "items") {
                add(.items(node: subschema(value, at: "items"), start: prefixCount), "items")
            }
        } else if let items = schema["items"] {
            if case .array(let elements) = items {
                var nodes: [Int] = []
                for (index, element) in elements.enumerated() where isSchema(element, "items/\(index)") {
                    nodes.append(subschema(element, at: "items", String(index)))
                }
                add(.prefixItems(nodes), "items")
                if let additional = schema["additionalItems"], isSchema(additional, "additionalItems") {
                    add(.items(node: subschema(additional, at: "additionalItems"), start: nodes.count), "additionalItems")
                }
            } else if isSchema(items, "items") {
                add(.items(node: subschema(items, at: "items"), start: 0), "items")
            }
        }
        if draft >= .draft6, let value = schema["contains"], isSchema(value, "contains") {
            var minimum = 1
            var maximum: Int?
            if draft >= .draft2019_09 && has(.validation) {
                minimum = nonNegativeInteger("minContains") ?? 1
                maximum = nonNegativeInteger("maxContains")
            }
            add(.contains(node: subschema(value, at: "contains"), minimum: minimum, maximum: maximum), "contains")
        }
    }

    mutating func buildObjectApplicators() {
        var known: [String] = []
        var patterns: [ECMARegex] = []
        if let value = schema["properties"] {
            if case .object(let members) = value {
                var list: [(name: String, node: Int)] = []
                list.reserveCapacity(members.count)
                for (name, element) in members where isSchema(element, "properties/\(name)") {
                    list.append((name, subschema(element, at: "properties", name)))
                }
                known = list.map(\.name)
                add(.properties(list), "properties")
            } else {
                problem("properties", "must be an object of schemas")
            }
        }
        if let value = schema["patternProperties"] {
            if case .object(let members) = value {
                var list: [(regex: ECMARegex, node: Int)] = []
                for (pattern, element) in members where isSchema(element, "patternProperties/\(pattern)") {
                    if let compiled = regex(pattern, "patternProperties") {
                        list.append((compiled, subschema(element, at: "patternProperties", pattern)))
                        patterns.append(compiled)
                    }
                }
                add(.patternProperties(list), "patternProperties")
            } else {
                problem("patternProperties", "must be an object of schemas")
            }
        }
        if let value = schema["additionalProperties"], isSchema(value, "additionalProperties") {
            add(.additionalProperties(node: subschema(value, at: "additionalProperties"), known: known, patterns: patterns), "additionalProperties")
        }
        if draft >= .draft6, let value = schema["propertyNames"], isSchema(value, "propertyNames") {
            add(.propertyNames(subschema(value, at: "propertyNames")), "propertyNames")
        }
        if draft >= .draft2019_09, let value = schema["dependentSchemas"] {
            if case .object(let members) = value {
                var list: [(name: String, node: Int)] = []
                for (name, element) in members where isSchema(element, "dependentSchemas/\(name)") {
                    list.append((name, subschema(element, at: "dependentSchemas", name)))
                }
                add(.dependentSchemas(list), "dependentSchemas")
            } else {
                problem("dependentSchemas", "must be an object of schemas")
            }
        }
        if let value = schema["dependencies"], case .object(let members) = value {
            var schemas: [(name: String, node: Int)] = []
            var required: [(name: String, required: [String])] = []
            for (name, element) in members {
                if case .array(let names) = element {
                    required.append((name, names.compactMap(\.stringValue)))
                } else if isSchema(element, "dependencies/\(name)") {
                    schemas.append((name, subschema(element, at: "dependencies", name)))
                }
            }
            if !schemas.isEmpty { add(.dependentSchemas(schemas), "dependencies") }
            if !required.isEmpty { add(.dependentRequired(required), "dependencies") }
        }
    }

    mutating func buildUnevaluated() {
        guard draft >= .draft2019_09 else { return }
        if let value = schema["unevaluatedItems"], isSchema(value, "unevaluatedItems") {
            add(.unevaluatedItems(subschema(value, at: "unevaluatedItems")), "unevaluatedItems")
        }
        if let value = schema["unevaluatedProperties"], isSchema(value, "unevaluatedProperties") {
            add(.unevaluatedProperties(subschema(value, at: "unevaluatedProperties")), "unevaluatedProperties")
        }
    }

    mutating func buildValidation() {
        if let value = schema["type"] {
            var set: JSONTypeSet = []
            switch value {
            case .string(let text):
                // The common form: no array of one name.
                if let type = JSONTypeSet(name: text) { set = type } else { problem("type", "unknown type \(value)") }
            case .array(let names):
                for name in names {
                    if let text = name.stringValue, let type = JSONTypeSet(name: text) {
                        set.insert(type)
                    } else {
                        problem("type", "unknown type \(name)")
                    }
                }
            default:
                problem("type", "must be a type name or an array of type names")
            }
            add(.type(set, literalIntegers: draft == .draft4), "type")
        }
        if let value = schema["enum"] {
            if case .array(let elements) = value { add(.enumeration(elements), "enum") } else { problem("enum", "must be an array") }
        }
        if draft >= .draft6, let value = schema["const"] { add(.const(value), "const") }
        if let value = number("multipleOf") {
            if value.isNegative || value.isZero { problem("multipleOf", "must be greater than 0") } else { add(.multipleOf(value), "multipleOf") }
        }
        if draft == .draft4 {
            if let maximum = number("maximum") {
                add(schema["exclusiveMaximum"] == .bool(true) ? .exclusiveMaximum(maximum) : .maximum(maximum), "maximum")
            }
            if let minimum = number("minimum") {
                add(schema["exclusiveMinimum"] == .bool(true) ? .exclusiveMinimum(minimum) : .minimum(minimum), "minimum")
            }
        } else {
            if let value = number("maximum") { add(.maximum(value), "maximum") }
            if let value = number("minimum") { add(.minimum(value), "minimum") }
            if let value = number("exclusiveMaximum") { add(.exclusiveMaximum(value), "exclusiveMaximum") }
            if let value = number("exclusiveMinimum") { add(.exclusiveMinimum(value), "exclusiveMinimum") }
        }
        if let value = nonNegativeInteger("maxLength") { add(.maxLength(value), "maxLength") }
        if let value = nonNegativeInteger("minLength") { add(.minLength(value), "minLength") }
        if let value = schema["pattern"] {
            if let text = value.stringValue {
                if let compiled = regex(text, "pattern") { add(.pattern(compiled), "pattern") }
            } else {
                problem("pattern", "must be a string")
            }
        }
        if let value = nonNegativeInteger("maxItems") { add(.maxItems(value), "maxItems") }
        if let value = nonNegativeInteger("minItems") { add(.minItems(value), "minItems") }
        if schema["uniqueItems"] == .bool(true) { add(.uniqueItems, "uniqueItems") }
        if let value = nonNegativeInteger("maxProperties") { add(.maxProperties(value), "maxProperties") }
        if let value = nonNegativeInteger("minProperties") { add(.minProperties(value), "minProperties") }
        if let value = schema["required"] {
            if case .array(let names) = value, names.allSatisfy({ $0.stringValue != nil }) {
                add(.required(names.compactMap(\.stringValue)), "required")
            } else if draft >= .draft4 {
                problem("required", "must be an array of strings")
            }
        }
        if draft >= .draft2019_09, let value = schema["dependentRequired"] {
            if case .object(let members) = value {
                add(.dependentRequired(members.map { ($0.key, $0.value.arrayValue?.compactMap(\.stringValue) ?? []) }), "dependentRequired")
            } else {
                problem("dependentRequired", "must be an object of string arrays")
            }
        }
    }

    /// Draft 7 asserts content encoding and media type (later drafts make
    /// them annotations).
    mutating func buildContent() {
        guard draft == .draft7 else { return }
        let encoding = schema["contentEncoding"]?.stringValue
        let mediaType = schema["contentMediaType"]?.stringValue
        if encoding == "base64" || mediaType == "application/json" {
            add(.content(encoding: encoding, mediaType: mediaType), mediaType != nil ? "contentMediaType" : "contentEncoding")
        }
    }

    mutating func buildFormat() {
        guard let name = schema["format"]?.stringValue else { return }
        let asserts = compiler.pointee.options.formatAssertion || (draft >= .draft2019_09 && context.vocabularies.contains(.formatAssertion))
        guard asserts, let check = FormatChecker.check(named: name, draft: draft) else { return }
        add(.format(name, check), "format")
    }
}
