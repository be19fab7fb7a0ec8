import SchemataJSON

/// Where each scanned schema object is, as a tree: each one's parent
/// object and the one or two tokens that lead from it (`/not`,
/// `/properties/name`), or, for a document root or a location recorded on
/// its own, no parent and the whole pointer.
///
/// A scan names every subschema it walks into; building and storing a JSON
/// Pointer for each (copying the parent's tokens) was the largest cost of
/// scanning a small schema. Here a child costs one entry, and its pointer
/// is only spelled out where one is needed (a resource root, an anchor, an
/// error message).
struct SchemaPaths: Sendable {
    /// Each entry's parent entry, or −1.
    private(set) var parents: [Int32] = []
    /// Each entry's document.
    private(set) var documents: [Int32] = []
    /// Each entry's tokens below its parent: `tokens[tokenStarts[i] ..< tokenStarts[i + 1]]`.
    private var tokenStarts: [Int32] = [0]
    private var tokens: [String] = []

    /// How many entries there are.
    var count: Int { parents.count }

    /// Room for `count` entries of one or two tokens.
    mutating func reserveCapacity(_ count: Int) {
        parents.reserveCapacity(count)
        documents.reserveCapacity(count)
        tokenStarts.reserveCapacity(count + 1)
        tokens.reserveCapacity(count * 2)
    }

    /// Adds an entry: `first` (then `second`) below `parent`.
    mutating func append(parent: Int, document: Int, _ first: String, _ second: String?) {
        parents.append(Int32(parent))
        documents.append(Int32(document))
        tokens.append(first)
        if let second { tokens.append(second) }
        tokenStarts.append(Int32(tokens.count))
    }

    /// Adds an entry for a whole location (no parent).
    mutating func append(_ location: SchemaLocation) {
        parents.append(-1)
        documents.append(Int32(location.document))
        tokens.append(contentsOf: location.pointer.tokens)
        tokenStarts.append(Int32(tokens.count))
    }

    /// The entry's tokens below its parent.
    func ownTokens(_ entry: Int) -> ArraySlice<String> {
        tokens[Int(tokenStarts[entry])..<Int(tokenStarts[entry + 1])]
    }

    /// The location of an entry, spelled out.
    func location(of entry: Int) -> SchemaLocation {
        var reversed: [String] = []
        var current = entry
        while current >= 0 {
            reversed.append(contentsOf: ownTokens(current).reversed())
            current = Int(parents[current])
        }
        return SchemaLocation(document: Int(documents[entry]), pointer: JSONPointer(tokens: reversed.reversed()))
    }

    /// Whether entry `entry` is at the location `tokens` (whole pointer) in `document`.
    func isAt(_ entry: Int, document: Int, tokens pointer: [String]) -> Bool {
        guard Int(documents[entry]) == document else { return false }
        var remaining = pointer.count
        var current = entry
        while current >= 0 {
            let own = ownTokens(current)
            guard own.count <= remaining else { return false }
            var position = remaining - own.count
            for token in own {
                if !JSONPointer.sameToken(token, pointer[position]) { return false }
                position += 1
            }
            remaining -= own.count
            current = Int(parents[current])
        }
        return remaining == 0
    }

    /// Whether entry `entry` is at `first` (then `second`) below entry
    /// `parent`: by the parent's number and the last tokens when the entry
    /// was added that way (the scan's way), else token by token.
    func isAt(_ entry: Int, below parent: Int, _ first: String, _ second: String?) -> Bool {
        let own = ownTokens(entry)
        if Int(parents[entry]) == parent, own.count == (second == nil ? 1 : 2) {
            guard JSONPointer.sameToken(own[own.startIndex], first) else { return false }
            if let second { return JSONPointer.sameToken(own[own.startIndex + 1], second) }
            return true
        }
        // Recorded another way (a whole location): compare spelled out.
        guard documents[entry] == documents[parent] else { return false }
        var expected = location(of: parent).pointer.tokens
        expected.append(first)
        if let second { expected.append(second) }
        return isAt(entry, document: Int(documents[entry]), tokens: expected)
    }
}
