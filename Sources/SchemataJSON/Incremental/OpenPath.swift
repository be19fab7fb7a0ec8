/// The chain of containers open at some moment of a streaming parse, as an
/// immutable linked list: opening a container adds a link, closing one goes
/// back to its parent. A snapshot keeps the innermost link (one reference)
/// instead of copying arrays, and later feeds never change what it sees —
/// a link's fields are fixed, and the only moving part (where the input is
/// inside the innermost container) is copied into the snapshot as a number.
final class OpenPath {
    /// The enclosing container's link (`nil` at the top level).
    let parent: OpenPath?
    /// The container's node on the tape.
    let node: Int
    /// Whether the container is an object.
    let isObject: Bool
    /// Where this container sits in its parent: the key node index (object
    /// parent) or the element index (array parent); -1 at the top level.
    let slotInParent: Int
    /// How many containers are open, this one included.
    let depth: Int

    init(parent: OpenPath?, node: Int, isObject: Bool, slotInParent: Int) {
        self.parent = parent
        self.node = node
        self.isObject = isObject
        self.slotInParent = slotInParent
        self.depth = (parent?.depth ?? 0) + 1
    }

    /// The open containers' nodes, outermost first.
    var nodes: [Int] {
        var result = [Int](repeating: 0, count: depth)
        var link: OpenPath? = self
        while let current = link {
            result[current.depth - 1] = current.node
            link = current.parent
        }
        return result
    }

    /// The path tokens down to this container's current position
    /// (`innermostSlot`: the current key node or element index in it).
    func tokens(innermostSlot: Int, nodes: [TapeNode], arena: [UInt8]) -> [String] {
        var levels: [(isObject: Bool, slot: Int)] = Array(repeating: (false, 0), count: depth)
        var slot = innermostSlot
        var link: OpenPath? = self
        while let current = link {
            levels[current.depth - 1] = (current.isObject, slot)
            slot = current.slotInParent
            link = current.parent
        }
        return levels.map { level in
            guard level.isObject else { return String(level.slot) }
            guard level.slot >= 0 else { return "" }
            let key = nodes[level.slot]
            let offset = Int(key.payload)
            return String(decoding: arena[offset..<offset + Int(key.length)], as: UTF8.self)
        }
    }
}
