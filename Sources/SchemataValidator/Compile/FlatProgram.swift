import SchemataJSON
import SchemataRegex

/// The evaluation form of a compiled schema: nodes are ranges of plain
/// instructions whose operands are indexes into side tables. Instructions
/// are trivially copyable, so the evaluator's hot loop does no reference
/// counting; names are bytes in one pool, compared with the tape's bytes.
struct FlatProgram: Sendable {
    /// What an instruction does.
    enum Opcode: UInt8, Sendable {
        case alwaysFalse, type, const, enumeration, multipleOf, maximum, exclusiveMaximum, minimum, exclusiveMinimum
        case maxLength, minLength, pattern, format, content, maxItems, minItems, uniqueItems, maxProperties, minProperties
        case required, dependentRequired, properties, patternProperties, additionalProperties, propertyNames
        case dependentSchemas, prefixItems, items, contains, allOf, anyOf, oneOf, not, conditional, ref, dynamicRef
        case unevaluatedProperties, unevaluatedItems
    }

    /// One instruction: an opcode and up to five operands, which are limits
    /// or indexes into the tables below (−1 where an operand is absent).
    /// Plain data, 24 bytes: copying one costs nothing.
    ///
    /// | opcode | operands |
    /// |---|---|
    /// | type | a: type bits, b: 1 if `1.0` is not an integer (draft 4) |
    /// | const | a: constant, b: pooled name (string constants) or −1 |
    /// | enumeration | a: first constant, b: count, c: first pooled name (all strings) or −1 |
    /// | multipleOf, maximum…, pattern, format, content | a: table index |
    /// | maxLength…minProperties | a: limit |
    /// | required, dependentRequired, properties, patternProperties, dependentSchemas, prefixItems, allOf, anyOf, oneOf | a: first, b: count |
    /// | additionalProperties | a: node, b/c: known names, d/e: patterns |
    /// | items | a: node, b: first index | contains | a: node, b: min, c: max (−1 none) |
    /// | conditional | a: if, b: then, c: else | dynamicRef | a: target, b: candidates (−1 static) |
    /// | propertyNames, not, ref, unevaluated* | a: node |
    struct Instruction: Sendable {
        var opcode: Opcode
        var a: Int32 = 0
        var b: Int32 = 0
        var c: Int32 = 0
        var d: Int32 = 0
        var e: Int32 = 0

        init(_ opcode: Opcode, _ a: Int32 = 0, _ b: Int32 = 0, _ c: Int32 = 0, _ d: Int32 = 0, _ e: Int32 = 0) {
            self.opcode = opcode
            self.a = a
            self.b = b
            self.c = c
            self.d = d
            self.e = e
        }
    }

    /// One compiled schema object: its instruction range and the fused
    /// forms the evaluator can take instead of running the instructions.
    /// Kept at 32 bytes (type bits fit in seven bits, hence `Int8`): the
    /// evaluator loads one per subschema visited, and a larger stride
    /// measurably slowed every workload.
    struct Node: Sendable {
        var first: Int32
        var count: Int32
        var resource: Int32
        var hasUnevaluated: Bool
        /// When the node is exactly one `type` check (the commonest leaf
        /// schema): its type bits, so that the evaluator can test it without
        /// entering the node; otherwise −1.
        var typeOnly: Int8 = -1
        /// When the node is exactly `{"type": "array", "items": <typeOnly>}`
        /// with optional `minItems`/`maxItems` (coordinates, vectors,
        /// tuples of numbers): the element type bits, so that the evaluator
        /// checks such arrays in one loop; otherwise −1.
        var arrayOfType: Int8 = -1
        var arrayMinItems: Int32 = 0
        var arrayMaxItems: Int32 = .max
        /// When the node only says `type: object`, `properties`, `required`
        /// and `additionalProperties: false` (the commonest object schema):
        /// its ``ObjectShape``, checked in one pass over the members;
        /// otherwise −1.
        var objectShape: Int32 = -1
        /// When the node is exactly `{"type": "array", "items": <shape>}`
        /// (the items schema, or a lone `$ref`'s target, fuses into an
        /// ``ObjectShape``) with optional `minItems`/`maxItems`: that shape,
        /// so that the evaluator checks arrays of records in one loop with
        /// no instruction dispatch; otherwise −1. Only without a dynamic scope.
        var arrayOfShape: Int32 = -1
    }

