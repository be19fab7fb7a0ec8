import SchemataJSON
import SchemataRegex

/// The evaluation form of a compiled schema: nodes are ranges of plain
/// instructions whose operands are indexes into side tables. Instructions
/// are trivially copyable, so the evaluator's hot loop does no reference
/// counting; names are bytes in one pool, compared with the tape's bytes.
struct FlatProgram: Sendable {
    /// One instruction. Operands are indexes (`Int32`) into the tables below.
    enum Instruction: Sendable {
        case alwaysFalse
        case type(UInt8, literalIntegers: Bool)
        case const(Int32)  // constants
        case enumeration(start: Int32, count: Int32)  // constants
        case multipleOf(Int32)  // numbers
        case maximum(Int32)
        case exclusiveMaximum(Int32)
        case minimum(Int32)
        case exclusiveMinimum(Int32)
        case maxLength(Int32)
        case minLength(Int32)
        case pattern(Int32)  // regexes
        case format(Int32)  // formats
        case content(Int32)  // contents
        case maxItems(Int32)
        case minItems(Int32)
        case uniqueItems
        case maxProperties(Int32)
        case minProperties(Int32)
        case required(start: Int32, count: Int32)  // nameList
        case dependentRequired(start: Int32, count: Int32)  // dependencies
        case properties(start: Int32, count: Int32)  // entries
        case patternProperties(start: Int32, count: Int32)  // patternEntries
        case additionalProperties(node: Int32, knownStart: Int32, knownCount: Int32, patternStart: Int32, patternCount: Int32)
        case propertyNames(Int32)
        case dependentSchemas(start: Int32, count: Int32)  // entries
        case prefixItems(start: Int32, count: Int32)  // nodeLists
        case items(node: Int32, start: Int32)
        case contains(node: Int32, minimum: Int32, maximum: Int32)  // maximum −1: none
        case allOf(start: Int32, count: Int32)
        case anyOf(start: Int32, count: Int32)
        case oneOf(start: Int32, count: Int32)
        case not(Int32)
        case conditional(condition: Int32, then: Int32, otherwise: Int32)  // −1: absent
        case ref(Int32)
        case dynamicRef(target: Int32, candidates: Int32)  // candidates −1: static
        case unevaluatedProperties(Int32)
        case unevaluatedItems(Int32)
    }

    struct Node: Sendable {
        var first: Int32
        var count: Int32
        var resource: Int32
        var hasUnevaluated: Bool
    }

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
    var patternEntries: [PatternEntry] = []
    var dependencies: [Dependency] = []
    var nodeLists: [Int32] = []
    var constants: [JSONValue] = []
    var numbers: [JSONNumber] = []
    var regexes: [ECMARegex] = []
    var formats: [(name: String, check: FormatChecker.Check)] = []
    var contents: [(encoding: String?, mediaType: String?)] = []
    var candidateTables: [[Int: Int]] = []
    /// Each node's resource URI and pointer (for absolute keyword locations).
    var locations: [(base: String, pointer: JSONPointer)] = []
    var root: Int32 = 0

    /// The absolute location of a node.
    func location(of node: Int) -> String {
        locations[node].base + locations[node].pointer.uriFragment
    }

    func isAlwaysFalse(_ node: Int) -> Bool {
        let info = nodes[node]
        guard info.count > 0 else { return false }
        if case .alwaysFalse = instructions[Int(info.first)] { return true }
        return false
    }

    func nameText(_ name: Name) -> String {
        String(decoding: names[Int(name.start)..<Int(name.start + name.length)], as: UTF8.self)
    }
}

