import SchemataTestSupport

/// Deterministic generated JSON for property tests: documents with names
/// and strings short and long, with and without escapes, non-ASCII text,
/// numbers of every form, literals and nesting; and a way to damage one.
enum GeneratedJSON {
    static let stringPieces = [
        "a", "name", "version", "repository", "x-long-member-name", "é", "😀", "\\n", "\\\"", "\\u00e9",
        "\\ud83d\\ude00", "\\/", "tab\\t", "12345678", "123456789",
    ]

    static func string(_ random: inout SeededGenerator) -> String {
        var text = "\""
        for _ in 0..<random.below(4) { text += stringPieces[random.below(stringPieces.count)] }
        return text + "\""
    }

    static func value(_ random: inout SeededGenerator, depth: Int) -> String {
        switch random.below(depth > 3 ? 5 : 7) {
        case 0: return string(&random)
        case 1: return ["0", "-12", "3.25", "1e400", "18446744073709551616", "-0.5e-3"][random.below(6)]
        case 2: return ["true", "false", "null"][random.below(3)]
        case 3: return string(&random)
        case 4: return String(random.below(100_000))
        case 5:
            let elements = (0..<random.below(4)).map { _ in value(&random, depth: depth + 1) }
            return "[" + elements.joined(separator: random.below(2) == 0 ? "," : ", ") + "]"
        default:
            // Distinct names (a repeated one is an error either way, tested elsewhere).
            var seen: Set<String> = []
            var members: [String] = []
            for _ in 0..<random.below(5) {
                let name = string(&random)
                guard seen.insert(name).inserted else { continue }
                members.append(name + (random.below(2) == 0 ? ":" : " : ") + value(&random, depth: depth + 1))
            }
            return "{" + members.joined(separator: ",") + "}"
        }
    }

    /// Damages one byte: a control character, a lone or bad UTF-8 byte, a
    /// stray quote, bracket, separator, backslash or letter, or a
    /// truncation.
    static func damage(_ bytes: inout [UInt8], _ random: inout SeededGenerator) {
        guard !bytes.isEmpty else { return }
        let place = random.below(bytes.count)
        switch random.below(4) {
        case 0: bytes[place] = [0x01, 0xFF, 0xC3, 0x80, 0xE2, 0xF0][random.below(6)]
        case 1:
            let stray: [UInt8] = Array("\"],\\x_Z:{".utf8)
            bytes[place] = stray[random.below(stray.count)]
        default: bytes.removeSubrange(place...)
        }
    }
}
