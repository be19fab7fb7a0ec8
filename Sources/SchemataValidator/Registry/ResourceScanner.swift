import SchemataJSON

/// Walks a schema document through the keywords that hold subschemas,
/// tracking the base URI, and indexes resources and anchors.
struct ResourceScanner {
    /// The registry being filled, borrowed for the scan (a pointer, so that
    /// the registry is not copied and its tables not shared while they grow).
    let registry: UnsafeMutablePointer<SchemaRegistry>
    let document: Int

    init(registry: UnsafeMutablePointer<SchemaRegistry>, document: Int) {
        self.registry = registry
        self.document = document
    }

    mutating func scan(_ root: JSONValue, base rootBase: URIReference, draft: Draft) {
        // Iterative walk. An item's base URI is its resource's URI (the root
        // item, with no resource yet, has `rootBase`), so items carry the
        // resource number rather than a copy of the URI.
        struct Item {
            var value: JSONValue
            /// The scanned object it is below (−1: the document root), and
            /// the tokens leading to it from there.
            var parent: Int
            var first: String
            var second: String?
            var draft: Draft
            var vocabularies: VocabularySet
            var resource: Int?
        }
        var stack = [Item(value: root, parent: -1, first: "", second: nil, draft: draft, vocabularies: .standard, resource: nil)]
        while let item = stack.popLast() {
            // Read only where needed (`$id`, anchors, a new resource): most
            // schema objects have none, and copying a URI per object showed.
            var newBase: URIReference?
            var base: URIReference { newBase ?? item.resource.map { registry.pointee.resources[$0].uri } ?? rootBase }
            var draft = item.draft
            var vocabularies = item.vocabularies
            // Spelled out only where one is kept (resources, anchors).
            var location: SchemaLocation { self.location(of: item.parent, item.first, item.second) }
            guard case .object(let schema) = item.value else {
                // A boolean schema (or anything else) still gets a context.
                let resource = item.resource ?? registry.pointee.register(
                    resource: SchemaResourceInfo(uri: base, location: location, draft: draft))
                record(SchemaContext(draft: draft, vocabularies: vocabularies, resource: resource), item.parent, item.first, item.second)
                continue
            }
            let summary = schema.nameSummary
            // Most schema objects have no identifying keyword at all.
            let identifiers = summary & Identifiers.summary == 0 ? Identifiers() : Identifiers(schema, summary: summary)
            if let declared = identifiers.schema {
                registry.pointee.ensureMetaSchemaLoaded(declared)
                if let named = registry.pointee.draftDeclared(by: item.value) { draft = named }
                vocabularies = registry.pointee.vocabularies(declaredBy: declared) ?? .standard
            }
            var resource = item.resource
            let id = draft <= .draft4 ? identifiers.draft4ID : identifiers.id
            if let id, !(identifiers.hasRef && draft.refOverridesSiblings) {
                let reference = URIReference(id)
                if draft <= .draft7, id.hasPrefix("#") {
                    // "$id": "#name" is a plain-name anchor in drafts 4–7.
                    if let name = reference.fragment, !name.isEmpty {
                        registry.pointee.addAnchor(name, in: base, at: location)
                    }
                } else {
                    let resolved = reference.resolved(against: base)
                    if let fragment = resolved.fragment, !fragment.isEmpty, draft <= .draft7 {
                        registry.pointee.addAnchor(fragment, in: resolved.withoutFragment, at: location)
                    }
                    newBase = resolved.withoutFragment
                    resource = registry.pointee.register(resource: SchemaResourceInfo(uri: base, location: location, draft: draft))
                }
            }
            let resourceNumber = resource ?? registry.pointee.register(
                resource: SchemaResourceInfo(uri: base, location: location, draft: draft))
            let ordinal = record(
                SchemaContext(draft: draft, vocabularies: vocabularies, resource: resourceNumber), item.parent, item.first, item.second)
            if draft >= .draft2019_09, let anchor = identifiers.anchor {
                registry.pointee.addAnchor(anchor, in: base, at: location)
            }
            if draft >= .draft2020_12, let anchor = identifiers.dynamicAnchor {
                registry.pointee.addAnchor(anchor, in: base, at: location)
                registry.pointee.addDynamicAnchor(anchor, resource: resourceNumber, at: location)
            }
            if draft == .draft2019_09, identifiers.recursiveAnchor {
                registry.pointee.setRecursiveAnchor(resource: resourceNumber)
            }
            // Objects without any subschema keyword (`{"$ref": …}`, leaves) end here.
            guard summary & KeywordCatalog.subschemaKeywordSummary != 0 else { continue }
            for position in schema.indices {
                // Names first: most members hold no subschema, and their
                // values need not be touched.
                let keyword = schema.key(at: position)
                guard JSONObject.nameSummaryBit(keyword) & KeywordCatalog.subschemaKeywordSummary != 0 else { continue }
                let role = KeywordCatalog.role(of: keyword, in: draft)
                guard !role.isEmpty else { continue }
                let value = schema.value(at: position)
                if role.contains(.single), value.kind == .object || value.kind == .boolean {
                    stack.append(Item(value: value, parent: ordinal, first: keyword, second: nil, draft: draft, vocabularies: vocabularies, resource: resourceNumber))
                }
                if role.contains(.array), case .array(let elements) = value {
                    for (index, element) in elements.enumerated() {
                        stack.append(Item(value: element, parent: ordinal, first: keyword, second: String(index), draft: draft, vocabularies: vocabularies, resource: resourceNumber))
                    }
                }
                if role.contains(.map), case .object(let members) = value {
                    for (name, element) in members where element.kind == .object || element.kind == .boolean {
                        stack.append(Item(value: element, parent: ordinal, first: keyword, second: name, draft: draft, vocabularies: vocabularies, resource: resourceNumber))
                    }
                }
            }
        }
    }

