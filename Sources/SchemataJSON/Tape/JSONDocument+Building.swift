extension JSONDocument {
    /// The tape of a value (spans are empty: the value has no source text).
    /// Iterative, so any depth is safe.
    public init(value: JSONValue) {
        var nodes: [TapeNode] = []
        var arena: [UInt8] = []
        enum Work {
            case value(JSONValue)
            case key(String)
            case close(Int)
        }
        var work: [Work] = [.value(value)]
        func appendString(_ text: String, kind: TapeKind) {
            let offset = arena.count
            arena.append(contentsOf: text.utf8)
            nodes.append(TapeNode(kind: kind, length: UInt32(arena.count - offset), payload: UInt64(offset)))
        }
        while let item = work.popLast() {
            switch item {
            case .key(let name):
                appendString(name, kind: .key)
            case .close(let index):
                nodes[index].payload = UInt64(nodes.count)
            case .value(let value):
                switch value {
                case .null: nodes.append(TapeNode(kind: .null))
                case .bool(let flag): nodes.append(TapeNode(kind: flag ? .true : .false))
                case .number(let number):
                    if case .integer(let small) = number.storage {
                        nodes.append(TapeNode(kind: .integer, payload: UInt64(bitPattern: small)))
                    } else {
                        appendString(number.text, kind: .decimal)
                    }
                case .string(let text): appendString(text, kind: .string)
                case .array(let elements):
                    nodes.append(TapeNode(kind: .array, length: UInt32(elements.count)))
                    work.append(.close(nodes.count - 1))
                    for element in elements.reversed() { work.append(.value(element)) }
                case .object(let object):
                    nodes.append(TapeNode(kind: .object, length: UInt32(object.count)))
                    work.append(.close(nodes.count - 1))
                    for member in object.reversed() {
                        work.append(.value(member.value))
                        work.append(.key(member.key))
                    }
                }
            }
        }
        self.init(nodes: nodes, spans: [SourceSpan](repeating: SourceSpan(start: 0, end: 0), count: nodes.count), arena: arena)
    }
}
