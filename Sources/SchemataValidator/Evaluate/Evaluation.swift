import SchemataJSON
import SchemataRegex

/// One validation of one instance against a ``FlatProgram``.
///
/// It reads the tape and the program through buffer pointers that are valid
/// for the duration of ``Validator``'s call, so the hot path does no
/// reference counting and no allocation per node (annotations for
/// `unevaluated*` are collected only where a schema has them). With error
/// collection on, every keyword runs and failures are recorded with their
/// instance and keyword locations.
struct Evaluation {
    /// The program, borrowed for the evaluation (a pointer: copying the
    /// struct would retain each of its tables on every call). Hot paths read
    /// the tables through `hot` instead.
    ///
    /// `unowned(unsafe)` (no reference counting per evaluation): the
    /// ``Validator`` that starts the evaluation holds the box, and the box
    /// holds the tables, for the whole of ``with(_:_:maximumDepth:collectsErrors:recordsPasses:_:)``,
    /// which the evaluation cannot outlive (it is an `inout` argument there).
    unowned(unsafe) let box: ProgramBox
    var program: FlatProgram { box.program }
    unowned(unsafe) let hot: HotTables
    let tape: UnsafeBufferPointer<TapeNode>
    let arena: UnsafeBufferPointer<UInt8>
    /// The instance document, borrowed for the evaluation like the tape
    /// (read only on slow paths: messages, `const`/`enum` of containers).
    let documentPointer: UnsafePointer<JSONDocument>
    var document: JSONDocument { documentPointer.pointee }
    let maximumDepth: Int
    /// The dynamic scope, only for programs that need it (`nil` otherwise).
    ///
    /// Unretained: whoever starts the evaluation creates the scope and keeps
    /// it alive for the whole evaluation (see
    /// ``with(_:documentAt:maximumDepth:collectsErrors:recordsPasses:_:)``),
    /// which the evaluation cannot outlive — so an evaluation holds no
    /// strong reference and ending one releases nothing (releasing `nil`
    /// references through the value witness was a third of the cost of
    /// validating a small instance against an empty schema), and entering
    /// and leaving a resource, on every node of a program with
    /// `$dynamicRef`, borrows the scope without retaining it.
    let scopeHandle: Unmanaged<DynamicScope>?

    /// Enters `resource` when the scope is tracked; returns whether it was
    /// pushed (and must be left with ``leaveScope()``).
    @inline(__always)
    func enterScope(_ resource: Int32) -> Bool {
        tracksDynamicScope && scopeHandle.unsafelyUnwrapped._withUnsafeGuaranteedRef { $0.enter(resource) }
    }

    @inline(__always)
    func leaveScope() {
        scopeHandle.unsafelyUnwrapped._withUnsafeGuaranteedRef { $0.leave() }
    }

    /// The resources in the dynamic scope, outermost first (none when it is
    /// not tracked).
    var scopeResources: UnsafeBufferPointer<Int32> {
        guard tracksDynamicScope else { return UnsafeBufferPointer(start: nil, count: 0) }
        return scopeHandle.unsafelyUnwrapped._withUnsafeGuaranteedRef { $0.resources }
    }

    var depth = 0
    /// Set when the evaluation went deeper than `maximumDepth`.
    var exceededDepth = false
    /// Where errors go, or `nil` on the fast path (a reference, so that
    /// recording an error needs no exclusive access to the evaluation).
    /// Unowned and kept alive by whoever starts the evaluation, as the scope is.
    unowned(unsafe) let collectorReference: ErrorCollector?
    /// The collector when errors are collected; the flag is tested first,
    /// so the fast path never loads (and retains) the reference.
    @inline(__always) var collector: ErrorCollector? { collecting ? collectorReference : nil }
    /// The stack address where the evaluation began (see ``StackGuard``).
    let stackBase: UInt = StackGuard.currentAddress()

    init(
        program: ProgramBox, document: UnsafePointer<JSONDocument>, tape: UnsafeBufferPointer<TapeNode>, arena: UnsafeBufferPointer<UInt8>,
        maximumDepth: Int, collector: ErrorCollector?, dynamicScope: DynamicScope?
    ) {
        self.box = program
        self.hot = program.hot
        self.documentPointer = document
        self.tape = tape
        self.arena = arena
        self.maximumDepth = maximumDepth
        self.collectorReference = collector
        self.scopeHandle = dynamicScope.map { Unmanaged.passUnretained($0) }
        self.collecting = collector != nil
        self.tracksDynamicScope = dynamicScope != nil
    }