    /// An `anyOf`/`oneOf` whose branches give one property string tags (a
    /// tagged union): when an object has that property, only the branches
    /// listing its value can pass, so only they run — with the branches
    /// that cannot be told by the tag (`always`), which run for every tag.
    /// A branch's tags come from its `const`/`enum` on the property, from a
    /// nested union of tagged branches, or are none when its `type`
    /// excludes objects.
    struct Discriminator: Sendable {
        var property: Name
        var valuesStart: Int32
        var valuesCount: Int32
        /// Branch positions (in ``discriminatorAlways``) that run whatever the tag.
        var alwaysStart: Int32 = 0
        var alwaysCount: Int32 = 0
    }

    /// One tag value and the position of the branch that lists it.
    struct DiscriminatorValue: Sendable {
        var value: Name
        var branch: Int32
    }

    /// A fused object check: every member is looked up once among
    /// `entries` (properties, then required names without a schema), its
    /// value validated, and the required ones ticked off in a bit mask.
    struct ObjectShape: Sendable {
        var entriesStart: Int32
        var entriesCount: Int32
        /// Bit `i` set: entry `i` is required.
        var requiredMask: UInt64
        /// `additionalProperties: false`.
        var closed: Bool
        /// The `additionalProperties` schema for members no property or
        /// pattern names (`-1`: none, or `false`, which is ``closed``).
        var additional: Int32 = -1
        /// The types a non-object instance may have to pass: those of the
        /// node's `type` other than `object` (none for `type: object`), or
        /// every type when the node has no `type`.
        var nonObjectTypes: UInt8
        /// `patternProperties` entries (in `patternEntries`).
        var patternsStart: Int32 = 0
        var patternsCount: Int32 = 0
        /// Closed, no patterns, every entry required and of a type-only
        /// schema whose types exclude arrays and objects: a valid object
        /// has exactly these members, each a scalar, so the evaluator
        /// checks them in a loop of its own with no record of which it saw.
        var leafExact = false
    }

    /// Whether any `$dynamicRef` / `$recursiveRef` needs the dynamic scope;
    /// when none does, the evaluator does not track it.
    var needsDynamicScope = false

    /// A name in the pool.
    struct Name: Sendable {
        var start: Int32
        var length: Int32
    }

    /// A name with a node (properties, dependentSchemas).
    struct Entry: Sendable {
        var name: Name
        var node: Int32
    }

    /// A regex with a node (patternProperties).
    struct PatternEntry: Sendable {
        var regex: Int32
        var node: Int32
    }

    /// A name that requires others (dependentRequired).
    struct Dependency: Sendable {
        var name: Name
        var requiredStart: Int32
        var requiredCount: Int32
    }

    var nodes: [Node] = []
    var instructions: [Instruction] = []
    /// The keyword name of each instruction, for output.
    var instructionNames: [String] = []
    var names: [UInt8] = []
    var nameList: [Name] = []
    var entries: [Entry] = []
    var objectShapes: [ObjectShape] = []
    /// Tag tables of `anyOf`/`oneOf` (operand c; −1 when none).
    var discriminators: [Discriminator] = []
    var discriminatorValues: [DiscriminatorValue] = []
    /// Branch positions of tagged unions that run for every tag.
    var discriminatorAlways: [Int32] = []
    /// Entries of object shapes (node −1: a required name with no schema).
    var shapeEntries: [Entry] = []
    /// Each shape entry's name as a short key's payload
    /// (``TapeNode/inlineWord(_:)``), or 0 for a name too long to be one:
    /// a short key matches an entry when the words and lengths are equal.
    var shapeEntryHeads: [UInt64] = []
    /// Per shape entry: its node's type bits when the node only checks a
    /// type (`typeOnly`), so the shape loop tests such members without
    /// loading the node; ``ShapeEntryForm/objectShape`` or
    /// ``ShapeEntryForm/arrayOfShape`` when the node is itself a shape or an
    /// array of one (the loop goes straight there); else −1.
    var shapeEntryTypes: [Int16] = []
    var patternEntries: [PatternEntry] = []
    var dependencies: [Dependency] = []
    var nodeLists: [Int32] = []
    var constants: [JSONValue] = []
    var numbers: [JSONNumber] = []
    var regexes: [ECMARegex] = []
    var formats: [(name: String, check: FormatChecker.Check)] = []
    var contents: [(encoding: String?, mediaType: String?)] = []
    var candidateTables: [[Int: Int]] = []
    /// Where each node's schema is (for absolute keyword locations).
    var origins: [NodeOrigin] = []
    /// The scanned objects' locations, which `origins` name by number.
    var paths = SchemaPaths()
    /// Where each resource starts.
    var resourceOrigins: [ResourceOrigin] = []
    var root: Int32 = 0
    /// The hot tables in evaluator-friendly memory (set at the end of init).
    private(set) var hot: HotTables!

