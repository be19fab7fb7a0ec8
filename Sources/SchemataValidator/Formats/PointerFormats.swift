/// RFC 6901 JSON Pointers and relative JSON Pointers.
enum PointerFormats {
    static func isJSONPointer(_ text: String) -> Bool {
        if text.isEmpty { return true }
        guard text.hasPrefix("/") else { return false }
        var iterator = text.makeIterator()
        while let character = iterator.next() {
            if character == "~" {
                guard let next = iterator.next(), next == "0" || next == "1" else { return false }
            }
        }
        return true
    }

    /// A non-negative integer (no leading zeros), an optional `+n`/`-n`
    /// index adjustment, then `#` or a JSON Pointer.
    static func isRelativeJSONPointer(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        var index = 0
        while index < bytes.count, FormatChecker.isDigit(bytes[index]) { index += 1 }
        guard index > 0, !(bytes[0] == UInt8(ascii: "0") && index > 1) else { return false }
        if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
            let start = index + 1
            var end = start
            while end < bytes.count, FormatChecker.isDigit(bytes[end]) { end += 1 }
            guard end > start, !(bytes[start] == UInt8(ascii: "0") && end - start > 1) else { return false }
            if bytes[start] == UInt8(ascii: "0") && bytes[index] == UInt8(ascii: "-") { return false }
            index = end
        }
        let rest = String(decoding: bytes[index...], as: UTF8.self)
        return rest == "#" || isJSONPointer(rest)
    }
}
