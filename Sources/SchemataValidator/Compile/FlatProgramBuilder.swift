import SchemataJSON

/// Builds a ``FlatProgram`` as the compiler goes: each schema's keywords
/// are lowered to instructions as soon as the schema is compiled, so no
/// intermediate program of keyword lists is kept, walked again and freed.
///
/// Nodes are numbered when first named (a reference may name one long
/// before it is compiled) and compiled in any order; a node's instructions
/// are contiguous, which is all the evaluator and the fusing passes need.
struct FlatProgramBuilder {
    typealias Instruction = FlatProgram.Instruction

    private(set) var program = FlatProgram()
    /// The names instructions compare against (the program's `names` when finished).
    private var names: NameInterner
    /// The node whose keywords are being lowered.
    private var currentNode = 0

    /// Room for about `expectedNodes` schemas.
    init(expectedNodes: Int) {
        program.nodes.reserveCapacity(expectedNodes)
        program.origins.reserveCapacity(expectedNodes)
        // About one distinct name per node in large schemas; a small schema
        // should not pay for a large table.
        names = NameInterner(expectedCount: min(1024, expectedNodes))
    }

    /// How many nodes have been numbered.
    var nodeCount: Int { program.nodes.count }

    /// Numbers a new node (compiled later: ``beginNode(_:)``).
    mutating func addNode(resource: Int, origin: NodeOrigin) -> Int {
        program.nodes.append(FlatProgram.Node(first: 0, count: 0, resource: Int32(resource), hasUnevaluated: false))
        program.origins.append(origin)
        return program.nodes.count - 1
    }

    /// The resource a node belongs to.
    func resource(of node: Int) -> Int { Int(program.nodes[node].resource) }

    /// Where a node's schema is.
    func origin(of node: Int) -> NodeOrigin { program.origins[node] }

    /// Starts lowering the keywords of `node` (each ``lower(_:_:)`` call
    /// appends one instruction; ``endNode()`` closes the node).
    mutating func beginNode(_ node: Int) {
        currentNode = node
        program.nodes[node].first = Int32(program.instructions.count)
    }

    /// Closes the node begun last: its instruction count and the facts the
    /// evaluator reads from the node.
    mutating func endNode() {
        let node = currentNode
        let first = Int(program.nodes[node].first)
        let count = program.instructions.count - first
        program.nodes[node].count = Int32(count)
        program.nodes[node].hasUnevaluated = program.instructions[first...].contains {
            $0.opcode == .unevaluatedItems || $0.opcode == .unevaluatedProperties
        }
        if count == 1, program.instructions[first].opcode == .type, program.instructions[first].b == 0 {
            program.nodes[node].typeOnly = Int8(program.instructions[first].a)
        }
    }