extension FlatProgram {
    /// Lowers a ``Program`` to its flat form.
    init(_ program: Program) {
        root = Int32(program.root)
        var nameIndex: [String: Name] = [:]
        func intern(_ text: String) -> Name {
            if let known = nameIndex[text] { return known }
            let name = Name(start: Int32(names.count), length: Int32(text.utf8.count))
            names.append(contentsOf: text.utf8)
            nameIndex[text] = name
            return name
        }
        func list(_ items: [Int]) -> (Int32, Int32) {
            let start = Int32(nodeLists.count)
            nodeLists.append(contentsOf: items.map { Int32($0) })
            return (start, Int32(items.count))
        }
        func number(_ value: JSONNumber) -> Int32 {
            numbers.append(value)
            return Int32(numbers.count - 1)
        }
        for node in program.nodes {
            let first = Int32(instructions.count)
            for entry in node.keywords {
                let instruction: Instruction
                switch entry.keyword {
                case .alwaysFalse: instruction = .alwaysFalse
                case .type(let set, let literal): instruction = .type(set.rawValue, literalIntegers: literal)
                case .const(let value):
                    constants.append(value)
                    instruction = .const(Int32(constants.count - 1))
                case .enumeration(let values):
                    let start = Int32(constants.count)
                    constants.append(contentsOf: values)
                    instruction = .enumeration(start: start, count: Int32(values.count))
                case .multipleOf(let value): instruction = .multipleOf(number(value))
                case .maximum(let value): instruction = .maximum(number(value))
                case .exclusiveMaximum(let value): instruction = .exclusiveMaximum(number(value))
                case .minimum(let value): instruction = .minimum(number(value))
                case .exclusiveMinimum(let value): instruction = .exclusiveMinimum(number(value))
                case .maxLength(let value): instruction = .maxLength(Int32(clamping: value))
                case .minLength(let value): instruction = .minLength(Int32(clamping: value))
                case .pattern(let regex):
                    regexes.append(regex)
                    instruction = .pattern(Int32(regexes.count - 1))
                case .format(let name, let check):
                    formats.append((name, check))
                    instruction = .format(Int32(formats.count - 1))
                case .content(let encoding, let mediaType):
                    contents.append((encoding, mediaType))
                    instruction = .content(Int32(contents.count - 1))
                case .maxItems(let value): instruction = .maxItems(Int32(clamping: value))
                case .minItems(let value): instruction = .minItems(Int32(clamping: value))
                case .uniqueItems: instruction = .uniqueItems
                case .maxProperties(let value): instruction = .maxProperties(Int32(clamping: value))
                case .minProperties(let value): instruction = .minProperties(Int32(clamping: value))
                case .required(let required):
                    let start = Int32(nameList.count)
                    nameList.append(contentsOf: required.map(intern))
                    instruction = .required(start: start, count: Int32(required.count))
                case .dependentRequired(let list):
                    let start = Int32(dependencies.count)
                    for (name, required) in list {
                        let requiredStart = Int32(nameList.count)
                        nameList.append(contentsOf: required.map(intern))
                        dependencies.append(Dependency(name: intern(name), requiredStart: requiredStart, requiredCount: Int32(required.count)))
                    }
                    instruction = .dependentRequired(start: start, count: Int32(list.count))
                case .properties(let list):
                    let start = Int32(entries.count)
                    entries.append(contentsOf: list.map { Entry(name: intern($0.name), node: Int32($0.node)) })
                    instruction = .properties(start: start, count: Int32(list.count))
                case .patternProperties(let list):
                    let start = Int32(patternEntries.count)
                    for (regex, node) in list {
                        regexes.append(regex)
                        patternEntries.append(PatternEntry(regex: Int32(regexes.count - 1), node: Int32(node)))
                    }
                    instruction = .patternProperties(start: start, count: Int32(list.count))
                case .additionalProperties(let node, let known, let patterns):
                    let knownStart = Int32(nameList.count)
                    nameList.append(contentsOf: known.sorted().map(intern))
                    let patternStart = Int32(regexes.count)
                    regexes.append(contentsOf: patterns)
                    instruction = .additionalProperties(
                        node: Int32(node), knownStart: knownStart, knownCount: Int32(known.count), patternStart: patternStart,
                        patternCount: Int32(patterns.count))
                case .propertyNames(let node): instruction = .propertyNames(Int32(node))
                case .dependentSchemas(let list):
                    let start = Int32(entries.count)
                    entries.append(contentsOf: list.map { Entry(name: intern($0.name), node: Int32($0.node)) })
                    instruction = .dependentSchemas(start: start, count: Int32(list.count))
                case .prefixItems(let items):
                    let (start, count) = list(items)
                    instruction = .prefixItems(start: start, count: count)
                case .items(let node, let start): instruction = .items(node: Int32(node), start: Int32(clamping: start))
                case .contains(let node, let minimum, let maximum):
                    instruction = .contains(node: Int32(node), minimum: Int32(clamping: minimum), maximum: maximum.map { Int32(clamping: $0) } ?? -1)
                case .allOf(let items):
                    let (start, count) = list(items)
                    instruction = .allOf(start: start, count: count)
                case .anyOf(let items):
                    let (start, count) = list(items)
                    instruction = .anyOf(start: start, count: count)
                case .oneOf(let items):
                    let (start, count) = list(items)
                    instruction = .oneOf(start: start, count: count)
                case .not(let node): instruction = .not(Int32(node))
                case .conditional(let condition, let then, let otherwise):
                    instruction = .conditional(condition: Int32(condition), then: then.map { Int32($0) } ?? -1, otherwise: otherwise.map { Int32($0) } ?? -1)
                case .ref(let node): instruction = .ref(Int32(node))
                case .dynamicRef(let target, let candidates, let isDynamic), .recursiveRef(let target, let candidates, let isDynamic):
                    if isDynamic && !candidates.isEmpty {
                        candidateTables.append(candidates)
                        instruction = .dynamicRef(target: Int32(target), candidates: Int32(candidateTables.count - 1))
                    } else {
                        instruction = .dynamicRef(target: Int32(target), candidates: -1)
                    }
                case .unevaluatedProperties(let node): instruction = .unevaluatedProperties(Int32(node))
                case .unevaluatedItems(let node): instruction = .unevaluatedItems(Int32(node))
                }
                instructions.append(instruction)
                instructionNames.append(entry.name)
            }
            nodes.append(Node(first: first, count: Int32(instructions.count) - first, resource: Int32(node.resource), hasUnevaluated: node.hasUnevaluated))
            locations.append((node.baseURI, node.pointer))
        }
    }
}