    /// Runs `body` with an evaluation of `document` against `program`.
    static func with<R>(
        _ program: ProgramBox, _ document: borrowing JSONDocument, maximumDepth: Int, collectsErrors: Bool, recordsPasses: Bool = false,
        _ body: (inout Evaluation) -> R
    ) -> R {
        withUnsafePointer(to: document) { documentPointer in
            with(program, documentAt: documentPointer, maximumDepth: maximumDepth, collectsErrors: collectsErrors, recordsPasses: recordsPasses, body)
        }
    }

    /// ``with(_:_:maximumDepth:collectsErrors:recordsPasses:_:)`` for a
    /// document read in place through `pointer`.
    static func with<R>(
        _ program: ProgramBox, documentAt pointer: UnsafePointer<JSONDocument>, maximumDepth: Int, collectsErrors: Bool,
        recordsPasses: Bool = false, _ body: (inout Evaluation) -> R
    ) -> R {
        // The references the evaluation holds unowned live here, for the
        // whole of `body`.
        let collector = collectsErrors ? ErrorCollector(recordsPasses: recordsPasses) : nil
        let scope = program.needsDynamicScope ? DynamicScope() : nil
        return withExtendedLifetime((collector, scope)) {
            // The document's own views of its tape: no retain per array.
            var evaluation = Evaluation(
                program: program, document: pointer, tape: pointer.pointee.tape, arena: pointer.pointee.arenaBytes,
                maximumDepth: maximumDepth, collector: collector, dynamicScope: scope)
            return body(&evaluation)
        }
    }

    /// Whether errors are collected (`collector != nil`), and whether the
    /// dynamic scope is tracked (`scopeHandle != nil`), as plain flags:
    /// testing an `unowned(unsafe)` reference for `nil` loads (and retains)
    /// it, which the fast path must not do on every node.
    let collecting: Bool
    let tracksDynamicScope: Bool

    /// The errors recorded so far (`nil` on the fast path). Setting it
    /// replaces them (used to discard a failed branch's errors).
    var errors: [ValidationError]? {
        get { collector?.errors }
        nonmutating set { if let newValue { collector?.errors = newValue } }
    }

    // MARK: Nodes

    /// Whether `instance` (a tape index) is valid against `node`; adds what
    /// it evaluated to `annotations` when that is non-nil.
    mutating func validate(_ node: Int, _ instance: Int, _ annotations: inout Annotations?) -> Bool {
        if annotations == nil && !collecting { return validate(node, instance) }
        let info = hot.nodes[node]
        if info.typeOnly >= 0 && !collecting {
            // A leaf that only checks the type: no frame, no scope.
            return typeMatches(instance, JSONTypeSet(rawValue: UInt8(truncatingIfNeeded: info.typeOnly)), literalIntegers: false)
        }
        return validateInFrame(node, info, instance, &annotations)
    }

    /// Whether `instance` is valid against `node`, with no annotations
    /// wanted: the fast path (fused node forms, then the node's
    /// instructions, stopping at the first failure), unless errors are
    /// collected or the node has `unevaluated*` keywords.
    mutating func validate(_ node: Int, _ instance: Int) -> Bool {
        let info = hot.nodes[node]
        if collecting || info.hasUnevaluated {
            var none: Annotations? = nil
            return validateInFrame(node, info, instance, &none)
        }
        if info.typeOnly >= 0 {
            // A leaf that only checks the type: no frame, no scope.
            return typeMatches(instance, JSONTypeSet(rawValue: UInt8(truncatingIfNeeded: info.typeOnly)), literalIntegers: false)
        }
        if info.arrayOfType >= 0 {
            return isArrayOfType(instance, info)
        }
        if info.objectShape >= 0 {
            // The node's resource joins the dynamic scope for its members.
            let pushed = enterScope(info.resource)
            let valid = isObjectShape(instance, hot.objectShapes[Int(info.objectShape)])
            if pushed { leaveScope() }
            return valid
        }
        if info.arrayOfShape >= 0 {
            return isArrayOfShape(instance, info)
        }
        if depth >= maximumDepth || (depth & 15 == 15 && StackGuard.used(since: stackBase) > StackGuard.budget) {
            exceededDepth = true
            return false
        }
        if info.count == 0 { return true }
        depth += 1
        let pushed = enterScope(info.resource)
        var valid = true
        var none: Annotations? = nil
        var pc = Int(info.first)
        let end = pc + Int(info.count)
        while pc < end {
            // `$ref` and `type` (the commonest instructions) without the dispatch.
            let instruction = hot.instructions[pc]
            let ok: Bool
            switch instruction.opcode {
            case .ref: ok = validate(Int(instruction.a), instance)
            case .type:
                ok = typeMatches(instance, JSONTypeSet(rawValue: UInt8(truncatingIfNeeded: instruction.a)), literalIntegers: instruction.b != 0)
            default: ok = check(pc, node: node, instance, &none)
            }
            if !ok {
                valid = false
                break
            }
            pc += 1
        }
        if pushed { leaveScope() }
        depth -= 1
        return valid
    }

