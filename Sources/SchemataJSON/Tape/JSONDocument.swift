/// A parsed JSON document as a flat, immutable tape.
///
/// Every value is one ``TapeNode`` in document order (an object's members are
/// a key node followed by the value's nodes); containers record the index just
/// past their subtree, so a consumer can skip any value in O(1). Strings are
/// decoded once into a single byte arena, except member names of up to eight
/// bytes, which are stored in their own nodes (see ``TapeNode``). Walking a
/// document therefore does no allocation and no reference counting per node,
/// which is what validators and the constraint engine need.
///
/// Node indexes are plain `Int`s; the root is ``rootIndex``. Each node also
/// has a ``SourceSpan`` locating it in the original text.
public struct JSONDocument: @unchecked Sendable {
    // Why @unchecked Sendable is sound: the stored arrays are `let` and
    // never mutated, and the two buffer views below point into those same
    // arrays' storage, which is immutable and lives as long as this value or
    // any copy of it (copies share the storage). Nothing is ever written
    // through the views, so concurrent readers cannot race.

    /// The nodes in document order.
    public let nodes: [TapeNode]
    /// Source spans, parallel to `nodes`.
    public let spans: [SourceSpan]
    /// Decoded strings, member names longer than eight bytes and decimal
    /// literals, referenced by nodes.
    public let arena: [UInt8]
    /// `nodes` and `arena` as buffer views, taken once: hot paths (the
    /// validator reads millions of small documents) read the tape through
    /// them without the retain and release per array that
    /// `withUnsafeBufferPointer` costs on each use.
    package let tape: UnsafeBufferPointer<TapeNode>
    package let arenaBytes: UnsafeBufferPointer<UInt8>

    /// The index of the root value.
    public var rootIndex: Int { 0 }

    package init(nodes: [TapeNode], spans: [SourceSpan], arena: [UInt8]) {
        self.nodes = nodes
        self.spans = spans
        self.arena = arena
        // Native arrays: the views are the arrays' own storage (see above).
        self.tape = nodes.withUnsafeBufferPointer { $0 }
        self.arenaBytes = arena.withUnsafeBufferPointer { $0 }
    }

    /// The kind of the node at `index`.
    @inlinable
    public func kind(at index: Int) -> TapeKind { nodes[index].kind }

    /// The source span of the node at `index`.
    @inlinable
    public func span(at index: Int) -> SourceSpan { spans[index] }

    /// The index just past the value at `index` and its descendants.
    @inlinable
    public func subtreeEnd(_ index: Int) -> Int {
        let node = nodes[index]
        switch node.kind {
        case .array, .object: return Int(node.payload)
        case .key: return subtreeEnd(index + 1)
        default: return index + 1
        }
    }

    /// The number of elements or (visible) members of a container.
    @inlinable
    public func count(at index: Int) -> Int { Int(nodes[index].length) }

    /// The string or key text at `index`.
    public func string(at index: Int) -> String {
        nodes[index].text(arena: UnsafeRawBufferPointer(arenaBytes))
    }

    /// The UTF-8 bytes of a string, key or decimal literal, without copying
    /// (a short key's bytes are in its node; see ``TapeNode``).
    @inlinable
    public func withUTF8<R>(at index: Int, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        let node = nodes[index]
        return try arena.withUnsafeBytes { try node.withBytes(arena: $0, body) }
    }

    /// The number at `index` (which must be an integer or decimal node).
    public func number(at index: Int) -> JSONNumber {
        let node = nodes[index]
        if node.kind == .integer {
            return JSONNumber(Int64(bitPattern: node.payload))
        }
        // Decimal literals on a tape were validated when it was built.
        return withUTF8(at: index) { JSONNumber(validatedLiteral: $0) }
    }

    /// The indexes of an array's elements.
    public func elements(of index: Int) -> [Int] {
        var result: [Int] = []
        result.reserveCapacity(count(at: index))
        var child = index + 1
        let end = subtreeEnd(index)
        while child < end {
            result.append(child)
            child = subtreeEnd(child)
        }
        return result
    }

    /// The (key index, value index) pairs of an object's visible members.
    public func members(of index: Int) -> [(key: Int, value: Int)] {
        var result: [(key: Int, value: Int)] = []
        result.reserveCapacity(count(at: index))
        var child = index + 1
        let end = subtreeEnd(index)
        while child < end {
            let valueEnd = subtreeEnd(child + 1)
            if !nodes[child].isShadowed { result.append((child, child + 1)) }
            child = valueEnd
        }
        return result
    }

    /// The value index of the member named `key`, or `nil`.
    public func member(_ key: String, of index: Int) -> Int? {
        guard nodes[index].kind == .object else { return nil }
        var key = key
        return key.withUTF8 { wanted -> Int? in
            var child = index + 1
            let end = subtreeEnd(index)
            while child < end {
                let node = nodes[child]
                if !node.isShadowed, Int(node.length) == wanted.count {
                    let same = withUTF8(at: child) { candidate in
                        candidate.elementsEqual(UnsafeRawBufferPointer(wanted))
                    }
                    if same { return child + 1 }
                }
                child = subtreeEnd(child + 1)
            }
            return nil
        }
    }

    /// The index of the `position`-th element of an array, or `nil`.
    public func element(_ position: Int, of index: Int) -> Int? {
        guard nodes[index].kind == .array, position >= 0, position < count(at: index) else { return nil }
        var child = index + 1
        for _ in 0..<position { child = subtreeEnd(child) }
        return child
    }
}
