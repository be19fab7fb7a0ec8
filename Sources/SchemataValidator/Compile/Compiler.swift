import SchemataJSON
import SchemataRegex

/// Options for compiling a schema.
public struct ValidatorOptions: Sendable {
    /// The draft for schemas without `$schema` (default 2020-12).
    public var defaultDraft: Draft = .draft2020_12
    /// Check `format` (off by default: from 2019-09 on it is an annotation).
    public var formatAssertion = false
    /// Check the schema against its meta-schema before compiling.
    public var validatesSchema = true
    /// The deepest evaluation nesting allowed before a clear error (guards
    /// the stack on deep instances against recursive schemas).
    public var maximumEvaluationDepth = 1024

    public init() {}
}

/// Turns schema documents into a ``FlatProgram``.
///
/// Compilation is iterative (a work list, not recursion), so schemas of any
/// depth compile; `$ref` targets are compiled once and shared, which also
/// makes recursive schemas finite.
struct Compiler {
    var registry: SchemaRegistry
    let options: ValidatorOptions
    /// The program, built node by node.
    var flat = FlatProgramBuilder(expectedNodes: 0)
    /// Compiled node of each scanned schema object, by its context's ordinal (−1: not yet).
    var memoByOrdinal: [Int32] = []
    /// Compiled node of locations the scan did not reach.
    var memo: [SchemaLocation: Int] = [:]
    /// Nodes still to compile, with their schema value when the caller had
    /// it at hand (otherwise it is found from the location) and context.
    /// (A scanned schema's location is not spelled out: its context
    /// carries its number.)
    var work: [(index: Int, location: SchemaLocation?, value: JSONValue?, context: SchemaContext?)] = []
    var problems: [SchemaCompileError.Problem] = []
    /// The instructions of dynamic references, fixed up once everything is compiled.
    var dynamicSites: [(node: Int, pc: Int, name: String, recursive: Bool)] = []

    init(registry: SchemaRegistry, options: ValidatorOptions) {
        self.registry = registry
        self.options = options
    }

    /// Compiles the schema at `root` and everything it references.
    mutating func compile(root: SchemaLocation) throws(SchemaCompileError) -> FlatProgram {
        memoByOrdinal = [Int32](repeating: -1, count: registry.scanned.count)
        // Every scanned schema usually becomes a node: size the tables once
        // (growing them from empty was a dozen allocations on a small schema).
        flat = FlatProgramBuilder(expectedNodes: registry.scanned.count)
        work.reserveCapacity(16)
        let rootIndex = node(for: root)
        drain()
        resolveDynamicReferences()
        guard problems.isEmpty else { throw SchemaCompileError(problems: problems) }
        detectNonProgressingCycles()
        guard problems.isEmpty else { throw SchemaCompileError(problems: problems) }
        return flat.finish(root: rootIndex, resources: registry.resources.map(\.origin), paths: registry.scanned.paths)
    }

    mutating func drain() {
        while let (index, location, value, context) = work.popLast() {
            compileNode(index, at: location, value: value, context: context)
        }
    }

    /// The node for a location, compiling it later if new. `value`, when
    /// given, is the schema at that location (saving a walk from the root).
    mutating func node(for location: SchemaLocation, value: JSONValue? = nil) -> Int {
        if let ordinal = registry.scanned.ordinal(of: location) {
            return node(scanned: ordinal, value: value)
        }
        // Somewhere the scan did not reach (a `$ref` into an unknown keyword).
        if let existing = memo[location] { return existing }
        // The nearest scanned ancestor's context, without its ordinal
        // (which names the ancestor, not this location).
        var context = registry.context(at: location)
        context?.ordinal = -1
        let index = flat.addNode(resource: context?.resource ?? 0, origin: NodeOrigin(ordinal: -1, location: location))
        memo[location] = index
        work.append((index, location, value, context))
        return index
    }

    /// The node of the scanned schema object numbered `ordinal`, compiling
    /// it later if new: its location and context are the scan's own.
    mutating func node(scanned ordinal: Int, value: JSONValue?) -> Int {
        if ordinal >= memoByOrdinal.count {
            // Documents loaded while compiling (remote references) add schemas.
            memoByOrdinal += [Int32](repeating: -1, count: registry.scanned.count - memoByOrdinal.count)
        }
        let known = memoByOrdinal[ordinal]
        if known >= 0 { return Int(known) }
        let context = registry.scanned.contexts[ordinal]
        let index = flat.addNode(resource: context.resource, origin: NodeOrigin(ordinal: Int32(ordinal), location: nil))
        memoByOrdinal[ordinal] = Int32(index)
        work.append((index, nil, value, context))
        return index
    }

    /// The absolute URI of a location: its resource's URI and the pointer
    /// within that resource.
    func absoluteLocation(_ location: SchemaLocation, _ context: SchemaContext?) -> String {
        guard let context else { return location.pointer.uriFragment }
        return registry.resources[context.resource].origin.absoluteURI(of: location)
    }

    /// The absolute location of a compiled node.
    func location(of node: Int) -> String {
        let origin = flat.origin(of: node)
        let location = origin.location ?? registry.scanned.location(of: Int(origin.ordinal))
        return registry.resources[flat.resource(of: node)].origin.absoluteURI(of: location)
    }

