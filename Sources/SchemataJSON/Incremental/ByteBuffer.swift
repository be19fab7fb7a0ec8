#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A growable byte buffer owned by one ``IncrementalJSONParser``: appends of
/// a few bytes are a bounds check and a copy, and the whole is viewed as an
/// `UnsafeRawBufferPointer` without a closure.
///
/// The storage is freed by ``deallocate()``, which the owning parser calls
/// from its `deinit`; the buffer is never copied out of the parser (a copy
/// would share the storage).
struct ByteBuffer {
    private var storage: UnsafeMutableRawPointer?
    private(set) var count = 0
    private var capacity = 0

    /// The bytes so far (valid until the next append).
    var bytes: UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: storage, count: count)
    }

    mutating func append(_ new: UnsafeRawBufferPointer) {
        let added = new.count
        guard added > 0 else { return }
        if count + added > capacity { grow(toHold: count + added) }
        let target = storage! + count
        if added <= 8 {
            // Pieces of a few bytes are the streaming case: a byte loop beats
            // a call to memmove.
            for offset in 0..<added { target.storeBytes(of: new[offset], toByteOffset: offset, as: UInt8.self) }
        } else {
            target.copyMemory(from: new.baseAddress!, byteCount: added)
        }
        count += added
    }

    /// Grows the storage geometrically with `realloc`, which moves large
    /// blocks by remapping pages rather than copying them.
    private mutating func grow(toHold needed: Int) {
        let grown = max(4096, capacity * 2, needed)
        guard let moved = realloc(storage, grown) else { fatalError("out of memory growing a \(grown)-byte buffer") }
        storage = moved
        capacity = grown
    }

    /// Frees the storage.
    mutating func deallocate() {
        free(storage)
        storage = nil
        count = 0
        capacity = 0
    }
}
