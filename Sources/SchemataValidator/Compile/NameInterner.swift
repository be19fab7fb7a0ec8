/// Keeps one copy of each name a program compares against (property names,
/// `required` lists, string enums), as byte ranges of one buffer.
///
/// A table of its own rather than a `Dictionary`: names are found by a
/// multiply-and-fold digest of their bytes and compared as bytes, where
/// hashing each name with the standard hasher was half the cost of
/// lowering a small schema's keywords.
struct NameInterner {
    /// The names' bytes, one after another.
    private(set) var bytes: [UInt8] = []
    /// Each interned name, in order of first appearance.
    private var names: [FlatProgram.Name] = []
    /// Each name's digest.
    private var digests: [UInt64] = []
    /// Open addressing: a position in `names`, or −1. A power of two in
    /// size, at most half full.
    private var slots: [Int32] = []

    /// Room for about `count` distinct names before growing.
    init(expectedCount count: Int) {
        var size = 16
        while size < count * 2 { size *= 2 }
        slots = [Int32](repeating: -1, count: size)
        names.reserveCapacity(size / 2)
        digests.reserveCapacity(size / 2)
        bytes.reserveCapacity(count * 8)
    }

    /// The range of `text`'s bytes, added if new.
    mutating func intern(_ text: String) -> FlatProgram.Name {
        var text = text
        return text.withUTF8 { intern(UnsafeRawBufferPointer($0)) }
    }

    private mutating func intern(_ text: UnsafeRawBufferPointer) -> FlatProgram.Name {
        let digest = NameInterner.digest(text)
        let mask = slots.count - 1
        var slot = NameInterner.slot(for: digest, mask: mask)
        while slots[slot] >= 0 {
            let known = Int(slots[slot])
            if digests[known] == digest && spells(names[known], text) { return names[known] }
            slot = (slot + 1) & mask
        }
        let name = FlatProgram.Name(start: Int32(bytes.count), length: Int32(text.count))
        bytes.append(contentsOf: text)
        names.append(name)
        digests.append(digest)
        slots[slot] = Int32(names.count - 1)
        if names.count * 2 > slots.count { grow() }
        return name
    }

    /// Whether the bytes of `name` are `text`.
    private func spells(_ name: FlatProgram.Name, _ text: UnsafeRawBufferPointer) -> Bool {
        guard Int(name.length) == text.count else { return false }
        return bytes.withUnsafeBytes { stored in
            let start = Int(name.start)
            for offset in 0..<text.count where stored[start + offset] != text[offset] { return false }
            return true
        }
    }

    /// A digest of the bytes, eight at a time: a multiply and a shift each.
    private static func digest(_ text: UnsafeRawBufferPointer) -> UInt64 {
        var value: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(truncatingIfNeeded: text.count)
        var offset = 0
        while offset + 8 <= text.count {
            value = mix(value ^ text.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            offset += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while offset < text.count {
            tail |= UInt64(text[offset]) << shift
            shift += 8
            offset += 1
        }
        return mix(value ^ tail)
    }

    private static func mix(_ value: UInt64) -> UInt64 {
        let product = value.multipliedFullWidth(by: 0x9FB2_1C65_1E98_DF25)
        return product.high ^ product.low
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for index in names.indices {
            var slot = NameInterner.slot(for: digests[index], mask: mask)
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(index)
        }
    }

    /// A slot from the digest's well-mixed high bits.
    private static func slot(for digest: UInt64, mask: Int) -> Int {
        var mixed = digest ^ (digest >> 31)
        mixed &*= 0xBF58_476D_1CE4_E5B9
        mixed ^= mixed >> 29
        return Int(truncatingIfNeeded: mixed >> 32) & mask
    }
}
