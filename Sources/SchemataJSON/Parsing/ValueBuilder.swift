import CYajl

/// Builds a ``JSONValue`` tree straight from yajl's callbacks, with no tape
/// in between: the fast path of ``JSONParser/parse(_:)-([UInt8])``.
///
/// Values wait on one shared stack; when a container closes, its elements
/// are moved off the stack into an array of exactly the right size. Keys wait
/// on a second stack, where duplicates are found.
struct ValueBuilder: YajlEventHandler {
    struct Frame {
        var start: Int
        var isObject: Bool
        var valuesStart: Int
        var keysStart: Int
        /// For objects with many members: the names seen so far.
        var keySet: Set<JSONKey>?
    }

    var cursor = ParseCursor()
    var values: [JSONValue] = []
    var keys: [JSONKey] = []
    /// Start offsets of the keys on `keys`, for duplicate messages.
    var keyStarts: [Int] = []
    /// A cheap fingerprint of each key on `keys` (see ``fingerprint(_:)``):
    /// looking for an earlier member of the same name compares these
    /// before any text.
    var keyPrints: [UInt64] = []
    var frames: [Frame] = []
    var scratch: [UInt8] = []
    let maximumDepth: Int
    let keepLastDuplicate: Bool

    init(options: JSONParseOptions) {
        self.maximumDepth = max(1, options.maximumDepth)
        self.keepLastDuplicate = options.duplicateKeys == .keepLast
        values.reserveCapacity(64)
        frames.reserveCapacity(16)
    }

    var openContainerStarts: [Int] { frames.map(\.start) }
    var openContainerIsObject: [Bool] { frames.map(\.isObject) }

    /// The parsed value (after a successful parse).
    var result: JSONValue { values.first ?? .null }

    @inline(__always)
    mutating func push(_ value: JSONValue, end: Int) {
        values.append(value)
        cursor.lastEventEnd = end
        cursor.lastEvent = .value
    }

    /// A decoded string (with its fingerprint when it is a key), or `nil`
    /// after recording a failure.
    @inline(__always)
    mutating func string(_ pointer: UnsafeRawPointer, _ length: Int, isKey: Bool) -> (text: String, start: Int, fingerprint: UInt64)? {
        if cursor.isInChunk(pointer) {
            // No escapes: the bytes are the string. Swift's own validation
            // does the work; only a failure needs the exact position.
            let raw = UnsafeRawBufferPointer(start: pointer, count: length)
            if UTF8Validation.firstInvalidOffset(raw) == nil {
                let contentStart = cursor.chunkBase + (pointer - cursor.chunkStart!)
                return (String(decoding: raw.assumingMemoryBound(to: UInt8.self), as: UTF8.self), contentStart - 1, isKey ? ValueBuilder.fingerprint(raw) : 0)
            }
        }
        scratch.removeAll(keepingCapacity: true)
        guard let start = cursor.decodeString(pointer, length, into: &scratch) else { return nil }
        let print = isKey ? scratch.withUnsafeBytes { ValueBuilder.fingerprint($0) } : 0
        return (String(decoding: scratch, as: UTF8.self), start, print)
    }

    mutating func onNull() -> Bool {
        push(.null, end: cursor.tokenEnd())
        return true
    }

    mutating func onBool(_ value: Bool) -> Bool {
        push(.bool(value), end: cursor.tokenEnd())
        return true
    }

    mutating func onNumber(_ text: UnsafeRawBufferPointer) -> Bool {
        let end = cursor.tokenEnd()
        if let small = NumberLiteral.canonicalInt64(text) {
            push(.number(JSONNumber(storage: .integer(small))), end: end)
            return true
        }
        guard cursor.checkNumber(text, start: end - text.count) else { return false }
        push(.number(JSONNumber(storage: JSONNumber.nonIntegerStorage(text))), end: end)
        return true
    }

    mutating func onString(_ pointer: UnsafeRawPointer, _ length: Int) -> Bool {
        guard let decoded = string(pointer, length, isKey: false) else { return false }
        push(.string(decoded.text), end: cursor.tokenEnd())
        return true
    }

    /// The length and first seven bytes of a key, in one word: equal keys
    /// have equal fingerprints, and most different keys do not.
    @inline(__always)
    static func fingerprint(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var word = UInt64(truncatingIfNeeded: bytes.count) &<< 56
        var index = 0
        let count = min(bytes.count, 7)
        while index < count {
            word |= UInt64(bytes[index]) &<< UInt64(8 * index)
            index += 1
        }
        return word
    }

    mutating func onKey(_ pointer: UnsafeRawPointer, _ length: Int) -> Bool {
        guard let decoded = string(pointer, length, isKey: true) else { return false }
        let top = frames.count - 1
        let key = decoded.text
        let print = decoded.fingerprint
        if let earlier = earlierKey(key, print, in: top) {
            guard keepLastDuplicate else {
                cursor.fail(
                    .duplicateKey(key), "duplicate key \(JSONSerializer.quoted(key))", at: decoded.start,
                    related: ParseFailure.Related(role: .firstDefinition, offset: keyStarts[earlier]))
                return false
            }
            // The later member wins, at its own position: drop the earlier one.
            let valueIndex = frames[top].valuesStart + (earlier - frames[top].keysStart)
            keys.remove(at: earlier)
            keyStarts.remove(at: earlier)
            keyPrints.remove(at: earlier)
            values.remove(at: valueIndex)
        } else if frames[top].keySet != nil {
            frames[top].keySet!.insert(JSONKey(key))
        } else if keys.count - frames[top].keysStart >= 16 {
            frames[top].keySet = Set(keys[frames[top].keysStart...])
            frames[top].keySet!.insert(JSONKey(key))
        }
        keys.append(JSONKey(key))
        keyStarts.append(decoded.start)
        keyPrints.append(print)
        cursor.lastEventEnd = cursor.tokenEnd()
        cursor.lastEvent = .key
        return true
    }