    /// Compiled patterns by source text.
    var regexCache: [ExactText: ECMARegex] = [:]

    /// A `$ref` as written, in the resource that holds it.
    struct WrittenReference: Hashable {
        var resource: Int
        var text: ExactText
    }

    /// Resolved `$ref` targets by the text written in a resource.
    var writtenReferences: [WrittenReference: SchemaLocation] = [:]

    /// Compiled `$ref` targets by the text written in a resource.
    var writtenReferenceNodes: [WrittenReference: Int] = [:]

    /// Resolved `$ref` targets by absolute URI text.
    var referenceCache: [ExactText: SchemaLocation] = [:]

    mutating func problem(_ message: String, at location: SchemaLocation) {
        let context = registry.context(at: location)
        problems.append(
            SchemaCompileError.Problem(location: absoluteLocation(location, context), pointer: location.pointer, message: message))
    }

    // MARK: One node

    /// Compiles node `index`: the schema at `explicit`, or (when that is
    /// `nil`) the scanned schema `scanned` names.
    mutating func compileNode(_ index: Int, at explicit: SchemaLocation?, value known: JSONValue?, context scanned: SchemaContext?) {
        var location: SchemaLocation { explicit ?? registry.scanned.location(of: Int(scanned!.ordinal)) }
        guard let value = known ?? registry.value(at: location) else {
            problem("nothing at this location", at: location)
            return
        }
        let context = scanned
            ?? SchemaContext(draft: options.defaultDraft, vocabularies: .standard, resource: 0)
        switch value {
        case .bool(true):
            return
        case .bool(false):
            flat.beginNode(index)
            flat.lower(.alwaysFalse, "")
            flat.endNode()
            return
        case .object(let schema):
            flat.beginNode(index)
            let sites = withUnsafeMutablePointer(to: &self) { compiler in
                var builder = KeywordBuilder(compiler: compiler, schema: schema, location: explicit, context: context)
                builder.build()
                return builder.dynamicSites
            }
            flat.endNode()
            for site in sites { dynamicSites.append((index, site.pc, site.name, site.recursive)) }
        default:
            problem("a schema must be an object or a boolean, not \(value.kind.rawValue)", at: location)
        }
    }

    // MARK: Dynamic references

    /// Fills in, for each `$dynamicRef` / `$recursiveRef`, the node to use
    /// when each reachable resource is in the dynamic scope.
    mutating func resolveDynamicReferences() {
        var resolved = 0
        while resolved < dynamicSites.count {
            // New nodes may bring new resources into reach; repeat until stable.
            let reachable = Set((0..<flat.nodeCount).map { flat.resource(of: $0) })
            for site in dynamicSites {
                var candidates: [Int: Int] = [:]
                for resource in reachable {
                    let info = registry.resources[resource]
                    if site.recursive {
                        if info.recursiveAnchor { candidates[resource] = node(for: info.location) }
                    } else if let anchor = info.dynamicAnchors[site.name] {
                        candidates[resource] = node(for: anchor)
                    }
                }
                flat.setCandidates(candidates, at: site.pc)
            }
            let before = flat.nodeCount
            drain()
            if flat.nodeCount == before { resolved = dynamicSites.count } else { resolved = 0 }
            if dynamicSites.isEmpty { break }
        }
    }

    // MARK: Cycles

    /// A cycle of references that never moves to a child instance would
    /// loop forever: reject it.
    mutating func detectNonProgressingCycles() {
        // Without references the nodes form a tree (each location compiles
        // once, and applicators point at their own subschemas): no cycle.
        let hasReferences = flat.hasReferences
        guard hasReferences else { return }
        // Every node's in-place successors in one flat list (node i's are
        // targets[offsets[i]..<offsets[i + 1]]): no array per node.
        let count = flat.nodeCount
        var offsets = [Int32](repeating: 0, count: count + 1)
        var targets: [Int32] = []
        for index in 0..<count {
            flat.appendInPlaceSuccessors(of: index, to: &targets)
            offsets[index + 1] = Int32(targets.count)
        }
        var state = [UInt8](repeating: 0, count: count)  // 0 new, 1 on stack, 2 done
        var stack: [(node: Int, next: Int)] = []
        for start in 0..<count where state[start] == 0 {
            stack.append((start, Int(offsets[start])))
            state[start] = 1
            while let top = stack.last {
                if top.next < Int(offsets[top.node + 1]) {
                    stack[stack.count - 1].next += 1
                    let successor = Int(targets[top.next])
                    if state[successor] == 1 {
                        problems.append(
                            SchemaCompileError.Problem(
                                location: location(of: successor), pointer: .root,
                                message: "reference cycle that never moves into the instance (evaluating it would loop forever): \(location(of: successor))"))
                        return
                    }
                    if state[successor] == 0 {
                        state[successor] = 1
                        stack.append((successor, Int(offsets[successor])))
                    }
                } else {
                    state[top.node] = 2
                    stack.removeLast()
                }
            }
        }
    }
}
