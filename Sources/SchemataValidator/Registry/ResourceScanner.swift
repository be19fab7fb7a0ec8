import SchemataJSON

/// Walks a schema document through the keywords that hold subschemas,
/// tracking the base URI, and indexes resources and anchors.
struct ResourceScanner {
    var registry: SchemaRegistry
    let document: Int

    init(registry: SchemaRegistry, document: Int) {
        self.registry = registry
        self.document = document
    }

    mutating func scan(_ root: JSONValue, base: URIReference, draft: Draft) {
        // Iterative walk: (value, pointer, base, draft, vocabularies, resource).
        struct Item {
            var value: JSONValue
            var pointer: JSONPointer
            var base: URIReference
            var draft: Draft
            var vocabularies: VocabularySet
            var resource: Int?
        }
        var stack = [Item(value: root, pointer: .root, base: base, draft: draft, vocabularies: .standard, resource: nil)]
        while let item = stack.popLast() {
            var base = item.base
            var draft = item.draft
            var vocabularies = item.vocabularies
            let location = SchemaLocation(document: document, pointer: item.pointer)
            guard case .object(let schema) = item.value else {
                // A boolean schema (or anything else) still gets a context.
                let resource = item.resource ?? registry.register(
                    resource: SchemaResourceInfo(uri: base, location: location, draft: draft))
                registry.setContext(
                    SchemaContext(draft: draft, vocabularies: vocabularies, resource: resource), at: location)
                continue
            }
            if let declared = schema["$schema"]?.stringValue {
                registry.ensureMetaSchemaLoaded(declared)
                if let named = registry.draftDeclared(by: item.value) { draft = named }
                vocabularies = registry.vocabularies(declaredBy: declared) ?? .standard
            }
            var resource = item.resource
            let hasRef = schema["$ref"] != nil
            if let id = schema[draft.idKeyword]?.stringValue, !(hasRef && draft.refOverridesSiblings) {
                let reference = URIReference(id)
                if draft <= .draft7, id.hasPrefix("#") {
                    // "$id": "#name" is a plain-name anchor in drafts 4–7.
                    if let name = reference.fragment, !name.isEmpty {
                        registry.addAnchor(name, in: base, at: location)
                    }
                } else {
                    let resolved = reference.resolved(against: base)
                    if let fragment = resolved.fragment, !fragment.isEmpty, draft <= .draft7 {
                        registry.addAnchor(fragment, in: resolved.withoutFragment, at: location)
                    }
                    base = resolved.withoutFragment
                    resource = registry.register(resource: SchemaResourceInfo(uri: base, location: location, draft: draft))
                }
            }
            let resourceNumber = resource ?? registry.register(
                resource: SchemaResourceInfo(uri: base, location: location, draft: draft))
            registry.setContext(
                SchemaContext(draft: draft, vocabularies: vocabularies, resource: resourceNumber), at: location)
            if draft >= .draft2019_09, let anchor = schema["$anchor"]?.stringValue {
                registry.addAnchor(anchor, in: base, at: location)
            }
            if draft >= .draft2020_12, let anchor = schema["$dynamicAnchor"]?.stringValue {
                registry.addAnchor(anchor, in: base, at: location)
                registry.addDynamicAnchor(anchor, resource: resourceNumber, at: location)
            }
            if draft == .draft2019_09, schema["$recursiveAnchor"] == .bool(true) {
                registry.setRecursiveAnchor(resource: resourceNumber)
            }
            let roles = KeywordCatalog.roles(in: draft)
            for (keyword, value) in schema {
                guard let role = roles[keyword] else { continue }
                if role.contains(.single), value.kind == .object || value.kind == .boolean {
                    stack.append(Item(value: value, pointer: item.pointer.appending(keyword), base: base, draft: draft, vocabularies: vocabularies, resource: resourceNumber))
                }
                if role.contains(.array), case .array(let elements) = value {
                    let keywordPointer = item.pointer.appending(keyword)
                    for (index, element) in elements.enumerated() {
                        stack.append(Item(value: element, pointer: keywordPointer.appending(index: index), base: base, draft: draft, vocabularies: vocabularies, resource: resourceNumber))
                    }
                }
                if role.contains(.map), case .object(let members) = value {
                    let keywordPointer = item.pointer.appending(keyword)
                    for (name, element) in members where element.kind == .object || element.kind == .boolean {
                        stack.append(Item(value: element, pointer: keywordPointer.appending(name), base: base, draft: draft, vocabularies: vocabularies, resource: resourceNumber))
                    }
                }
            }
        }
    }

}
