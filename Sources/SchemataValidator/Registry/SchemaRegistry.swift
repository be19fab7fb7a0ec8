import SchemataJSON

/// Where a schema (or any JSON value a `$ref` may point at) lives: a
/// document of the registry and a JSON Pointer into it.
struct SchemaLocation: Hashable, Sendable {
    var document: Int
    var pointer: JSONPointer
}

/// What the scanner learned about one schema object.
///
/// Plain data (no references), so that the compiler's many lookups copy it
/// without reference counting. The base URI in effect inside the schema is
/// its resource's URI: ``SchemaRegistry/baseURI(of:)``.
struct SchemaContext: Sendable {
    /// The draft its keywords follow.
    var draft: Draft
    /// Vocabularies in force.
    var vocabularies: VocabularySet
    /// The schema resource it belongs to.
    var resource: Int
    /// Its number among the scanned schema objects (dense, from 0; set by
    /// the registry), so that a compiler can keep per-schema tables in
    /// arrays rather than location-keyed dictionaries.
    var ordinal: Int32 = -1
}

/// One schema resource: a schema with its own base URI.
struct SchemaResourceInfo: Sendable {
    var uri: URIReference {
        didSet { uriString = SchemaResourceInfo.text(uri) }
    }
    /// `uri` as text, without an empty fragment.
    private(set) var uriString: String

    /// Where the resource starts, for absolute locations inside it.
    var origin: ResourceOrigin { ResourceOrigin(uri: uriString, location: location) }
    var location: SchemaLocation
    var draft: Draft
    /// `$dynamicAnchor` names declared in this resource → their locations.
    var dynamicAnchors: [String: SchemaLocation] = [:]
    /// Whether the resource root has `"$recursiveAnchor": true` (2019-09).
    var recursiveAnchor = false

    init(uri: URIReference, location: SchemaLocation, draft: Draft) {
        self.uri = uri
        self.uriString = SchemaResourceInfo.text(uri)
        self.location = location
        self.draft = draft
    }

    static func text(_ uri: URIReference) -> String {
        var text = uri.withoutFragment.description
        if text.hasSuffix("#") { text.removeLast() }
        return text
    }
}

/// A failure to build or use the registry.
public struct SchemaRegistryError: Error, Sendable, CustomStringConvertible {
    /// What went wrong.
    public var message: String
    public var description: String { message }
}

/// Schema documents by URI.
///
/// Documents are scanned once when added: every `$id`, `$anchor`,
/// `$dynamicAnchor` and `$recursiveAnchor` in real schema positions is
/// indexed, so `$ref` resolution is a dictionary lookup. URI prefixes can be
/// mapped to local directories, whose files are loaded on first use. Nothing
/// is ever fetched over the network.
public struct SchemaRegistry: Sendable {
    private(set) var documents: [JSONValue] = []
    /// Resource URI (no fragment) → resource number.
    private(set) var resourceIndex: [String: Int] = [:]
    private(set) var resources: [SchemaResourceInfo] = []
    /// `uri#anchor` → location.
    private(set) var anchors: [String: SchemaLocation] = [:]
    /// Scanned schema objects → their context.
    private(set) var scanned = ScannedSchemas()
    /// URI prefix → local directory.
    public private(set) var directories: [(prefix: String, directory: String)] = []
    /// The draft for documents without `$schema`.
    public var defaultDraft: Draft = .draft2020_12

    /// An empty registry that knows the five standard meta-schemas (and
    /// their vocabulary meta-schemas).
    public init() {
        self = SchemaRegistry.standard
    }

    /// The starting point of every registry: empty; the embedded
    /// meta-schemas are parsed the first time something refers to them.
    private static let standard = SchemaRegistry(empty: ())

    private init(empty: Void) {}

    /// Adds an embedded meta-schema named `uri`, if there is one.
    private mutating func loadEmbedded(_ uri: String) -> Bool {
        guard let entry = MetaSchemas.parsed.first(where: { $0.normalizedURI == uri }) else { return false }
        _ = try? add(entry.value, uri: entry.uri)
        return resourceIndex[uri] != nil
    }

