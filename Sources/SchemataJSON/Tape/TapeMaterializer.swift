/// Builds ``JSONValue`` trees from tape nodes without recursion.
///
/// Also serves partial documents (streaming snapshots), where containers may
/// still be open: `limit` bounds the nodes that exist, and the containers in
/// `openContainers` are closed at the limit.
struct TapeMaterializer {
    let nodes: [TapeNode]
    let arena: [UInt8]

    init(document: JSONDocument) {
        self.nodes = document.nodes
        self.arena = document.arena
    }

    init(nodes: [TapeNode], arena: [UInt8]) {
        self.nodes = nodes
        self.arena = arena
    }

    /// The scalar value of a (non-container) node.
    func scalar(_ node: TapeNode) -> JSONValue {
        arena.withUnsafeBufferPointer { TapeMaterializer.scalar(node, arena: $0) }
    }

    @inline(__always)
    static func string(_ node: TapeNode, arena: UnsafeBufferPointer<UInt8>) -> String {
        node.text(arena: UnsafeRawBufferPointer(arena))
    }

    @inline(__always)
    static func scalar(_ node: TapeNode, arena: UnsafeBufferPointer<UInt8>) -> JSONValue {
        switch node.kind {
        case .null: return .null
        case .false: return .bool(false)
        case .true: return .bool(true)
        case .integer: return .number(JSONNumber(storage: .integer(Int64(bitPattern: node.payload))))
        case .decimal:
            let start = Int(node.payload)
            let bytes = UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: arena[start..<start + Int(node.length)]))
            return .number(JSONNumber(validatedLiteral: bytes))
        case .string, .key: return .string(string(node, arena: arena))
        case .array, .object: return .null
        }
    }

    private struct Frame {
        var isObject: Bool
        var receivesTail: Bool
        var end: Int
        var keys: [JSONKey]
        var values: [JSONValue]
        var pendingKey: String?
        var skipNextValue = false

        init(isObject: Bool, receivesTail: Bool, end: Int, capacity: Int) {
            self.isObject = isObject
            self.receivesTail = receivesTail
            self.end = end
            self.keys = []
            self.values = []
            if isObject { keys.reserveCapacity(capacity) }
            values.reserveCapacity(capacity)
        }

        @inline(__always)
        mutating func add(_ value: JSONValue) {
            if isObject {
                if skipNextValue {
                    skipNextValue = false
                } else if let key = pendingKey {
                    keys.append(JSONKey(key))
                    values.append(value)
                }
                pendingKey = nil
            } else {
                values.append(value)
            }
        }

        func build() -> JSONValue {
            // Keys are unique here: duplicates were rejected or shadowed.
            isObject ? .object(JSONObject(uniqueMembers: keys, values: values)) : .array(values)
        }
    }

    /// The value at `index`. Nodes at or past `limit` do not exist yet; the
    /// containers in `openContainers` (outermost first) end at the limit, and
    /// `tail` (the in-flight scalar of a stream) goes into the innermost one.
    func value(at index: Int, limit: Int, openContainers: [Int], tail: JSONValue? = nil) -> JSONValue {
        guard index < limit else { return tail ?? .null }
        return nodes.withUnsafeBufferPointer { nodes in
            arena.withUnsafeBufferPointer { arena in
                TapeMaterializer.build(
                    nodes: nodes, arena: arena, index: index, limit: limit, openContainers: openContainers, tail: tail)
            }
        }
    }

    private static func build(
        nodes: UnsafeBufferPointer<TapeNode>, arena: UnsafeBufferPointer<UInt8>, index: Int, limit: Int,
        openContainers: [Int], tail: JSONValue?
    ) -> JSONValue {
        let first = nodes[index]
        if first.kind != .array && first.kind != .object { return scalar(first, arena: arena) }
        let innermostOpen = openContainers.last ?? -1
        var stack: [Frame] = []
        stack.reserveCapacity(16)
        var pendingTail = tail
        var result: JSONValue = .null

        @inline(__always)
        func frame(for node: TapeNode, at position: Int) -> Frame {
            let isOpen = !openContainers.isEmpty && openContainers.contains(position)
            return Frame(
                isObject: node.kind == .object, receivesTail: position == innermostOpen,
                end: isOpen ? limit : Int(node.payload), capacity: Int(node.length))
        }

        stack.append(frame(for: first, at: index))
        var cursor = index + 1
        while true {
            let top = stack.count - 1
            if cursor >= stack[top].end {
                if stack[top].receivesTail, let value = pendingTail {
                    if !stack[top].isObject || stack[top].pendingKey != nil { stack[top].add(value) }
                    pendingTail = nil
                }
                let built = stack.removeLast().build()
                if stack.isEmpty {
                    result = built
                    break
                }
                stack[stack.count - 1].add(built)
                continue
            }
            let node = nodes[cursor]
            switch node.kind {
            case .key:
                stack[top].pendingKey = string(node, arena: arena)
                stack[top].skipNextValue = node.isShadowed
            case .array, .object:
                stack.append(frame(for: node, at: cursor))
            default:
                stack[top].add(scalar(node, arena: arena))
            }
            cursor += 1
        }
        return result
    }
}
