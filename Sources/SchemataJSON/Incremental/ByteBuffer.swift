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
        guard !new.isEmpty else { return }
        if count + new.count > capacity {
            let grown = max(4096, capacity * 2, count + new.count)
            let replacement = UnsafeMutableRawPointer.allocate(byteCount: grown, alignment: 16)
            if let storage {
                replacement.copyMemory(from: storage, byteCount: count)
                storage.deallocate()
            }
            storage = replacement
            capacity = grown
        }
        (storage! + count).copyMemory(from: new.baseAddress!, byteCount: new.count)
        count += new.count
    }

    /// Frees the storage.
    mutating func deallocate() {
        storage?.deallocate()
        storage = nil
        count = 0
        capacity = 0
    }
}
