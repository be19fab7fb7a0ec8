/// An object member name, compared and hashed by its exact Unicode scalars.
///
/// Swift's `String` equality is canonical equivalence, so `"é"` (U+00E9) and
/// `"e\u{301}"` compare equal as `String`s; in JSON they are different names
/// (and JSON Schema's `const`, `enum` and `uniqueItems` tell them apart).
/// Schemata keys its objects by this type instead.
@usableFromInline
struct JSONKey: Hashable, Sendable {
    @usableFromInline
    let string: String

    @inlinable
    init(_ string: String) {
        self.string = string
    }

    @inlinable
    static func == (lhs: JSONKey, rhs: JSONKey) -> Bool {
        JSONKey.exactlyEqual(lhs.string, rhs.string)
    }

    @inlinable
    func hash(into hasher: inout Hasher) {
        JSONKey.hashExactly(string, into: &hasher)
    }

    /// Code-unit equality of two strings (no Unicode normalisation).
    @inlinable
    static func exactlyEqual(_ a: String, _ b: String) -> Bool {
        let x = a.utf8
        let y = b.utf8
        guard x.count == y.count else { return false }
        if let same = x.withContiguousStorageIfAvailable({ first in
            y.withContiguousStorageIfAvailable { second in
                first.count == 0 || memcmpBytes(first.baseAddress!, second.baseAddress!, first.count)
            }
        }), let result = same {
            return result
        }
        return x.elementsEqual(y)
    }

    /// Hashes a string's UTF-8 code units.
    @inlinable
    static func hashExactly(_ string: String, into hasher: inout Hasher) {
        let utf8 = string.utf8
        if utf8.withContiguousStorageIfAvailable({ hasher.combine(bytes: UnsafeRawBufferPointer($0)) }) == nil {
            for byte in utf8 { hasher.combine(byte) }
        }
        hasher.combine(utf8.count)
    }
}

@usableFromInline
func memcmpBytes(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ count: Int) -> Bool {
    var index = 0
    while index + 8 <= count {
        if UnsafeRawPointer(a + index).loadUnaligned(as: UInt64.self) != UnsafeRawPointer(b + index).loadUnaligned(as: UInt64.self) {
            return false
        }
        index += 8
    }
    while index < count {
        if a[index] != b[index] { return false }
        index += 1
    }
    return true
}
