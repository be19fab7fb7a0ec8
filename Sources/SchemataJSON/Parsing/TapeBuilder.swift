import CYajl

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The state that yajl's callbacks build a tape into.
///
/// It lives at a fixed address (see ``YajlSession``) so that the callbacks
/// reach it through yajl's context pointer with no reference counting and no
/// exclusivity bookkeeping per token.
///
/// Byte offsets are absolute: `source` covers every byte seen so far, and the
/// chunk handed to `yajl_parse` starts at `chunkBase`. yajl only reports how
/// far into the current chunk it has read, just past the token that fired the
/// callback; token starts are derived from that.
struct TapeBuilder: YajlEventHandler {
    struct OpenContainer {
        var node: Int
        var isObject: Bool
        var count: UInt32 = 0
        /// Where this object's key node indexes start in `keyNodes`.
        var keysStart: Int
        /// For objects with many members: key hash → key node index.
        var keyTable: [Int: Int]? = nil
    }

    typealias LastEvent = ParseEvent
    typealias Failure = ParseFailure
    typealias Related = ParseFailure.Related

    // The tape.
    var nodes: [TapeNode] = []
    var spans: [SourceSpan] = []
    var arena: [UInt8] = []

    // Parse state.
    var open: [OpenContainer] = []
    var keyNodes: [Int] = []
    var cursor = ParseCursor()
    @inline(__always) var lastEventEnd: Int {
        get { cursor.lastEventEnd }
        set { cursor.lastEventEnd = newValue }
    }
    @inline(__always) var lastEvent: ParseEvent {
        get { cursor.lastEvent }
        set { cursor.lastEvent = newValue }
    }
    @inline(__always) var failure: ParseFailure? {
        get { cursor.failure }
        set { cursor.failure = newValue }
    }
    var completedRoots: [JSONDocument] = []
    var rootsCompleted = 0

    // Options.
    let maximumDepth: Int
    let keepLastDuplicate: Bool
    /// Sequence mode: each completed top-level value is moved to
    /// `completedRoots` and the tape restarts.
    let splitsRoots: Bool
    /// Streaming mode: keep path components for events and snapshots.
    let tracksPath: Bool
    var events: [JSONStreamEvent]?
    /// Streaming mode: the open containers as a persistent chain (shared
    /// by snapshots), and where the input is inside the innermost one: the
    /// node index of its current key (-1 before the first) or the index of
    /// its current element. Path strings are made only when asked for.
    var pathLog = OpenPathLog()
    /// The innermost open container's link in `pathLog`.
    var openLink = OpenPathLog.none
    var innermostSlot = -1

    init(options: JSONParseOptions, splitsRoots: Bool, tracksPath: Bool, collectsEvents: Bool) {
        self.maximumDepth = max(1, options.maximumDepth)
        self.keepLastDuplicate = options.duplicateKeys == .keepLast
        self.splitsRoots = splitsRoots
        self.tracksPath = tracksPath || collectsEvents
        self.events = collectsEvents ? [] : nil
    }

    /// Reserves room for a document of `byteCount` bytes, so that the tape
    /// grows without repeated copying. (Untouched capacity costs no memory.)
    mutating func reserve(forDocumentOf byteCount: Int) {
        nodes.reserveCapacity(byteCount / 6 + 16)
        spans.reserveCapacity(byteCount / 6 + 16)
        arena.reserveCapacity(byteCount / 2 + 16)
    }

    @inline(__always)
    func tokenEnd() -> Int { cursor.tokenEnd() }

    var openContainerStarts: [Int] { open.map { Int(spans[$0.node].start) } }
    var openContainerIsObject: [Bool] { open.map(\.isObject) }

    // MARK: Events

    @inline(__always)
    mutating func beginValue() {
        let top = open.count - 1
        if top >= 0, !open[top].isObject {
            if tracksPath { innermostSlot = Int(open[top].count) }
            open[top].count &+= 1
        }
    }

    @inline(__always)
    mutating func appendScalar(_ node: TapeNode, start: Int, end: Int) {
        beginValue()
        nodes.append(node)
        spans.append(SourceSpan(start: UInt32(truncatingIfNeeded: start), end: UInt32(truncatingIfNeeded: end)))
        if events != nil { emit(.scalar, node: nodes.count - 1, pathDepth: open.count) }
        finishValue(end: end)
    }

    @inline(__always)
    mutating func finishValue(end: Int) {
        lastEventEnd = end
        lastEvent = .value
        if open.isEmpty {
            rootsCompleted += 1
            if splitsRoots {
                completedRoots.append(JSONDocument(nodes: nodes, spans: spans, arena: arena))
                nodes.removeAll(keepingCapacity: true)
                spans.removeAll(keepingCapacity: true)
                arena.removeAll(keepingCapacity: true)
            }
        }
    }