    /// A node evaluated in its own frame with every keyword run in order:
    /// annotations for `unevaluated*`, or error collection.
    mutating func validateInFrame(_ node: Int, _ info: FlatProgram.Node, _ instance: Int, _ annotations: inout Annotations?) -> Bool {
        if depth >= maximumDepth || (depth & 15 == 15 && StackGuard.used(since: stackBase) > StackGuard.budget) {
            exceededDepth = true
            if collecting {
                report(node, -1, instance, .depth(depth))
            }
            return false
        }
        if info.count == 0 { return true }
        depth += 1
        let pushed = enterScope(info.resource)
        let valid = validateWithAnnotations(node, info, instance, &annotations)
        if pushed { leaveScope() }
        depth -= 1
        return valid
    }

    /// An array node of ``FlatProgram/Node/arrayOfType`` shape: the type,
    /// the count bounds and every element's type, in one loop.
    @inline(__always)
    func isArrayOfType(_ instance: Int, _ info: FlatProgram.Node) -> Bool {
        Evaluation.isArrayOfType(tape.baseAddress!, instance, info, arena: arena)
    }

    /// ``isArrayOfType(_:_:)`` over the tape's nodes, with no `self`: the
    /// loops that call it keep everything in registers.
    @inline(__always)
    static func isArrayOfType(_ nodes: UnsafePointer<TapeNode>, _ instance: Int, _ info: FlatProgram.Node, arena: UnsafeBufferPointer<UInt8>) -> Bool {
        let node = nodes[instance]
        guard node.kind == .array else { return false }
        let count = Int32(truncatingIfNeeded: node.length)
        guard count >= info.arrayMinItems, count <= info.arrayMaxItems else { return false }
        let types = UInt8(truncatingIfNeeded: info.arrayOfType)
        var child = instance &+ 1
        let end = Int(truncatingIfNeeded: node.payload)
        while child < end {
            let element = nodes[child]
            if !Evaluation.node(element, hasTypes: types, arena: arena) { return false }
            child = Evaluation.next(after: element, at: child)
        }
        return true
    }

    /// Whether every node in `start..<end` (the elements of an array) is
    /// an array of ``FlatProgram/Node/arrayOfType`` form `info`: the
    /// coordinates of GeoJSON, in one tight loop of its own.
    @inline(never)
    static func areArraysOfType(
        _ tape: UnsafeBufferPointer<TapeNode>, from start: Int, to end: Int, _ info: FlatProgram.Node, arena: UnsafeBufferPointer<UInt8>
    ) -> Bool {
        let nodes = tape.baseAddress!
        var child = start
        while child < end {
            if !isArrayOfType(nodes, child, info, arena: arena) { return false }
            let element = nodes[child]
            child = Evaluation.next(after: element, at: child)
        }
        return true
    }

    /// The index of the node after `node` (at `index`) and its subtree: a
    /// container's stored end, else the next node.
    @inline(__always)
    static func next(after node: TapeNode, at index: Int) -> Int {
        node.kind == .array || node.kind == .object ? Int(truncatingIfNeeded: node.payload) : index &+ 1
    }