    /// The absolute location of a node.
    func location(of node: Int) -> String {
        let origin = origins[node]
        let location = origin.location ?? paths.location(of: Int(origin.ordinal))
        return resourceOrigins[Int(nodes[node].resource)].absoluteURI(of: location)
    }

    func isAlwaysFalse(_ node: Int) -> Bool {
        let info = nodes[node]
        guard info.count > 0 else { return false }
        return instructions[Int(info.first)].opcode == .alwaysFalse
    }

}

/// Where a compiled node's schema is: a scanned object, by number (its
/// location spelled out only when output needs it), or a location the scan
/// did not reach.
struct NodeOrigin: Sendable {
    var ordinal: Int32
    var location: SchemaLocation?
}

extension FlatProgram {
    /// Runs the passes that fuse common node forms (every node lowered by
    /// then) and lays out the evaluator's hot tables.
    mutating func finish(root: Int, resources: [ResourceOrigin], paths: SchemaPaths) {
        self.root = Int32(root)
        resourceOrigins = resources
        self.paths = paths
        markArraysOfType()
        markObjectShapes()
        markArraysOfShapes()
        linkShapeEntries()
        markDiscriminators()
        forwardItemsThroughReferences()
        hot = HotTables(self)
    }
}

extension FlatProgram {
    /// The parts of a node that says only `type: array`, `items` (from
    /// index 0), `minItems` and `maxItems`; `nil` for any other node.
    func plainArray(_ info: Node) -> (items: Int, minimum: Int32, maximum: Int32)? {
        var isArray = false
        var items = -1
        var minimum: Int32 = 0
        var maximum: Int32 = .max
        for pc in Int(info.first)..<Int(info.first + info.count) {
            let instruction = instructions[pc]
            switch instruction.opcode {
            case .type where instruction.a == Int32(JSONTypeSet.array.rawValue) && instruction.b == 0: isArray = true
            case .minItems: minimum = instruction.a
            case .maxItems: maximum = instruction.a
            case .items where instruction.b == 0: items = Int(instruction.a)
            default: return nil
            }
        }
        guard isArray, items >= 0 else { return nil }
        return (items, minimum, maximum)
    }

    /// Finds the nodes that are an array of one scalar type with optional
    /// count bounds (see ``Node/arrayOfType``).
    mutating func markArraysOfType() {
        for index in nodes.indices where nodes[index].typeOnly < 0 && !nodes[index].hasUnevaluated {
            guard let array = plainArray(nodes[index]), nodes[array.items].typeOnly >= 0 else { continue }
            nodes[index].arrayOfType = nodes[array.items].typeOnly
            nodes[index].arrayMinItems = array.minimum
            nodes[index].arrayMaxItems = array.maximum
        }
    }

    /// Finds the nodes that are an array of one object shape (the items
    /// schema, or a lone `$ref`'s target) with optional count bounds (see
    /// ``Node/arrayOfShape``).
    mutating func markArraysOfShapes() {
        guard !needsDynamicScope else { return }
        for index in nodes.indices where nodes[index].typeOnly < 0 && nodes[index].arrayOfType < 0 && !nodes[index].hasUnevaluated {
            guard let array = plainArray(nodes[index]) else { continue }
            let element = nodes[resolvedNode(array.items)]
            guard element.objectShape >= 0, !element.hasUnevaluated else { continue }
            nodes[index].arrayOfShape = element.objectShape
            nodes[index].arrayMinItems = array.minimum
            nodes[index].arrayMaxItems = array.maximum
        }
    }
}