    /// The path tokens of the first `depth` open containers.
    func pathTokens(depth: Int) -> [String] {
        guard openLink != OpenPathLog.none else { return [] }
        let all = pathLog.tokens(at: openLink, innermostSlot: innermostSlot, nodes: nodes, arena: arena)
        return Array(all.prefix(depth))
    }

    mutating func emit(_ kind: JSONStreamEvent.Kind, node: Int, pathDepth: Int) {
        let pointer = JSONPointer(tokens: pathTokens(depth: pathDepth))
        let value: JSONValue?
        if kind == .scalar {
            value = TapeMaterializer(nodes: nodes, arena: arena).scalar(nodes[node])
        } else {
            value = nil
        }
        events?.append(JSONStreamEvent(kind: kind, path: pointer, span: spans[node], value: value))
    }

    mutating func fail(_ reason: JSONParseError.Reason, _ message: String, at offset: Int, related: Related? = nil) {
        cursor.fail(reason, message, at: offset, related: related)
    }

    // MARK: Callbacks

    mutating func onNull() -> Bool {
        let end = tokenEnd()
        appendScalar(TapeNode(kind: .null), start: end - 4, end: end)
        return true
    }

    mutating func onBool(_ value: Bool) -> Bool {
        let end = tokenEnd()
        appendScalar(TapeNode(kind: value ? .true : .false), start: end - (value ? 4 : 5), end: end)
        return true
    }

    mutating func onNumber(_ text: UnsafeRawBufferPointer) -> Bool {
        let end = tokenEnd()
        let start = end - text.count
        if let small = NumberLiteral.canonicalInt64(text) {
            appendScalar(TapeNode(kind: .integer, payload: UInt64(bitPattern: small)), start: start, end: end)
            return true
        }
        guard cursor.checkNumber(text, start: start) else { return false }
        let offset = arena.count
        arena.append(contentsOf: text.assumingMemoryBound(to: UInt8.self))
        appendScalar(TapeNode(kind: .decimal, length: UInt32(text.count), payload: UInt64(offset)), start: start, end: end)
        return true
    }

    /// Appends a string's decoded bytes to the arena and returns (arena
    /// offset, length, token start), or `nil` after recording a failure.
    @inline(__always)
    mutating func decodeString(_ pointer: UnsafeRawPointer, _ length: Int) -> (offset: Int, length: Int, start: Int)? {
        let offset = arena.count
        guard let start = cursor.decodeString(pointer, length, into: &arena) else { return nil }
        return (offset, arena.count - offset, start)
    }

    mutating func onString(_ pointer: UnsafeRawPointer, _ length: Int) -> Bool {
        guard let decoded = decodeString(pointer, length) else { return false }
        let node = TapeNode(kind: .string, length: UInt32(decoded.length), payload: UInt64(decoded.offset))
        appendScalar(node, start: decoded.start, end: tokenEnd())
        return true
    }

    mutating func onKey(_ pointer: UnsafeRawPointer, _ length: Int) -> Bool {
        // A name of at most eight bytes is stored in its node (see
        // ``TapeNode``): straight from yajl's bytes when it has no escapes,
        // else decoded through the arena and moved out of it.
        let decoded: (offset: Int, length: Int, start: Int)
        let node: TapeNode
        if length <= TapeNode.inlineKeyLimit && cursor.isInChunk(pointer) {
            guard let start = cursor.checkRawString(pointer, length) else { return false }
            decoded = (0, length, start)
            node = TapeNode.inlineKey(UnsafeRawBufferPointer(start: pointer, count: length))
        } else if length <= TapeNode.inlineKeyLimit, let raw = cursor.unescapedSourceText(ofStringOfLength: length) {
            // A short name yajl handed over from its own buffer (the first
            // token of a call): its source bytes, when they hold no escape.
            guard let start = cursor.checkSourceString(raw) else { return false }
            decoded = (0, length, start)
            node = TapeNode.inlineKey(raw.text)
        } else {
            guard let full = decodeString(pointer, length) else { return false }
            decoded = full
            if full.length <= TapeNode.inlineKeyLimit {
                node = arena.withUnsafeBytes { TapeNode.inlineKey(UnsafeRawBufferPointer(rebasing: $0[full.offset...])) }
                arena.removeLast(full.length)
            } else {
                node = TapeNode(kind: .key, length: UInt32(full.length), payload: UInt64(full.offset))
            }
        }
        let end = tokenEnd()
        let top = open.count - 1
        let index = nodes.count
        nodes.append(node)
        spans.append(SourceSpan(start: UInt32(truncatingIfNeeded: decoded.start), end: UInt32(truncatingIfNeeded: end)))
        if let earlier = findEarlierKey(matching: index, in: top) {
            guard keepLastDuplicate else {
                let name = string(ofKey: index)
                fail(
                    .duplicateKey(name), "duplicate key \(JSONSerializer.quoted(name))", at: decoded.start,
                    related: Related(role: .firstDefinition, offset: Int(spans[keyNodes[earlier]].start)))
                return false
            }
            // The later member wins; the earlier one stays on the tape, hidden.
            nodes[keyNodes[earlier]].flags |= TapeNode.shadowedFlag
            keyNodes[earlier] = index
        } else {
            open[top].count &+= 1
            keyNodes.append(index)
            if open[top].keyTable != nil {
                insertIntoKeyTable(position: keyNodes.count - 1, in: top)
            } else if keyNodes.count - open[top].keysStart > 16 {
                open[top].keyTable = [:]
                for position in open[top].keysStart..<keyNodes.count {
                    insertIntoKeyTable(position: position, in: top)
                }
            }
        }
        if tracksPath { innermostSlot = index }
        lastEventEnd = end
        lastEvent = .key
        return true
    }