    /// An array node of ``FlatProgram/Node/arrayOfShape`` form: the type,
    /// the count bounds and every element's object shape, in one loop.
    mutating func isArrayOfShape(_ instance: Int, _ info: FlatProgram.Node) -> Bool {
        let nodes = tape.baseAddress!
        let array = nodes[instance]
        guard array.kind == .array else { return false }
        let count = Int32(truncatingIfNeeded: array.length)
        guard count >= info.arrayMinItems, count <= info.arrayMaxItems else { return false }
        let shape = hot.objectShapes[Int(info.arrayOfShape)]
        depth += 1
        defer { depth -= 1 }
        var child = instance &+ 1
        let end = Int(truncatingIfNeeded: array.payload)
        if shape.leafExact && depth < maximumDepth {
            // Records of scalars (the commonest array of objects): each
            // checked in this loop, with the tables read once.
            let members = Int(shape.entriesCount)
            let entries = hot.shapeEntries.baseAddress! + Int(shape.entriesStart)
            let entryTypes = hot.shapeEntryTypes.baseAddress! + Int(shape.entriesStart)
            let heads = hot.shapeEntryHeads.baseAddress! + Int(shape.entriesStart)
            let names = UnsafeRawPointer(hot.names.baseAddress!)
            while child < end {
                let element = nodes[child]
                if element.kind == .object && Int(element.length) == members,
                    let verdict = Evaluation.leafExactVerdict(
                        nodes + (child &+ 1), members: members, entries: entries, entryTypes: entryTypes, heads: heads, names: names,
                        arena: arena)
                {
                    if !verdict { return false }
                } else if !isObjectShape(child, shape) {
                    return false
                }
                child = Evaluation.next(after: element, at: child)
            }
            return true
        }
        while child < end {
            if !isObjectShape(child, shape) { return false }
            let element = nodes[child]
            child = Evaluation.next(after: element, at: child)
        }
        return true
    }

    /// An object node of ``FlatProgram/ObjectShape`` form, in one pass over
    /// its members (values of type-only schemas checked inline).
    mutating func isObjectShape(_ instance: Int, _ shape: FlatProgram.ObjectShape) -> Bool {
        // The tape and table bases in locals: the loop calls out (nested
        // validation), so reading them through `self` would reload them for
        // every member, and a call on `self` would copy the evaluation.
        let nodes = tape.baseAddress!
        let object = nodes[instance]
        guard object.kind == .object else {
            // Not an object: only the node's `type` applies.
            let types = shape.nonObjectTypes
            return Evaluation.node(object, hasTypes: types, arena: arena)
        }
        if depth >= maximumDepth { return failDepthExceeded() }
        var seen: UInt64 = 0
        var child = instance &+ 1
        let end = Int(truncatingIfNeeded: object.payload)
        let count = Int(shape.entriesCount)
        let entries = hot.shapeEntries.baseAddress! + Int(shape.entriesStart)
        let entryTypes = hot.shapeEntryTypes.baseAddress! + Int(shape.entriesStart)
        let heads = hot.shapeEntryHeads.baseAddress! + Int(shape.entriesStart)
        let names = UnsafeRawPointer(hot.names.baseAddress!)
        let arenaBase = UnsafeRawPointer(arena.baseAddress!)
        if shape.leafExact && Int(object.length) == count,
            let verdict = Evaluation.leafExactVerdict(
                nodes + child, members: count, entries: entries, entryTypes: entryTypes, heads: heads, names: names, arena: arena)
        {
            return verdict
        }
        while child < end {
            let key = nodes[child]
            let value = child &+ 1
            let valueNode = nodes[value]
            let isContainer = valueNode.kind == .array || valueNode.kind == .object
            let valueEnd = isContainer ? Int(truncatingIfNeeded: valueNode.payload) : value &+ 1
            if key.flags & TapeNode.shadowedFlag == 0 {
                let matched = Evaluation.entryPosition(
                    of: key, count: count, entries: entries, heads: heads, names: names, arenaBase: arenaBase)
                if shape.patternsCount > 0 || matched < 0 {
                    guard shapeAcceptsUnnamedOrPatterned(child, value, shape, named: matched >= 0) else { return false }
                }
                if matched >= 0 {
                    seen |= 1 &<< UInt64(truncatingIfNeeded: matched)
                    let typeOnly = entryTypes[matched]
                    if typeOnly >= 0 {
                        if !Evaluation.node(valueNode, hasTypes: UInt8(truncatingIfNeeded: typeOnly), arena: arena) { return false }
                    } else {
                        let subschema = Int(entries[matched].node)
                        if subschema >= 0 {
                            depth += 1
                            let ok: Bool
                            switch typeOnly {
                            case ShapeEntryForm.objectShape:
                                ok = isObjectShape(value, hot.objectShapes[Int(hot.nodes[subschema].objectShape)])
                            case ShapeEntryForm.arrayOfShape:
                                ok = isArrayOfShape(value, hot.nodes[subschema])
                            default:
                                ok = validate(subschema, value)
                            }
                            depth -= 1
                            if !ok { return false }
                        }
                    }
                }
            }
            child = valueEnd
        }
        return seen & shape.requiredMask == shape.requiredMask
    }

