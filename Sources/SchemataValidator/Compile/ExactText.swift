#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A string as a table key compared and hashed by its UTF-8 bytes.
///
/// `String`'s own equality and hashing follow canonical equivalence, so
/// `"é"` (U+00E9) and `"e\u{301}"` are one key to a `[String: …]` table;
/// in JSON Schema they are different property names, patterns and
/// references. Compiler tables key names by this type instead.
struct ExactText: Hashable, Sendable {
    let text: String

    init(_ text: String) {
        self.text = text
    }

    static func == (lhs: ExactText, rhs: ExactText) -> Bool {
        let left = lhs.text.utf8
        let right = rhs.text.utf8
        guard left.count == right.count else { return false }
        // Native strings are contiguous: compare the bytes in place (the
        // generic sequence comparison costs more than the rest of a lookup).
        let compared = left.withContiguousStorageIfAvailable { first in
            right.withContiguousStorageIfAvailable { second in
                first.count == 0 || memcmp(first.baseAddress!, second.baseAddress!, first.count) == 0
            }
        }
        if let compared, let same = compared { return same }
        return left.elementsEqual(right)
    }

    func hash(into hasher: inout Hasher) {
        let utf8 = text.utf8
        if utf8.withContiguousStorageIfAvailable({ hasher.combine(bytes: UnsafeRawBufferPointer($0)) }) == nil {
            for byte in utf8 { hasher.combine(byte) }
        }
        hasher.combine(utf8.count)
    }
}