    mutating func onStartContainer(isObject: Bool) -> Bool {
        let end = tokenEnd()
        let start = end - 1
        if open.count >= maximumDepth {
            cursor.failDepth(limit: maximumDepth, at: start)
            return false
        }
        beginValue()
        let index = nodes.count
        nodes.append(TapeNode(kind: isObject ? .object : .array, payload: TapeNode.openSentinel))
        spans.append(SourceSpan(start: UInt32(truncatingIfNeeded: start), end: UInt32(truncatingIfNeeded: end)))
        if events != nil { emit(isObject ? .beginObject : .beginArray, node: index, pathDepth: open.count) }
        open.append(OpenContainer(node: index, isObject: isObject, keysStart: keyNodes.count))
        if tracksPath {
            openLink = pathLog.open(
                inside: openLink, node: index, isObject: isObject, slotInParent: open.count > 1 ? innermostSlot : -1)
            innermostSlot = -1
        }
        lastEventEnd = end
        lastEvent = .containerStart
        return true
    }

    mutating func onEndContainer() -> Bool {
        let end = tokenEnd()
        let container = open.removeLast()
        nodes[container.node].payload = UInt64(nodes.count)
        nodes[container.node].length = container.count
        spans[container.node].end = UInt32(truncatingIfNeeded: end)
        if container.isObject {
            keyNodes.removeSubrange(container.keysStart...)
        }
        if tracksPath {
            if openLink != OpenPathLog.none {
                innermostSlot = pathLog.links[openLink].slotInParent
                openLink = Int(pathLog.links[openLink].parent)
            } else {
                innermostSlot = -1
            }
        }
        if events != nil { emit(container.isObject ? .endObject : .endArray, node: container.node, pathDepth: open.count) }
        finishValue(end: end)
        return true
    }

    // MARK: Duplicate keys

    func string(ofKey index: Int) -> String {
        arena.withUnsafeBytes { nodes[index].text(arena: $0) }
    }

    func sameKey(_ a: Int, _ b: Int) -> Bool {
        let first = nodes[a]
        let second = nodes[b]
        guard first.length == second.length else { return false }
        // Short names are in their nodes: equal names, equal payloads.
        if first.hasInlineBytes { return first.payload == second.payload }
        let length = Int(first.length)
        return arena.withUnsafeBufferPointer { buffer in
            memcmp(buffer.baseAddress! + Int(first.payload), buffer.baseAddress! + Int(second.payload), length) == 0
        }
    }

    func keyHash(_ index: Int) -> Int {
        arena.withUnsafeBytes { buffer in
            nodes[index].withBytes(arena: buffer) { bytes in
                var hasher = Hasher()
                hasher.combine(bytes: bytes)
                return hasher.finalize()
            }
        }
    }

    /// The position in `keyNodes` of an earlier key of the object at stack
    /// position `top` equal to the key node `index`, if any. Small objects
    /// are scanned; large ones use a hash table (falling back to a scan on a
    /// hash collision between different names).
    func findEarlierKey(matching index: Int, in top: Int) -> Int? {
        if let table = open[top].keyTable {
            guard let candidate = table[keyHash(index)] else { return nil }
            if sameKey(keyNodes[candidate], index) { return candidate }
        }
        var position = open[top].keysStart
        let end = keyNodes.count
        while position < end {
            if sameKey(keyNodes[position], index) { return position }
            position += 1
        }
        return nil
    }

    mutating func insertIntoKeyTable(position: Int, in top: Int) {
        let hash = keyHash(keyNodes[position])
        if open[top].keyTable![hash] == nil {
            open[top].keyTable![hash] = position
        }
    }
}