    /// The position among a shape's `count` entries of the one that names
    /// `key`, or −1. A short key is its payload (``TapeNode``): one word and
    /// a length against each entry's; a longer one is compared as bytes.
    @inline(__always)
    static func entryPosition(
        of key: TapeNode, count: Int, entries: UnsafePointer<FlatProgram.Entry>, heads: UnsafePointer<UInt64>,
        names: UnsafeRawPointer, arenaBase: UnsafeRawPointer
    ) -> Int {
        let keyLength = Int(key.length)
        var position = 0
        if keyLength <= TapeNode.inlineKeyLimit {
            let word = key.payload
            while position < count {
                if heads[position] == word && Int(entries[position].name.length) == keyLength { return position }
                position &+= 1
            }
        } else {
            let keyBytes = arenaBase + Int(truncatingIfNeeded: key.payload)
            while position < count {
                let name = entries[position].name
                if Int(name.length) == keyLength && Evaluation.sameBytes(keyBytes, names + Int(name.start), keyLength) { return position }
                position &+= 1
            }
        }
        return -1
    }

    /// An object with exactly as many members as its ``FlatProgram/ObjectShape/leafExact``
    /// shape has entries: valid when every member is named by an entry and
    /// has its types. Members are distinct (a repeated name is an error or
    /// leaves the earlier one shadowed), so a match for each means every
    /// required name is there. `nil` when a member is shadowed (the general
    /// loop decides). Static, with the tables passed in: few live values.
    static func leafExactVerdict(
        _ first: UnsafePointer<TapeNode>, members: Int, entries: UnsafePointer<FlatProgram.Entry>,
        entryTypes: UnsafePointer<Int16>, heads: UnsafePointer<UInt64>, names: UnsafeRawPointer, arena: UnsafeBufferPointer<UInt8>
    ) -> Bool? {
        let arenaBase = UnsafeRawPointer(arena.baseAddress!)
        var key = first
        let end = first + 2 * members
        while key < end {
            let keyNode = key.pointee
            if keyNode.flags & TapeNode.shadowedFlag != 0 { return nil }
            let position = Evaluation.entryPosition(
                of: keyNode, count: members, entries: entries, heads: heads, names: names, arenaBase: arenaBase)
            if position < 0 { return false }
            let value = key[1]
            if !Evaluation.node(value, hasTypes: UInt8(truncatingIfNeeded: entryTypes[position]), arena: arena) { return false }
            key += 2
        }
        return true
    }

    /// The rest of a shape's check of one member: its `patternProperties`
    /// (which apply to every member, named or not), and for a member no
    /// property names, `additionalProperties`. Out of line: the common
    /// shape has neither patterns nor unnamed members.
    @inline(never)
    mutating func shapeAcceptsUnnamedOrPatterned(_ keyIndex: Int, _ value: Int, _ shape: FlatProgram.ObjectShape, named: Bool) -> Bool {
        var patternMatched = false
        if shape.patternsCount > 0 {
            let keyBytes = bytes(keyIndex)
            for position in Int(shape.patternsStart)..<Int(shape.patternsStart + shape.patternsCount) {
                let entry = hot.patternEntries[position]
                guard ECMARegex.matches(hot.regexes.baseAddress! + Int(entry.regex), utf8: keyBytes) else { continue }
                patternMatched = true
                depth += 1
                let ok = validate(Int(entry.node), value)
                depth -= 1
                if !ok { return false }
            }
        }
        if named || patternMatched { return true }
        if shape.closed { return false }
        if shape.additional >= 0 {
            depth += 1
            let ok = validate(Int(shape.additional), value)
            depth -= 1
            if !ok { return false }
        }
        return true
    }