    /// Maps URIs starting with `prefix` to files under `directory`.
    public mutating func map(prefix: String, toDirectory directory: String) {
        directories.append((prefix, directory))
    }

    /// Adds a schema document; `uri` (if given) names it unless its root has
    /// an `$id`. Returns the document number.
    @discardableResult
    public mutating func add(_ document: JSONValue, uri: String? = nil) throws -> Int {
        let number = documents.count
        documents.append(document)
        let base = URIReference(uri ?? "urn:schemata:document:\(number)").withoutFragment
        if let declared = document["$schema"]?.stringValue { ensureMetaSchemaLoaded(declared) }
        let draft = draftDeclared(by: document) ?? defaultDraft
        withUnsafeMutablePointer(to: &self) { registry in
            var scanner = ResourceScanner(registry: registry, document: number)
            scanner.scan(document, base: base, draft: draft)
        }
        // The retrieval URI also names the document's root resource (it
        // already does when the root has no `$id` of its own).
        if uri != nil, let context = scanned[SchemaLocation(document: number, pointer: .root)],
            resources[context.resource].uri != base
        {
            let retrieval = normalized(base)
            if resourceIndex[retrieval] == nil { resourceIndex[retrieval] = context.resource }
        }
        return number
    }

    /// The draft a document's `$schema` names, following custom
    /// meta-schemas already in the registry.
    func draftDeclared(by schema: JSONValue) -> Draft? {
        guard let uri = schema["$schema"]?.stringValue else { return nil }
        if let draft = Draft(metaSchemaURI: uri) { return draft }
        if let resource = resourceIndex[normalized(URIReference(uri).withoutFragment)] {
            return resources[resource].draft
        }
        return nil
    }

    /// The vocabularies a `$schema` URI turns on (its `$vocabulary`), or
    /// `nil` for the standard set.
    func vocabularies(declaredBy metaSchemaURI: String) -> VocabularySet? {
        guard Draft(metaSchemaURI: metaSchemaURI) == nil,
            let resource = resourceIndex[normalized(URIReference(metaSchemaURI).withoutFragment)]
        else { return nil }
        let location = resources[resource].location
        guard let meta = value(at: location), case .object(let vocabulary)? = meta["$vocabulary"] else { return nil }
        var set: VocabularySet = [.core]
        for (uri, _) in vocabulary {
            if let known = VocabularySet.named(uri) { set.formUnion(known) }
        }
        return set
    }

    func normalized(_ uri: URIReference) -> String {
        var copy = uri
        copy.fragment = nil
        var text = copy.description
        if text.hasSuffix("#") { text.removeLast() }
        return text
    }

    /// The JSON value at a location.
    func value(at location: SchemaLocation) -> JSONValue? {
        documents[location.document][pointer: location.pointer]
    }

    mutating func register(resource info: SchemaResourceInfo) -> Int {
        // The resource's URI text is its normalized form (no fragment, no
        // trailing `#`), already built.
        let key = info.uriString
        if let existing = resourceIndex[key] { return existing }
        resources.append(info)
        resourceIndex[key] = resources.count - 1
        return resources.count - 1
    }

    @discardableResult
    mutating func setContext(_ context: SchemaContext, at location: SchemaLocation) -> Int {
        scanned.set(context, at: location)
    }

    /// Records the context of the object `first` (then `second`) below the
    /// scanned object `parent`; returns its ordinal.
    mutating func setContext(_ context: SchemaContext, below parent: Int, _ first: String, _ second: String?) -> Int {
        scanned.set(context, below: parent, first, second)
    }

    mutating func addAnchor(_ name: String, in resourceURI: URIReference, at location: SchemaLocation) {
        anchors[normalized(resourceURI) + "#" + name] = location
    }