/// Codes in ``FlatProgram/shapeEntryTypes`` beside type bits (≥ 0) and −1.
enum ShapeEntryForm {
    /// The member's schema is an ``FlatProgram/ObjectShape``.
    static let objectShape: Int16 = -2
    /// The member's schema is an array of one shape (``FlatProgram/Node/arrayOfShape``).
    static let arrayOfShape: Int16 = -3
}

extension FlatProgram {
    /// Marks the shape entries whose schema is itself a fused shape or
    /// array of shapes, so that the shape loop calls those directly (only
    /// without a dynamic scope, whose frames `validate` keeps).
    mutating func linkShapeEntries() {
        guard !needsDynamicScope else { return }
        for shape in objectShapes {
            for position in Int(shape.entriesStart)..<Int(shape.entriesStart + shape.entriesCount) {
                let node = Int(shapeEntries[position].node)
                guard node >= 0, shapeEntryTypes[position] < 0 else { continue }
                if nodes[node].objectShape >= 0 {
                    shapeEntryTypes[position] = ShapeEntryForm.objectShape
                } else if nodes[node].arrayOfShape >= 0 {
                    shapeEntryTypes[position] = ShapeEntryForm.arrayOfShape
                }
            }
        }
    }
}

extension FlatProgram {
    /// Finds the nodes that fuse into an ``ObjectShape``.
    mutating func markObjectShapes() {
        for index in nodes.indices where nodes[index].typeOnly < 0 && !nodes[index].hasUnevaluated {
            let info = nodes[index]
            var properties: Range<Int>?
            var required: Range<Int> = 0..<0
            var patterns: Range<Int> = 0..<0
            var additionalPatterns = 0
            var closed = false
            var additional: Int32 = -1
            var nonObjectTypes: UInt8 = 0xFF
            var other = false
            for pc in Int(info.first)..<Int(info.first + info.count) {
                let instruction = instructions[pc]
                switch instruction.opcode {
                case .type where instruction.a & Int32(JSONTypeSet.object.rawValue) != 0 && instruction.b == 0:
                    // `type: object`, or a set with `object` in it (the
                    // meta-schemas' `["object", "boolean"]`).
                    nonObjectTypes = UInt8(truncatingIfNeeded: instruction.a) & ~JSONTypeSet.object.rawValue
                case .properties:
                    properties = Int(instruction.a)..<Int(instruction.a + instruction.b)
                case .required:
                    required = Int(instruction.a)..<Int(instruction.a + instruction.b)
                case .patternProperties:
                    patterns = Int(instruction.a)..<Int(instruction.a + instruction.b)
                case .additionalProperties where isAlwaysFalse(Int(instruction.a)):
                    closed = true
                    additionalPatterns = Int(instruction.e)
                case .additionalProperties:
                    additional = instruction.a
                    additionalPatterns = Int(instruction.e)
                default:
                    other = true
                }
            }
            // `additionalProperties` knows the same patterns as `patternProperties`.
            // Without `properties`, a shape still fuses patterns, additional
            // members and `required` (maps such as `{"^/": {…}}`).
            guard !other, additionalPatterns == patterns.count else { continue }
            guard properties != nil || !patterns.isEmpty || closed || additional >= 0 else { continue }
            // Fused checks run on the fast path only (error output walks the
            // instructions): members may go straight to a lone `$ref`'s
            // target, unless the dynamic scope must see the reference.
            var list = entries[properties ?? 0..<0].map { entry in
                var forwarded = entry
                if !needsDynamicScope && entry.node >= 0 { forwarded.node = Int32(resolvedNode(Int(entry.node))) }
                return forwarded
            }
            if !needsDynamicScope && additional >= 0 { additional = Int32(resolvedNode(Int(additional))) }
            var mask: UInt64 = 0
            for name in nameList[required] {
                if let position = list.firstIndex(where: { sameName($0.name, name) }) {
                    mask |= 1 << UInt64(position)
                } else {
                    // Required but not described: only allowed when the object is open;
                    // `additionalProperties` then checks it (unless a pattern might instead).
                    guard !closed, list.count < 64, additional < 0 || patterns.isEmpty else { other = true; break }
                    list.append(Entry(name: name, node: additional))
                    mask |= 1 << UInt64(list.count - 1)
                }
            }
            guard !other, list.count <= 64 else { continue }
            let start = Int32(shapeEntries.count)
            shapeEntries.append(contentsOf: list)
            shapeEntryHeads.append(contentsOf: list.map { inlineWord(of: $0.name) })
            shapeEntryTypes.append(contentsOf: list.map { $0.node >= 0 ? Int16(nodes[Int($0.node)].typeOnly) : -1 })
            let containers = JSONTypeSet.array.rawValue | JSONTypeSet.object.rawValue
            let leafExact = closed && patterns.isEmpty && !list.isEmpty
                && mask == (list.count == 64 ? UInt64.max : (1 << UInt64(list.count)) - 1)
                && shapeEntryTypes[Int(start)...].allSatisfy { $0 >= 0 && UInt8(truncatingIfNeeded: $0) & containers == 0 }
            objectShapes.append(ObjectShape(
                entriesStart: start, entriesCount: Int32(list.count), requiredMask: mask, closed: closed, additional: additional,
                nonObjectTypes: nonObjectTypes,
                patternsStart: Int32(patterns.lowerBound), patternsCount: Int32(patterns.count), leafExact: leafExact))
            nodes[index].objectShape = Int32(objectShapes.count - 1)
        }
    }