    /// Whether a node has one of the JSON types in `types` (bits of
    /// ``JSONTypeSet``): the certain types of its kind first (no call); only
    /// a decimal tested for `integer` needs its value.
    @inline(__always)
    static func node(_ node: TapeNode, hasTypes types: UInt8, arena: UnsafeBufferPointer<UInt8>) -> Bool {
        certainTypes(of: node.kind) & types != 0 || decimalIsInteger(node, types, arena: arena)
    }

    /// Whether a node whose kind alone does not meet `types` does after
    /// all: a decimal literal (`1.0`) whose value is an integer, when `types`
    /// has `integer`. Static and out of line, off the hot path: a call on
    /// `self` from a mutating loop would copy the evaluation on every turn.
    @inline(never)
    static func decimalIsInteger(_ node: TapeNode, _ types: UInt8, arena: UnsafeBufferPointer<UInt8>) -> Bool {
        guard node.kind == .decimal, types & JSONTypeSet.integer.rawValue != 0 else { return false }
        let start = Int(truncatingIfNeeded: node.payload)
        let literal = UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(arena)[start..<start + Int(node.length)])
        return JSONNumber(validatedLiteral: literal).isInteger
    }

    /// Past the depth limit: record it (the fused paths have no frame of
    /// their own) and fail, as ``validate(_:_:_:)`` does.
    mutating func failDepthExceeded() -> Bool {
        exceededDepth = true
        return false
    }

    /// The slow path of ``validate(_:_:_:)``: annotations for
    /// `unevaluated*`, or error collection (every keyword runs).
    @inline(never)
    mutating func validateWithAnnotations(_ node: Int, _ info: FlatProgram.Node, _ instance: Int, _ annotations: inout Annotations?) -> Bool {
        var valid = true
        var local: Annotations? = Annotations()
        var pc = Int(info.first)
        let end = pc + Int(info.count)
        while pc < end {
            if let collector { collector.keywordPath.append(program.instructionNames[pc]) }
            let ok = check(pc, node: node, instance, &local)
            if let collector, collector.recordsPasses, ok { pass(node, pc) }
            if let collector { collector.keywordPath.removeLast() }
            if !ok {
                valid = false
                if !collecting { break }
            }
            pc += 1
        }
        if valid, annotations != nil, let local { annotations!.merge(local) }
        return valid
    }

    /// Validates a child instance (an element or member value). Inlined, so
    /// that on the fast path the callers' unused location tokens vanish.
    @inline(__always)
    mutating func validateChild(_ node: Int, _ instance: Int, token: String, keywordToken: String? = nil) -> Bool {
        guard collecting else { return validate(node, instance) }
        return validateChildCollecting(node, instance, token: token, keywordToken: keywordToken)
    }

    /// ``validateChild(_:_:token:keywordToken:)`` while collecting errors:
    /// the child's location joins the paths for its evaluation.
    @inline(never)
    mutating func validateChildCollecting(_ node: Int, _ instance: Int, token: String, keywordToken: String?) -> Bool {
        let collector = collector!
        collector.instancePath.append(token)
        if let keywordToken { collector.keywordPath.append(keywordToken) }
        let ok = validate(node, instance)
        collector.instancePath.removeLast()
        if keywordToken != nil { collector.keywordPath.removeLast() }
        return ok
    }

    /// Validates the same instance against a subschema reached through an
    /// extra keyword token (e.g. the index of an `allOf` branch).
    @inline(__always)
    mutating func validateInPlace(_ node: Int, _ instance: Int, _ annotations: inout Annotations?, keywordToken: String?) -> Bool {
        guard collecting, let keywordToken else { return validate(node, instance, &annotations) }
        return validateInPlaceCollecting(node, instance, &annotations, keywordToken: keywordToken)
    }

    @inline(never)
    mutating func validateInPlaceCollecting(_ node: Int, _ instance: Int, _ annotations: inout Annotations?, keywordToken: String) -> Bool {
        let collector = collector!
        collector.keywordPath.append(keywordToken)
        let ok = validate(node, instance, &annotations)
        collector.keywordPath.removeLast()
        return ok
    }

    // MARK: Output

    /// Records that an instruction passed (verbose output only).
    func pass(_ node: Int, _ pc: Int) {
        guard collecting, let collector else { return }
        collector.passes.append(
            ValidationError(
                instanceLocation: JSONPointer(tokens: collector.instancePath), keywordLocation: JSONPointer(tokens: collector.keywordPath),
                absoluteKeywordLocation: program.location(of: node) + "/" + JSONPointer.escape(program.instructionNames[pc]), message: ""))
    }

    /// Records a failure of instruction `pc` (−1: the node itself).
    func fail(_ node: Int, _ pc: Int, _ instance: Int, _ message: String, keyword: String? = nil) {
        guard collecting, let collector else { return }
        var absolute = program.location(of: node)
        let name = keyword ?? (pc >= 0 ? program.instructionNames[pc] : "")
        if !name.isEmpty { absolute += "/" + JSONPointer.escape(name) }
        var path = collector.keywordPath
        if let keyword, !path.isEmpty { path[path.count - 1] = keyword }
        collector.errors.append(
            ValidationError(
                instanceLocation: JSONPointer(tokens: collector.instancePath), keywordLocation: JSONPointer(tokens: path),
                absoluteKeywordLocation: absolute, message: message))
    }
}