    /// The location of the object `first` (then `second`) below the scanned
    /// object `parent`, or of the document root (`parent` −1).
    func location(of parent: Int, _ first: String, _ second: String?) -> SchemaLocation {
        guard parent >= 0 else { return SchemaLocation(document: document, pointer: .root) }
        var location = registry.pointee.scanned.location(of: parent)
        location.pointer = location.pointer.appending(first)
        if let second { location.pointer = location.pointer.appending(second) }
        return location
    }

    /// Records a scanned object's context; returns its ordinal.
    @discardableResult
    mutating func record(_ context: SchemaContext, _ parent: Int, _ first: String, _ second: String?) -> Int {
        guard parent >= 0 else { return registry.pointee.setContext(context, at: SchemaLocation(document: document, pointer: .root)) }
        return registry.pointee.setContext(context, below: parent, first, second)
    }

    /// The identifying keywords of a schema object. Each is looked up only
    /// when the object's name summary allows it (most objects have none).
    struct Identifiers {
        var schema: String?
        var hasRef = false
        var id: String?
        var draft4ID: String?
        var anchor: String?
        var dynamicAnchor: String?
        var recursiveAnchor = false

        /// The summary bits of the identifying keywords.
        static let summary: UInt64 = ["$schema", "$ref", "$id", "id", "$anchor", "$dynamicAnchor", "$recursiveAnchor"]
            .reduce(0) { $0 | JSONObject.nameSummaryBit($1) }

        /// None of them.
        init() {}

        init(_ object: JSONObject, summary: UInt64) {
            func probe(_ key: String) -> JSONValue? {
                summary & JSONObject.nameSummaryBit(key) != 0 ? object[key] : nil
            }
            schema = probe("$schema")?.stringValue
            hasRef = probe("$ref") != nil
            id = probe("$id")?.stringValue
            draft4ID = probe("id")?.stringValue
            anchor = probe("$anchor")?.stringValue
            dynamicAnchor = probe("$dynamicAnchor")?.stringValue
            recursiveAnchor = probe("$recursiveAnchor") == .bool(true)
        }
    }
}