    /// Finds tagged unions among `anyOf`/`oneOf` (see ``Discriminator``).
    mutating func markDiscriminators() {
        for pc in instructions.indices where instructions[pc].opcode == .anyOf || instructions[pc].opcode == .oneOf {
            instructions[pc].c = -1
            let branches = nodeLists[Int(instructions[pc].a)..<Int(instructions[pc].a + instructions[pc].b)].map(Int.init)
            guard branches.count >= 2 else { continue }
            // Candidate tag properties: those the branches describe.
            var candidates: [Name] = []
            for branch in branches {
                for entry in propertyEntries(of: branch) ?? [] where !candidates.contains(where: { sameName($0, entry.name) }) {
                    candidates.append(entry.name)
                }
                if candidates.count >= 8 { break }
            }
            for property in candidates {
                var values: [DiscriminatorValue] = []
                var always: [Int32] = []
                for (position, branch) in branches.enumerated() {
                    if let tags = branchTags(branch, property: property, depth: 0) {
                        values += tags.map { DiscriminatorValue(value: $0, branch: Int32(position)) }
                    } else {
                        always.append(Int32(position))
                    }
                }
                // Worth it only when the tag rules some branches out.
                guard !values.isEmpty, always.count < branches.count - 1 else { continue }
                discriminators.append(Discriminator(
                    property: property, valuesStart: Int32(discriminatorValues.count), valuesCount: Int32(values.count),
                    alwaysStart: Int32(discriminatorAlways.count), alwaysCount: Int32(always.count)))
                discriminatorValues += values
                discriminatorAlways += always
                instructions[pc].c = Int32(discriminators.count - 1)
                break
            }
        }
    }

    /// The tags a branch can pass with, for objects that have `property`
    /// (each listed once), or `nil` when the tag does not decide it.
    func branchTags(_ branch: Int, property: Name, depth: Int) -> [Name]? {
        guard depth < 8 else { return nil }
        let node = resolvedNode(branch)
        let info = nodes[node]
        if let entries = propertyEntries(of: node), let tagged = entries.first(where: { sameName($0.name, property) }),
            let tags = stringTags(of: Int(tagged.node))
        {
            return unique(tags)
        }
        let range = Int(info.first)..<Int(info.first + info.count)
        // A branch whose type excludes objects fails every object.
        for pc in range where instructions[pc].opcode == .type && instructions[pc].a & Int32(JSONTypeSet.object.rawValue) == 0 {
            return []
        }
        // A nested union passes only through one of its branches.
        for pc in range where instructions[pc].opcode == .anyOf || instructions[pc].opcode == .oneOf {
            var tags: [Name] = []
            var decided = true
            for sub in nodeLists[Int(instructions[pc].a)..<Int(instructions[pc].a + instructions[pc].b)] {
                guard let more = branchTags(Int(sub), property: property, depth: depth + 1) else {
                    decided = false
                    break
                }
                tags += more
            }
            if decided { return unique(tags) }
        }
        return nil
    }

