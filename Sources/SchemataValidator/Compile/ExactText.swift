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
        lhs.text.utf8.elementsEqual(rhs.text.utf8)
    }

    func hash(into hasher: inout Hasher) {
        let utf8 = text.utf8
        if utf8.withContiguousStorageIfAvailable({ hasher.combine(bytes: UnsafeRawBufferPointer($0)) }) == nil {
            for byte in utf8 { hasher.combine(byte) }
        }
        hasher.combine(utf8.count)
    }
}