    mutating func addDynamicAnchor(_ name: String, resource: Int, at location: SchemaLocation) {
        resources[resource].dynamicAnchors[name] = location
    }

    mutating func setRecursiveAnchor(resource: Int) {
        resources[resource].recursiveAnchor = true
    }

    /// The location a URI reference (already absolute) names, loading a
    /// mapped local file if needed.
    mutating func locate(_ uri: URIReference) throws(SchemaRegistryError) -> SchemaLocation {
        let base = normalized(uri.withoutFragment)
        if resourceIndex[base] == nil { try load(base) }
        guard let resource = resourceIndex[base] else {
            throw SchemaRegistryError(message: "cannot resolve \(uri): no schema with that URI is known (remote fetching is off; map a prefix to a directory with --registry PREFIX=DIR)")
        }
        let root = resources[resource].location
        guard let fragment = uri.fragment, !fragment.isEmpty else { return root }
        if fragment.hasPrefix("/") {
            let pointer: JSONPointer
            do {
                pointer = try JSONPointer(uriFragment: "#" + fragment)
            } catch {
                throw SchemaRegistryError(message: "invalid JSON Pointer fragment in \(uri): \(error.message)")
            }
            let location = SchemaLocation(document: root.document, pointer: JSONPointer(tokens: root.pointer.tokens + pointer.tokens))
            guard value(at: location) != nil else {
                throw SchemaRegistryError(message: "cannot resolve \(uri): nothing at \(pointer) in \(base)")
            }
            return location
        }
        let decoded = PercentEncoding.decode(Substring(fragment)) ?? fragment
        guard let location = anchors[base + "#" + decoded] else {
            throw SchemaRegistryError(message: "cannot resolve \(uri): no anchor \"\(decoded)\" in \(base)")
        }
        return location
    }

    /// Makes sure a custom meta-schema named by `$schema` is loaded (from a
    /// mapped directory), so that its draft and `$vocabulary` are known.
    mutating func ensureMetaSchemaLoaded(_ uri: String) {
        guard Draft(metaSchemaURI: uri) == nil else { return }
        let base = normalized(URIReference(uri).withoutFragment)
        if resourceIndex[base] == nil { try? load(base) }
    }

    /// Loads a document for `uri` from a mapped directory, if any.
    private mutating func load(_ uri: String) throws(SchemaRegistryError) {
        if loadEmbedded(uri) { return }
        for (prefix, directory) in directories.sorted(by: { $0.prefix.count > $1.prefix.count }) where uri.hasPrefix(prefix) {
            let relative = String(uri.dropFirst(prefix.count))
            guard !relative.split(separator: "/").contains("..") else {
                throw SchemaRegistryError(message: "refusing to load \(uri): '..' in the path")
            }
            let path = directory.hasSuffix("/") ? directory + relative : directory + "/" + relative
            let bytes: [UInt8]
            do {
                bytes = try JSONParser.readBytes(atPath: path)
            } catch {
                throw SchemaRegistryError(message: "cannot load \(uri) from \(path): \(error.reason)")
            }
            let document: JSONValue
            do {
                document = try JSONParser().parse(bytes)
            } catch {
                throw SchemaRegistryError(message: "cannot load \(uri): \(error.inFile(path))")
            }
            do {
                try add(document, uri: uri)
            } catch {
                throw SchemaRegistryError(message: "cannot load \(uri): \(error)")
            }
            return
        }
    }

    /// The base URI in effect inside a schema with this context (no
    /// fragment): its resource's URI.
    func baseURI(of context: SchemaContext) -> URIReference {
        resources[context.resource].uri
    }

    /// The scanned context of a location, or the nearest scanned ancestor's
    /// (for `$ref`s into unknown keywords).
    func context(at location: SchemaLocation) -> SchemaContext? {
        if let context = scanned[location] { return context }
        var pointer = location.pointer
        while let parent = pointer.parent {
            if let context = scanned[SchemaLocation(document: location.document, pointer: parent)] { return context }
            pointer = parent
        }
        return nil
    }
}