/// Collected validation errors (a reference shared by one evaluation).
/// The resources of the dynamic scope, outermost first (for `$dynamicRef`
/// and `$recursiveRef`). A plain stack in manually managed memory: the
/// evaluator pushes and pops it on every node, and a Swift array in a
/// class would pay dynamic exclusivity checks on each access.
final class DynamicScope {
    private var storage: UnsafeMutablePointer<Int32>
    private var capacity = 16
    /// How many resources are in the scope.
    private(set) var count = 0

    init() {
        storage = .allocate(capacity: capacity)
    }

    deinit {
        storage.deallocate()
    }

    /// The resources, outermost first.
    var resources: UnsafeBufferPointer<Int32> { UnsafeBufferPointer(start: storage, count: count) }

    /// Enters `resource` unless it is already the innermost; returns whether
    /// it was pushed (and must be left).
    @inline(__always)
    func enter(_ resource: Int32) -> Bool {
        if count > 0 && storage[count - 1] == resource { return false }
        if count == capacity {
            let grown = UnsafeMutablePointer<Int32>.allocate(capacity: capacity * 2)
            grown.moveInitialize(from: storage, count: count)
            storage.deallocate()
            storage = grown
            capacity *= 2
        }
        storage[count] = resource
        count += 1
        return true
    }

    @inline(__always)
    func leave() {
        count -= 1
    }
}

final class ErrorCollector {
    var errors: [ValidationError] = []
    /// Where the evaluation is: the instance location and the keyword path
    /// (kept here, so that the fast path's evaluation holds no arrays).
    var instancePath: [String] = []
    var keywordPath: [String] = []
    /// Keywords that passed (for the verbose output format).
    var passes: [ValidationError] = []
    let recordsPasses: Bool

    init(recordsPasses: Bool) {
        self.recordsPasses = recordsPasses
    }
}

/// Bounds the stack an evaluation may use, so that a deep instance against a
/// recursive schema ends in a clear error on any thread (a secondary thread
/// may have only 512 KiB), whatever the build's frame sizes.
enum StackGuard {
    /// The most stack one evaluation may use: well inside the 8 MiB that
    /// Linux threads get by default, and inside the 512 KiB of secondary
    /// threads on Apple platforms.
    #if os(Linux)
    static let budget: UInt = 4 * 1024 * 1024
    #else
    static let budget: UInt = 384 * 1024
    #endif

    /// The address of a local of the calling frame: the stack pointer,
    /// near enough (inlined, it costs one `lea` and a store).
    @inline(__always)
    static func currentAddress() -> UInt {
        var marker: UInt8 = 0
        return withUnsafePointer(to: &marker) { UInt(bitPattern: $0) }
    }

    /// Bytes of stack used since `base` (stacks grow down).
    @inline(__always)
    static func used(since base: UInt) -> UInt {
        let here = currentAddress()
        return base > here ? base - here : 0
    }
}
