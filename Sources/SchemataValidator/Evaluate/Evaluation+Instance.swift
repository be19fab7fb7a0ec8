import SchemataJSON

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading the instance off the tape (object keys count as strings, so that
/// `propertyNames` can validate a key node directly).
extension Evaluation {
    @inline(__always)
    func kind(_ index: Int) -> TapeKind { tape[index].kind }

    @inline(__always)
    func isString(_ index: Int) -> Bool {
        let kind = tape[index].kind
        return kind == .string || kind == .key
    }

    @inline(__always)
    func isNumber(_ index: Int) -> Bool {
        let kind = tape[index].kind
        return kind == .integer || kind == .decimal
    }

    @inline(__always)
    func count(_ index: Int) -> Int { Int(tape[index].length) }

    @inline(__always)
    func subtreeEnd(_ index: Int) -> Int {
        let node = tape[index]
        if node.kind == .array || node.kind == .object { return Int(node.payload) }
        if node.kind == .key {
            let value = tape[index + 1]
            return value.kind == .array || value.kind == .object ? Int(value.payload) : index + 2
        }
        return index + 1
    }

    /// Where the bytes of a string, key or decimal node start: in the
    /// arena, or for a short key in the node's own payload (see
    /// ``TapeNode``). Both stay put and unchanged for the evaluation: the
    /// tape and the arena are immutable once built.
    @inline(__always)
    func textStart(_ index: Int) -> UnsafeRawPointer {
        let node = tape[index]
        if node.hasInlineBytes { return UnsafeRawPointer(tape.baseAddress! + index) + Evaluation.payloadOffset }
        return UnsafeRawPointer(arena.baseAddress! + Int(truncatingIfNeeded: node.payload))
    }

    /// The byte offset of ``TapeNode/payload`` in a node: its last eight
    /// bytes (a constant, not a lazily computed global, on this path; a
    /// test checks it against the layout).
    @inline(__always)
    static var payloadOffset: Int { MemoryLayout<TapeNode>.size - MemoryLayout<UInt64>.size }

    /// The bytes of a string, key or decimal node. A short key's are read
    /// in place in its node: the tape is immutable memory of a trivial type,
    /// so viewing the payload's bytes as `UInt8`s reads exactly what the
    /// parser stored there (``TapeNode/inlineWord(_:)``).
    @inline(__always)
    func bytes(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: textStart(index).assumingMemoryBound(to: UInt8.self), count: Int(tape[index].length))
    }

    func string(_ index: Int) -> String {
        String(decoding: bytes(index), as: UTF8.self)
    }

    func number(_ index: Int) -> JSONNumber {
        let node = tape[index]
        if node.kind == .integer { return JSONNumber(Int64(bitPattern: node.payload)) }
        return JSONNumber(validatedLiteral: UnsafeRawBufferPointer(bytes(index)))
    }

    /// A pooled name as text (messages and paths only).
    func nameText(_ name: FlatProgram.Name) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: hot.names[Int(name.start)..<Int(name.start + name.length)]), as: UTF8.self)
    }

    /// Whether a node is the `false` schema.
    @inline(__always)
    func isAlwaysFalse(_ node: Int) -> Bool {
        let info = hot.nodes[node]
        return info.count > 0 && hot.instructions[Int(info.first)].opcode == .alwaysFalse
    }

    /// Whether key node `key` is the pooled name.
    @inline(__always)
    func keyIs(_ key: Int, _ name: FlatProgram.Name) -> Bool {
        let node = tape[key]
        let length = Int(name.length)
        guard Int(node.length) == length else { return false }
        return Evaluation.sameBytes(textStart(key), UnsafeRawPointer(hot.names.baseAddress! + Int(name.start)), length)
    }

    /// Whether `length` bytes at `a` and `b` are equal. Short names (nearly
    /// all): two overlapping word loads cover every byte without reading
    /// past either name.
    @inline(__always)
    static func sameBytes(_ a: UnsafeRawPointer, _ b: UnsafeRawPointer, _ length: Int) -> Bool {
        switch length {
        case 8...16:
            return a.loadUnaligned(as: UInt64.self) == b.loadUnaligned(as: UInt64.self)
                && a.loadUnaligned(fromByteOffset: length - 8, as: UInt64.self) == b.loadUnaligned(fromByteOffset: length - 8, as: UInt64.self)
        case 4..<8:
            return a.loadUnaligned(as: UInt32.self) == b.loadUnaligned(as: UInt32.self)
                && a.loadUnaligned(fromByteOffset: length - 4, as: UInt32.self) == b.loadUnaligned(fromByteOffset: length - 4, as: UInt32.self)
        case 0..<4:
            var index = 0
            while index < length {
                if a.load(fromByteOffset: index, as: UInt8.self) != b.load(fromByteOffset: index, as: UInt8.self) { return false }
                index += 1
            }
            return true
        default:
            return memcmp(a, b, length) == 0
        }
    }

    /// The value index of the member with the pooled name, if any.
    @inline(__always)
    func member(_ name: FlatProgram.Name, of object: Int) -> Int? {
        var child = object + 1
        let end = Int(tape[object].payload)
        while child < end {
            if !tape[child].isShadowed, keyIs(child, name) { return child + 1 }
            child = subtreeEnd(child + 1)
        }
        return nil
    }

    /// The number of Unicode scalars in a string or key.
    func scalarCount(_ index: Int) -> Int {
        var count = 0
        for byte in bytes(index) where byte & 0xC0 != 0x80 { count += 1 }
        return count
    }

    /// A short rendering of the instance for messages.
    func preview(_ index: Int) -> String {
        switch tape[index].kind {
        case .string, .key:
            let text = string(index)
            let shown = text.count > 40 ? String(text.prefix(40)) + "…" : text
            return "string " + JSONSerializer.quoted(shown)
        case .array: return "array of \(count(index)) items"
        case .object: return "object with \(count(index)) properties"
        default:
            return typeName(index) + " " + JSONSerializer().string(from: document.value(at: index))
        }
    }

    func typeName(_ index: Int) -> String {
        switch tape[index].kind {
        case .null: return "null"
        case .true, .false: return "boolean"
        case .integer: return "integer"
        case .decimal: return number(index).isInteger ? "integer" : "number"
        case .string, .key: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }

    /// JSON equality between two instances on the tape.
    func tapeEquals(_ a: Int, _ b: Int) -> Bool {
        let x = tape[a]
        let y = tape[b]
        let xString = x.kind == .string || x.kind == .key
        let yString = y.kind == .string || y.kind == .key
        if xString || yString {
            guard xString && yString, x.length == y.length else { return false }
            return x.length == 0 || memcmp(textStart(a), textStart(b), Int(x.length)) == 0
        }
        switch (x.kind, y.kind) {
        case (.null, .null), (.true, .true), (.false, .false): return true
        case (.integer, .integer): return x.payload == y.payload
        case (.integer, .decimal), (.decimal, .integer), (.decimal, .decimal): return number(a) == number(b)
        case (.array, .array):
            guard x.length == y.length else { return false }
            var first = a + 1
            var second = b + 1
            let end = Int(x.payload)
            while first < end {
                if !tapeEquals(first, second) { return false }
                first = subtreeEnd(first)
                second = subtreeEnd(second)
            }
            return true
        case (.object, .object):
            guard x.length == y.length else { return false }
            var key = a + 1
            let end = Int(x.payload)
            while key < end {
                if !tape[key].isShadowed {
                    guard let other = memberMatching(key, in: b), tapeEquals(key + 1, other) else { return false }
                }
                key = subtreeEnd(key + 1)
            }
            return true
        default:
            return false
        }
    }

    /// The value index of the member of `object` whose name equals key node `key`.
    func memberMatching(_ key: Int, in object: Int) -> Int? {
        var child = object + 1
        let end = Int(tape[object].payload)
        while child < end {
            if !tape[child].isShadowed, tapeEquals(child, key) { return child + 1 }
            child = subtreeEnd(child + 1)
        }
        return nil
    }

    /// JSON equality between the instance at `index` and a value.
    func equals(_ index: Int, _ value: JSONValue) -> Bool {
        let node = tape[index]
        switch (node.kind, value) {
        case (.null, .null): return true
        case (.true, .bool(true)), (.false, .bool(false)): return true
        case (.integer, .number(let number)):
            if let small = number.int64Value { return small == Int64(bitPattern: node.payload) }
            return false
        case (.decimal, .number(let number)):
            return self.number(index) == number
        case (.string, .string(let text)), (.key, .string(let text)):
            var text = text
            let have = bytes(index)
            return text.withUTF8 { wanted in
                have.count == wanted.count && (have.count == 0 || memcmp(have.baseAddress!, wanted.baseAddress!, have.count) == 0)
            }
        case (.array, .array(let elements)):
            guard count(index) == elements.count else { return false }
            var child = index + 1
            for element in elements {
                if !equals(child, element) { return false }
                child = subtreeEnd(child)
            }
            return true
        case (.object, .object(let object)):
            guard count(index) == object.count else { return false }
            for (key, expected) in object {
                guard let member = document.member(key, of: index), equals(member, expected) else { return false }
            }
            return true
        default:
            return false
        }
    }
}
