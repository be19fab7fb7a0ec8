import SchemataJSON

/// The schema objects a registry has scanned, each with its context,
/// numbered densely in scan order (the number is the context's
/// ``SchemaContext/ordinal``).
///
/// Locations are kept as a tree (``SchemaPaths``): a scanned child is its
/// parent's number and one or two tokens, its pointer spelled out only on
/// demand. Finding one is open addressing over a mix of its JSON Pointer
/// digest (a child's extends its parent's) and its document number: no
/// hasher runs per lookup, no pointer is built to look up a child, and
/// growing the table reuses the stored hashes.
struct ScannedSchemas: Sendable {
    /// Where each one is, by ordinal.
    private(set) var paths = SchemaPaths()
    /// Contexts by ordinal.
    private(set) var contexts: [SchemaContext] = []
    /// Each ordinal's hash, kept for probing and for growing.
    private var hashes: [UInt64] = []
    /// Each ordinal's JSON Pointer digest (what a child's is made from).
    private var digests: [UInt64] = []
    /// The table: an ordinal, or −1 for an empty slot. A power of two in
    /// size, at most half full.
    private var slots: [Int32] = []

    /// How many schema objects have been scanned.
    var count: Int { contexts.count }

    /// The location of the schema object numbered `ordinal`, spelled out.
    func location(of ordinal: Int) -> SchemaLocation {
        paths.location(of: ordinal)
    }

    /// The context of the schema object at `location`, if it was scanned.
    subscript(location: SchemaLocation) -> SchemaContext? {
        ordinal(of: location).map { contexts[$0] }
    }

    /// The ordinal of the schema object at `location`, if it was scanned.
    func ordinal(of location: SchemaLocation) -> Int? {
        guard !slots.isEmpty else { return nil }
        let hash = ScannedSchemas.hash(digest: location.pointer.digestValue, document: location.document)
        let mask = slots.count - 1
        var slot = ScannedSchemas.slot(for: hash, mask: mask)
        while true {
            let ordinal = Int(slots[slot])
            if ordinal < 0 { return nil }
            if hashes[ordinal] == hash && paths.isAt(ordinal, document: location.document, tokens: location.pointer.tokens) {
                return ordinal
            }
            slot = (slot + 1) & mask
        }
    }

    /// The ordinal of the schema object at `first` (then `second`, if
    /// given) below the scanned object `parent`, if it was scanned: the
    /// compiler's walk from a schema to its subschemas, with no pointer
    /// built (the digest is extended in place) and, for objects the scan
    /// reached from `parent`, no tokens compared but the last.
    func ordinal(below parent: Int, _ first: String, _ second: String? = nil) -> Int? {
        ordinal(below: parent, first, second, hash: childHash(childDigest(parent, first, second), parent))
    }

    private func ordinal(below parent: Int, _ first: String, _ second: String?, hash: UInt64) -> Int? {
        guard !slots.isEmpty else { return nil }
        let mask = slots.count - 1
        var slot = ScannedSchemas.slot(for: hash, mask: mask)
        while true {
            let ordinal = Int(slots[slot])
            if ordinal < 0 { return nil }
            if hashes[ordinal] == hash && paths.isAt(ordinal, below: parent, first, second) { return ordinal }
            slot = (slot + 1) & mask
        }
    }

    /// Records (or replaces) the context of the schema object at `first`
    /// (then `second`) below the scanned object `parent`; returns its ordinal.
    @discardableResult
    mutating func set(_ context: SchemaContext, below parent: Int, _ first: String, _ second: String? = nil) -> Int {
        let digest = childDigest(parent, first, second)
        if let existing = ordinal(below: parent, first, second, hash: childHash(digest, parent)) {
            replace(existing, with: context)
            return existing
        }
        paths.append(parent: parent, document: Int(paths.documents[parent]), first, second)
        return insert(context, digest: digest, document: Int(paths.documents[parent]))
    }

    /// Records (or replaces) the context of the schema object at
    /// `location`; returns its ordinal (a new location gets the next one).
    @discardableResult
    mutating func set(_ context: SchemaContext, at location: SchemaLocation) -> Int {
        if let existing = ordinal(of: location) {
            replace(existing, with: context)
            return existing
        }
        paths.append(location)
        return insert(context, digest: location.pointer.digestValue, document: location.document)
    }

    private mutating func replace(_ ordinal: Int, with context: SchemaContext) {
        contexts[ordinal] = context
        contexts[ordinal].ordinal = Int32(ordinal)
    }

    /// Numbers a new entry (its path already appended).
    private mutating func insert(_ context: SchemaContext, digest: UInt64, document: Int) -> Int {
        let ordinal = contexts.count
        if ordinal == 0 {
            // Room for a small schema's objects at once: growing the arrays
            // from empty was a dozen allocations per compile.
            paths.reserveCapacity(32)
            contexts.reserveCapacity(32)
            hashes.reserveCapacity(32)
            digests.reserveCapacity(32)
        }
        var numbered = context
        numbered.ordinal = Int32(ordinal)
        contexts.append(numbered)
        digests.append(digest)
        hashes.append(ScannedSchemas.hash(digest: digest, document: document))
        if (ordinal + 1) * 2 > slots.count {
            grow()
        } else {
            place(ordinal)
        }
        return ordinal
    }

    /// The JSON Pointer digest of the location `first` (then `second`) below `parent`.
    private func childDigest(_ parent: Int, _ first: String, _ second: String?) -> UInt64 {
        let digest = JSONPointer.digest(digests[parent], appending: first)
        guard let second else { return digest }
        return JSONPointer.digest(digest, appending: second)
    }

    /// The table hash of a child of `parent` with this digest.
    private func childHash(_ digest: UInt64, _ parent: Int) -> UInt64 {
        ScannedSchemas.hash(digest: digest, document: Int(paths.documents[parent]))
    }

    /// Doubles the table and places every ordinal again (hashes are kept).
    private mutating func grow() {
        slots = [Int32](repeating: -1, count: max(64, slots.count * 2))
        for ordinal in contexts.indices { place(ordinal) }
    }

    private mutating func place(_ ordinal: Int) {
        let mask = slots.count - 1
        var slot = ScannedSchemas.slot(for: hashes[ordinal], mask: mask)
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(ordinal)
    }

    private static func hash(digest: UInt64, document: Int) -> UInt64 {
        digest ^ (UInt64(truncatingIfNeeded: document) &* 0x9E37_79B9_7F4A_7C15)
    }

    /// A slot from the hash's well-mixed high bits.
    private static func slot(for hash: UInt64, mask: Int) -> Int {
        var mixed = hash ^ (hash >> 31)
        mixed &*= 0xBF58_476D_1CE4_E5B9
        mixed ^= mixed >> 29
        return Int(truncatingIfNeeded: mixed >> 32) & mask
    }
}