    /// Moves `stack[start...]` into a new array of exactly that size and
    /// shortens the stack, without retaining and releasing each element.
    @inline(__always)
    static func moveTail<Element>(of stack: inout [Element], from start: Int, filler: Element) -> [Element] {
        let count = stack.count - start
        guard count > 0 else { return [] }
        let moved = stack.withUnsafeMutableBufferPointer { source in
            [Element](unsafeUninitializedCapacity: count) { target, initialized in
                target.baseAddress!.moveInitialize(from: source.baseAddress! + start, count: count)
                // Leave trivially destroyed fillers behind for removeLast.
                (source.baseAddress! + start).initialize(repeating: filler, count: count)
                initialized = count
            }
        }
        stack.removeLast(count)
        return moved
    }

    /// The position on `keys` of an earlier member of the object at frame
    /// `top` named `key`, if any.
    @inline(__always)
    func earlierKey(_ key: String, _ print: UInt64, in top: Int) -> Int? {
        let start = frames[top].keysStart
        if let keySet = frames[top].keySet {
            guard keySet.contains(JSONKey(key)) else { return nil }
        }
        var position = start
        let end = keys.count
        while position < end {
            if keyPrints[position] == print && JSONKey.exactlyEqual(keys[position].string, key) { return position }
            position += 1
        }
        return nil
    }

    mutating func onStartContainer(isObject: Bool) -> Bool {
        let end = cursor.tokenEnd()
        if frames.count >= maximumDepth {
            cursor.failDepth(limit: maximumDepth, at: end - 1)
            return false
        }
        frames.append(Frame(start: end - 1, isObject: isObject, valuesStart: values.count, keysStart: keys.count))
        cursor.lastEventEnd = end
        cursor.lastEvent = .containerStart
        return true
    }

    mutating func onEndContainer() -> Bool {
        let frame = frames.removeLast()
        let value: JSONValue
        if frame.isObject {
            value = .object(JSONObject(uniqueMembers: ValueBuilder.moveMembers(
                keys: &keys, from: frame.keysStart, values: &values, from: frame.valuesStart)))
            keyStarts.removeSubrange(frame.keysStart...)
            keyPrints.removeSubrange(frame.keysStart...)
        } else {
            value = .array(ValueBuilder.moveTail(of: &values, from: frame.valuesStart, filler: .null))
        }
        push(value, end: cursor.tokenEnd())
        return true
    }

    /// Moves the tails of both stacks into one member array of exactly the
    /// right size (one allocation per object), without retaining and
    /// releasing each name and value.
    @inline(__always)
    static func moveMembers(keys: inout [JSONKey], from keysStart: Int, values: inout [JSONValue], from valuesStart: Int) -> [JSONObject.Member] {
        let count = keys.count - keysStart
        guard count > 0 else { return [] }
        let members = keys.withUnsafeMutableBufferPointer { names in
            values.withUnsafeMutableBufferPointer { elements in
                [JSONObject.Member](unsafeUninitializedCapacity: count) { target, initialized in
                    for offset in 0..<count {
                        (target.baseAddress! + offset).initialize(to: JSONObject.Member(
                            key: (names.baseAddress! + keysStart + offset).move(),
                            value: (elements.baseAddress! + valuesStart + offset).move()))
                    }
                    // Leave trivially destroyed fillers behind for removeLast.
                    (names.baseAddress! + keysStart).initialize(repeating: JSONKey(""), count: count)
                    (elements.baseAddress! + valuesStart).initialize(repeating: .null, count: count)
                    initialized = count
                }
            }
        }
        keys.removeLast(count)
        values.removeLast(count)
        return members
    }
}

extension ValueBuilder {
    /// The C callbacks: each recovers the builder from yajl's context pointer.
    static let callbacks: yajl_callbacks = {
        var table = yajl_callbacks()
        table.yajl_null = { context in
            context!.assumingMemoryBound(to: ValueBuilder.self).pointee.onNull() ? 1 : 0
        }
        table.yajl_boolean = { context, value in
            context!.assumingMemoryBound(to: ValueBuilder.self).pointee.onBool(value != 0) ? 1 : 0
        }
        table.yajl_number = { context, text, length in
            let bytes = UnsafeRawBufferPointer(start: UnsafeRawPointer(text), count: length)
            return context!.assumingMemoryBound(to: ValueBuilder.self).pointee.onNumber(bytes) ? 1 : 0
        }
        table.yajl_string = { context, text, length in
            context!.assumingMemoryBound(to: ValueBuilder.self).pointee.onString(UnsafeRawPointer(text!), length) ? 1 : 0
        }
        table.yajl_start_map = { context in
            context!.assumingMemoryBound(to: ValueBuilder.self).pointee.onStartContainer(isObject: true) ? 1 : 0
        }
        table.yajl_map_key = { context, text, length in
            context!.assumingMemoryBound(to: ValueBuilder.self).pointee.onKey(UnsafeRawPointer(text!), length) ? 1 : 0
        }
        table.yajl_end_map = { context in
            context!.assumingMemoryBound(to: ValueBuilder.self).pointee.onEndContainer() ? 1 : 0
        }
        table.yajl_start_array = { context in
            context!.assumingMemoryBound(to: ValueBuilder.self).pointee.onStartContainer(isObject: false) ? 1 : 0
        }
        table.yajl_end_array = { context in
            context!.assumingMemoryBound(to: ValueBuilder.self).pointee.onEndContainer() ? 1 : 0
        }
        return table
    }()
}
