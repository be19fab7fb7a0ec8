extension JSONDocument {
    /// The tape of a value (spans are empty: the value has no source text).
    /// Any depth is safe: values up to ``ValueTapeWriter/recursionLimit``
    /// levels deep (all but pathological ones) are written by recursion,
    /// which needs no stack of copied values; deeper ones by an explicit
    /// stack.
    public init(value: JSONValue) {
        var writer = ValueTapeWriter()
        if writer.write(value, depth: 0) {
            self.init(written: writer)
        } else {
            self.init(deepValue: value)
        }
    }

    /// The document a writer holds (zero-length spans: no source text).
    init(written writer: ValueTapeWriter) {
        self.init(
            nodes: writer.nodes, spans: [SourceSpan](repeating: SourceSpan(start: 0, end: 0), count: writer.nodes.count),
            arena: writer.arena)
    }

    /// ``init(value:)`` for values too deep to write by recursion: the same
    /// writer, driven by an explicit stack.
    package init(deepValue value: JSONValue) {
        var writer = ValueTapeWriter()
        enum Work {
            case value(JSONValue)
            case key(String)
            case close(Int)
        }
        var work: [Work] = [.value(value)]
        while let item = work.popLast() {
            switch item {
            case .key(let name):
                writer.string(name, kind: .key)
            case .close(let index):
                writer.nodes[index].payload = UInt64(writer.nodes.count)
            case .value(let value):
                if writer.scalar(value) { continue }
                switch value {
                case .array(let elements):
                    writer.nodes.append(TapeNode(kind: .array, length: UInt32(elements.count)))
                    work.append(.close(writer.nodes.count - 1))
                    for element in elements.reversed() { work.append(.value(element)) }
                case .object(let object):
                    writer.nodes.append(TapeNode(kind: .object, length: UInt32(object.count)))
                    work.append(.close(writer.nodes.count - 1))
                    for member in object.reversed() {
                        work.append(.value(member.value))
                        work.append(.key(member.key))
                    }
                default:
                    break
                }
            }
        }
        self.init(written: writer)
    }
}

/// Writes a value's tape by recursion (see ``JSONDocument/init(value:)``).
struct ValueTapeWriter {
    /// Deeper values are left to the iterative writer.
    static let recursionLimit = 400

    var nodes: [TapeNode]
    var arena: [UInt8]

    /// Starts with room for a small schema's tape: one allocation for each
    /// array where growing from empty took seven or eight (this writer runs
    /// at every compile, for the meta-schema check).
    init() {
        nodes = []
        nodes.reserveCapacity(128)
        arena = []
        arena.reserveCapacity(2048)
    }

    mutating func string(_ text: String, kind: TapeKind) {
        var text = text
        text.withUTF8 { bytes in
            let raw = UnsafeRawBufferPointer(bytes)
            if kind == .key && raw.count <= TapeNode.inlineKeyLimit {
                // A short name is stored in its node (see ``TapeNode``).
                nodes.append(TapeNode.inlineKey(raw))
                return
            }
            let offset = arena.count
            arena.append(contentsOf: raw)
            nodes.append(TapeNode(kind: kind, length: UInt32(raw.count), payload: UInt64(offset)))
        }
    }

    /// Appends the node of a scalar value and returns `true`; returns
    /// `false` (appending nothing) for an array or object.
    mutating func scalar(_ value: JSONValue) -> Bool {
        switch value {
        case .null: nodes.append(TapeNode(kind: .null))
        case .bool(let flag): nodes.append(TapeNode(kind: flag ? .true : .false))
        case .number(let number):
            if case .integer(let small) = number.storage {
                nodes.append(TapeNode(kind: .integer, payload: UInt64(bitPattern: small)))
            } else {
                string(number.text, kind: .decimal)
            }
        case .string(let text): string(text, kind: .string)
        case .array, .object: return false
        }
        return true
    }

    /// Appends `value`'s nodes; `false` (leaving a partial tape) when it is
    /// nested deeper than ``recursionLimit``.
    mutating func write(_ value: JSONValue, depth: Int) -> Bool {
        if scalar(value) { return true }
        switch value {
        case .array(let elements):
            guard depth < ValueTapeWriter.recursionLimit else { return false }
            let index = nodes.count
            nodes.append(TapeNode(kind: .array, length: UInt32(elements.count)))
            for position in elements.indices where !write(elements[position], depth: depth + 1) { return false }
            nodes[index].payload = UInt64(nodes.count)
        case .object(let object):
            guard depth < ValueTapeWriter.recursionLimit else { return false }
            let index = nodes.count
            nodes.append(TapeNode(kind: .object, length: UInt32(object.members.count)))
            for position in object.members.indices {
                string(object.members[position].key.string, kind: .key)
                guard write(object.members[position].value, depth: depth + 1) else { return false }
            }
            nodes[index].payload = UInt64(nodes.count)
        default:
            break
        }
        return true
    }
}
