/// The containers opened during a streaming parse, as an append-only log of
/// links: opening a container appends a link to its parent's, closing one
/// goes back to the parent. A snapshot keeps the number of its innermost
/// link (no reference, no copy), and later feeds never change what it sees —
/// links are never rewritten, and the only moving part (where the input is
/// inside the innermost container) is copied into the snapshot as a number.
struct OpenPathLog {
    struct Link {
        /// The enclosing container's link (-1 at the top level).
        let parent: Int32
        /// Whether the container is an object.
        let isObject: Bool
        /// How many containers are open, this one included.
        let depth: Int32
        /// The container's node on the tape.
        let node: Int
        /// Where this container sits in its parent: the key node index
        /// (object parent) or the element index (array parent); -1 at the
        /// top level.
        let slotInParent: Int
    }

    /// No container open.
    static let none = -1

    private(set) var links: [Link] = []

    /// Records a container opened inside `parent`'s; returns its link.
    mutating func open(inside parent: Int, node: Int, isObject: Bool, slotInParent: Int) -> Int {
        let depth = parent == Self.none ? 1 : links[parent].depth + 1
        links.append(Link(parent: Int32(parent), isObject: isObject, depth: depth, node: node, slotInParent: slotInParent))
        return links.count - 1
    }

    /// How many containers are open at `link`.
    func depth(at link: Int) -> Int {
        link == Self.none ? 0 : Int(links[link].depth)
    }

    /// The open containers' nodes at `link`, outermost first.
    func nodes(at link: Int) -> [Int] {
        var result = [Int](repeating: 0, count: depth(at: link))
        var current = link
        while current != Self.none {
            result[Int(links[current].depth) - 1] = links[current].node
            current = Int(links[current].parent)
        }
        return result
    }

    /// The path tokens down to the innermost container's current position
    /// (`innermostSlot`: the current key node or element index in it).
    func tokens(at link: Int, innermostSlot: Int, nodes: [TapeNode], arena: [UInt8]) -> [String] {
        var levels: [(isObject: Bool, slot: Int)] = Array(repeating: (false, 0), count: depth(at: link))
        var slot = innermostSlot
        var current = link
        while current != Self.none {
            let entry = links[current]
            levels[Int(entry.depth) - 1] = (entry.isObject, slot)
            slot = entry.slotInParent
            current = Int(entry.parent)
        }
        return levels.map { level in
            guard level.isObject else { return String(level.slot) }
            guard level.slot >= 0 else { return "" }
            return arena.withUnsafeBytes { nodes[level.slot].text(arena: $0) }
        }
    }
}