    /// Lowers one keyword of the node begun last to its instruction, and
    /// returns the instruction's index.
    @discardableResult
    mutating func lower(_ keyword: Keyword, _ name: String) -> Int {
        let instruction: Instruction
        switch keyword {
        case .alwaysFalse: instruction = Instruction(.alwaysFalse)
        case .type(let set, let literal):
            // Literal integers (draft 4: `1.0` is not an integer)
            // only matter when the set has `integer`; without it the
            // flag is dropped, so that draft-4 schemas take the same
            // fused forms (type-only leaves, object shapes, arrays
            // of one type) as later drafts.
            let countsLiterals = literal && set.contains(.integer)
            instruction = Instruction(.type, Int32(set.rawValue), countsLiterals ? 1 : 0)
        case .const(let value):
            program.constants.append(value)
            // A string constant is also pooled, to be compared as bytes.
            var pooled: Int32 = -1
            if let text = value.stringValue {
                pooled = Int32(program.nameList.count)
                let interned = intern(text)
                program.nameList.append(interned)
            }
            instruction = Instruction(.const, Int32(program.constants.count - 1), pooled)
        case .enumeration(let values):
            let start = Int32(program.constants.count)
            program.constants.append(contentsOf: values)
            // An enum of strings only (the usual kind) is also pooled.
            var pooled: Int32 = -1
            if values.allSatisfy({ $0.kind == .string }) {
                pooled = Int32(program.nameList.count)
                for value in values {
                    let interned = intern(value.stringValue!)
                    program.nameList.append(interned)
                }
            }
            instruction = Instruction(.enumeration, start, Int32(values.count), pooled)
        case .multipleOf(let value): instruction = Instruction(.multipleOf, number(value))
        case .maximum(let value): instruction = Instruction(.maximum, number(value))
        case .exclusiveMaximum(let value): instruction = Instruction(.exclusiveMaximum, number(value))
        case .minimum(let value): instruction = Instruction(.minimum, number(value))
        case .exclusiveMinimum(let value): instruction = Instruction(.exclusiveMinimum, number(value))
        case .maxLength(let value): instruction = Instruction(.maxLength, Int32(clamping: value))
        case .minLength(let value): instruction = Instruction(.minLength, Int32(clamping: value))
        case .pattern(let regex):
            program.regexes.append(regex)
            instruction = Instruction(.pattern, Int32(program.regexes.count - 1))
        case .format(let name, let check):
            program.formats.append((name, check))
            instruction = Instruction(.format, Int32(program.formats.count - 1))
        case .content(let encoding, let mediaType):
            program.contents.append((encoding, mediaType))
            instruction = Instruction(.content, Int32(program.contents.count - 1))
        case .maxItems(let value): instruction = Instruction(.maxItems, Int32(clamping: value))
        case .minItems(let value): instruction = Instruction(.minItems, Int32(clamping: value))
        case .uniqueItems: instruction = Instruction(.uniqueItems)
        case .maxProperties(let value): instruction = Instruction(.maxProperties, Int32(clamping: value))
        case .minProperties(let value): instruction = Instruction(.minProperties, Int32(clamping: value))
        case .required(let required):
            let start = Int32(program.nameList.count)
            appendInterned(required)
            instruction = Instruction(.required, start, Int32(required.count))
        case .dependentRequired(let list):
            let start = Int32(program.dependencies.count)
            for (name, required) in list {
                let requiredStart = Int32(program.nameList.count)
                appendInterned(required)
                let interned = intern(name)
                program.dependencies.append(
                    FlatProgram.Dependency(name: interned, requiredStart: requiredStart, requiredCount: Int32(required.count)))
            }
            instruction = Instruction(.dependentRequired, start, Int32(list.count))
        case .properties(let list):
            let start = Int32(program.entries.count)
            appendEntries(list)
            instruction = Instruction(.properties, start, Int32(list.count))
        case .patternProperties(let list):
            let start = Int32(program.patternEntries.count)
            for (regex, node) in list {
                program.regexes.append(regex)
                program.patternEntries.append(FlatProgram.PatternEntry(regex: Int32(program.regexes.count - 1), node: Int32(node)))
            }
            instruction = Instruction(.patternProperties, start, Int32(list.count))
        case .additionalProperties(let node, let known, let patterns):
            let knownStart = Int32(program.nameList.count)
            appendInterned(known)
            let patternStart = Int32(program.regexes.count)
            program.regexes.append(contentsOf: patterns)
            instruction = Instruction(
                .additionalProperties, Int32(node), knownStart, Int32(known.count), patternStart, Int32(patterns.count))
        case .propertyNames(let node): instruction = Instruction(.propertyNames, Int32(node))
        case .dependentSchemas(let list):
            let start = Int32(program.entries.count)
            appendEntries(list)
            instruction = Instruction(.dependentSchemas, start, Int32(list.count))
        case .prefixItems(let items):
            let (start, count) = list(items)
            instruction = Instruction(.prefixItems, start, count)
        case .items(let node, let start): instruction = Instruction(.items, Int32(node), Int32(clamping: start))
        case .contains(let node, let minimum, let maximum):
            instruction = Instruction(.contains, Int32(node), Int32(clamping: minimum), maximum.map { Int32(clamping: $0) } ?? -1)
        case .allOf(let items):
            let (start, count) = list(items)
            instruction = Instruction(.allOf, start, count)
        case .anyOf(let items):
            let (start, count) = list(items)
            instruction = Instruction(.anyOf, start, count)
        case .oneOf(let items):
            let (start, count) = list(items)
            instruction = Instruction(.oneOf, start, count)
        case .not(let node): instruction = Instruction(.not, Int32(node))
        case .conditional(let condition, let then, let otherwise):
            instruction = Instruction(.conditional, Int32(condition), then.map { Int32($0) } ?? -1, otherwise.map { Int32($0) } ?? -1)
        case .ref(let node): instruction = Instruction(.ref, Int32(node))
        case .dynamicRef(let target, let candidates, let isDynamic), .recursiveRef(let target, let candidates, let isDynamic):
            if isDynamic && !candidates.isEmpty {
                program.candidateTables.append(candidates)
                program.needsDynamicScope = true
                instruction = Instruction(.dynamicRef, Int32(target), Int32(program.candidateTables.count - 1))
            } else {
                instruction = Instruction(.dynamicRef, Int32(target), -1)
            }
        case .unevaluatedProperties(let node): instruction = Instruction(.unevaluatedProperties, Int32(node))
        case .unevaluatedItems(let node): instruction = Instruction(.unevaluatedItems, Int32(node))
        }
        program.instructions.append(instruction)
        program.instructionNames.append(name)
        return program.instructions.count - 1
    }

