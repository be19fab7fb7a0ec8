import SchemataJSON

/// The schema objects a registry has scanned, each with its context,
/// numbered densely in scan order (the number is the context's
/// ``SchemaContext/ordinal``).
///
/// Finding a location is open addressing over a mix of the location's JSON
/// Pointer digest (which every pointer computes once, as it is built) and
/// its document number: no hasher runs per lookup, and growing the table
/// reuses the stored hashes instead of hashing every key again.
struct ScannedSchemas: Sendable {
    /// Locations by ordinal.
    private(set) var locations: [SchemaLocation] = []
    /// Contexts by ordinal.
    private(set) var contexts: [SchemaContext] = []
    /// Each ordinal's hash, kept for probing and for growing.
    private var hashes: [UInt64] = []
    /// The table: an ordinal, or −1 for an empty slot. A power of two in
    /// size, at most half full.
    private var slots: [Int32] = []

    /// How many schema objects have been scanned.
    var count: Int { locations.count }

    /// The context of the schema object at `location`, if it was scanned.
    subscript(location: SchemaLocation) -> SchemaContext? {
        ordinal(of: location).map { contexts[$0] }
    }

    /// The ordinal of the schema object at `location`, if it was scanned.
    func ordinal(of location: SchemaLocation) -> Int? {
        guard !slots.isEmpty else { return nil }
        let hash = ScannedSchemas.hash(location)
        let mask = slots.count - 1
        var slot = ScannedSchemas.slot(for: hash, mask: mask)
        while true {
            let ordinal = Int(slots[slot])
            if ordinal < 0 { return nil }
            if hashes[ordinal] == hash && locations[ordinal] == location { return ordinal }
            slot = (slot + 1) & mask
        }
    }

    /// The ordinal of the schema object at `first` (then `second`, if
    /// given) below the scanned object `parent`, if it was scanned: the
    /// compiler's walk from a schema to its subschemas, with no pointer
    /// built (its digest is extended in place) and the stored pointer
    /// compared token by token only on a digest match.
    func ordinal(below parent: Int, _ first: String, _ second: String? = nil) -> Int? {
        guard !slots.isEmpty else { return nil }
        let base = locations[parent]
        var digest = JSONPointer.digest(base.pointer.digestValue, appending: first)
        if let second { digest = JSONPointer.digest(digest, appending: second) }
        let hash = ScannedSchemas.hash(digest: digest, document: base.document)
        let mask = slots.count - 1
        var slot = ScannedSchemas.slot(for: hash, mask: mask)
        while true {
            let ordinal = Int(slots[slot])
            if ordinal < 0 { return nil }
            if hashes[ordinal] == hash, locations[ordinal].document == base.document,
                locations[ordinal].pointer.extends(base.pointer, by: first, second)
            {
                return ordinal
            }
            slot = (slot + 1) & mask
        }
    }

    /// Records (or replaces) the context of the schema object at
    /// `location`; a new location gets the next ordinal.
    mutating func set(_ context: SchemaContext, at location: SchemaLocation) {
        if let existing = ordinal(of: location) {
            contexts[existing] = context
            contexts[existing].ordinal = Int32(existing)
            return
        }
        let ordinal = locations.count
        if ordinal == 0 {
            // Room for a small schema's objects at once: growing three
            // arrays from empty was a dozen allocations per compile.
            locations.reserveCapacity(32)
            contexts.reserveCapacity(32)
            hashes.reserveCapacity(32)
        }
        var numbered = context
        numbered.ordinal = Int32(ordinal)
        locations.append(location)
        contexts.append(numbered)
        hashes.append(ScannedSchemas.hash(location))
        if (ordinal + 1) * 2 > slots.count {
            grow()
        } else {
            place(ordinal)
        }
    }

    /// Doubles the table and places every ordinal again (hashes are kept).
    private mutating func grow() {
        slots = [Int32](repeating: -1, count: max(64, slots.count * 2))
        for ordinal in locations.indices { place(ordinal) }
    }

    private mutating func place(_ ordinal: Int) {
        let mask = slots.count - 1
        var slot = ScannedSchemas.slot(for: hashes[ordinal], mask: mask)
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(ordinal)
    }

    private static func hash(_ location: SchemaLocation) -> UInt64 {
        hash(digest: location.pointer.digestValue, document: location.document)
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