    /// Names without repeats (by bytes), in first-seen order.
    func unique(_ names: [Name]) -> [Name] {
        var result: [Name] = []
        for name in names where !result.contains(where: { sameName($0, name) }) { result.append(name) }
        return result
    }

    /// Gives each `items` instruction, in operand c, the node its fast path
    /// checks elements against: the items schema, or the target of its lone
    /// `$ref` (not when the dynamic scope must see the reference).
    mutating func forwardItemsThroughReferences() {
        for pc in instructions.indices where instructions[pc].opcode == .items {
            let node = Int(instructions[pc].a)
            instructions[pc].c = Int32(needsDynamicScope ? node : resolvedNode(node))
        }
    }

    /// The node a node stands for: itself, or the target of a lone `$ref`.
    func resolvedNode(_ node: Int) -> Int {
        var current = node
        for _ in 0..<8 {
            let info = nodes[current]
            guard info.count == 1, instructions[Int(info.first)].opcode == .ref else { return current }
            current = Int(instructions[Int(info.first)].a)
        }
        return current
    }

    /// The `properties` entries of a (resolved) node, if it has them.
    func propertyEntries(of node: Int) -> ArraySlice<Entry>? {
        let info = nodes[resolvedNode(node)]
        for pc in Int(info.first)..<Int(info.first + info.count) where instructions[pc].opcode == .properties {
            return entries[Int(instructions[pc].a)..<Int(instructions[pc].a + instructions[pc].b)]
        }
        return nil
    }

    /// The string values a (resolved) node's `const` or all-string `enum` allows.
    func stringTags(of node: Int) -> [Name]? {
        let info = nodes[resolvedNode(node)]
        for pc in Int(info.first)..<Int(info.first + info.count) {
            let instruction = instructions[pc]
            if instruction.opcode == .const, instruction.b >= 0 { return [nameList[Int(instruction.b)]] }
            if instruction.opcode == .enumeration, instruction.c >= 0 {
                return Array(nameList[Int(instruction.c)..<Int(instruction.c + instruction.b)])
            }
        }
        return nil
    }

    /// A pooled name as a short key's payload, or 0 when it is longer.
    func inlineWord(of name: Name) -> UInt64 {
        guard Int(name.length) <= TapeNode.inlineKeyLimit else { return 0 }
        return names.withUnsafeBytes { pool in
            TapeNode.inlineWord(UnsafeRawBufferPointer(rebasing: pool[Int(name.start)..<Int(name.start + name.length)]))
        }
    }

    /// Whether two pooled names are the same bytes.
    func sameName(_ a: Name, _ b: Name) -> Bool {
        a.length == b.length && names[Int(a.start)..<Int(a.start + a.length)].elementsEqual(names[Int(b.start)..<Int(b.start + b.length)])
    }
}

/// A compiled program shared by reference: evaluations hold this box (one
/// retain) instead of copying the program struct (a retain per table).
final class ProgramBox: Sendable {
    let program: FlatProgram
    /// The program's hot tables and facts, as direct fields: reading them
    /// through `program` could copy the whole program struct.
    let hot: HotTables
    let needsDynamicScope: Bool
    let root: Int
    /// The root's object shape when the fast path may go straight to it
    /// (no dynamic scope to enter), else −1. A shape never has
    /// `unevaluated*` keywords and is never a type-only node.
    let rootShape: Int

    init(_ program: FlatProgram) {
        self.program = program
        self.hot = program.hot
        self.needsDynamicScope = program.needsDynamicScope
        self.root = Int(program.root)
        rootShape = program.needsDynamicScope ? -1 : Int(program.nodes[Int(program.root)].objectShape)
    }
}