    /// Sets the nodes a dynamic reference's instruction uses when a
    /// resource in the dynamic scope declares its anchor (replacing any
    /// earlier table of the same instruction).
    mutating func setCandidates(_ candidates: [Int: Int], at pc: Int) {
        let table = Int(program.instructions[pc].b)
        if candidates.isEmpty {
            program.instructions[pc].b = -1
        } else if table >= 0 {
            program.candidateTables[table] = candidates
        } else {
            program.candidateTables.append(candidates)
            program.instructions[pc].b = Int32(program.candidateTables.count - 1)
            program.needsDynamicScope = true
        }
    }

    /// Whether any instruction is a reference (without one, nodes form a tree).
    var hasReferences: Bool {
        program.instructions.contains { $0.opcode == .ref || $0.opcode == .dynamicRef }
    }

    /// Appends the nodes that `node` evaluates against the same instance
    /// (applicators that do not move into a child, and references).
    func appendInPlaceSuccessors(of node: Int, to result: inout [Int32]) {
        let info = program.nodes[node]
        for pc in Int(info.first)..<Int(info.first + info.count) {
            let instruction = program.instructions[pc]
            switch instruction.opcode {
            case .allOf, .anyOf, .oneOf:
                result += program.nodeLists[Int(instruction.a)..<Int(instruction.a + instruction.b)]
            case .not, .ref:
                result.append(instruction.a)
            case .conditional:
                result.append(instruction.a)
                if instruction.b >= 0 { result.append(instruction.b) }
                if instruction.c >= 0 { result.append(instruction.c) }
            case .dependentSchemas:
                result += program.entries[Int(instruction.a)..<Int(instruction.a + instruction.b)].lazy.map(\.node)
            case .dynamicRef:
                result.append(instruction.a)
                if instruction.b >= 0 { result += program.candidateTables[Int(instruction.b)].values.lazy.map { Int32($0) } }
            default:
                break
            }
        }
    }

    /// The finished program, rooted at `root`.
    mutating func finish(root: Int, resources: [ResourceOrigin], paths: SchemaPaths) -> FlatProgram {
        program.names = names.bytes
        program.finish(root: root, resources: resources, paths: paths)
        return program
    }

    private mutating func intern(_ text: String) -> FlatProgram.Name {
        names.intern(text)
    }

    /// Interns each name and appends it to the program's name list.
    private mutating func appendInterned(_ names: [String]) {
        for name in names {
            let interned = intern(name)
            program.nameList.append(interned)
        }
    }

    /// Appends name → node entries.
    private mutating func appendEntries(_ list: [(name: String, node: Int)]) {
        for (name, node) in list {
            let interned = intern(name)
            program.entries.append(FlatProgram.Entry(name: interned, node: Int32(node)))
        }
    }

    private mutating func list(_ items: [Int]) -> (Int32, Int32) {
        let start = Int32(program.nodeLists.count)
        program.nodeLists.append(contentsOf: items.map { Int32($0) })
        return (start, Int32(items.count))
    }

    private mutating func number(_ value: JSONNumber) -> Int32 {
        program.numbers.append(value)
        return Int32(program.numbers.count - 1)
    }
}
