/// Builds deterministic JSON documents of a chosen size for benchmarks:
/// arrays of records that look like API / LLM output (ids, names with
/// escapes and non-ASCII text, floats, Booleans, nulls, nested arrays and
/// objects).
struct DocumentGenerator {
    private var state: UInt64 = 0x9E37_79B9_7F4A_7C15

    private mutating func next() -> UInt64 {
        // SplitMix64: deterministic across runs and platforms.
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    private static let words = [
        "alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliett", "kilo",
        "lima", "mike", "november", "oscar", "papa", "quebec", "romeo", "sierra", "tango", "uniform", "victor",
        "whiskey", "x-ray", "yankee", "zulu", "café", "naïve", "Zürich", "東京", "😀",
    ]

    private mutating func sentence(_ count: Int) -> String {
        var parts: [String] = []
        for _ in 0..<count { parts.append(DocumentGenerator.words[Int(next() % UInt64(DocumentGenerator.words.count))]) }
        var text = parts.joined(separator: " ")
        if next() % 8 == 0 { text += " \\\"quoted\\\" \\n" }
        return text
    }

    /// One record as JSON text.
    private mutating func record(_ index: Int) -> String {
        let price = Double(next() % 1_000_000) / 100.0
        let score = Double(Int64(bitPattern: next() % 2_000_000) - 1_000_000) / 1e6
        let tags = (0..<Int(next() % 5)).map { _ in "\"\(DocumentGenerator.words[Int(next() % 26)])\"" }
        let active = next() % 2 == 0 ? "true" : "false"
        let parent = next() % 4 == 0 ? "null" : String(next() % 100_000)
        return """
            {"id":\(index),"name":"\(sentence(2))","description":"\(sentence(Int(next() % 12) + 3))",\
            "price":\(price),"score":\(score),"active":\(active),"parent":\(parent),"tags":[\(tags.joined(separator: ","))],\
            "location":{"lat":\(Double(next() % 180_000_000) / 1e6 - 90),"lon":\(Double(next() % 360_000_000) / 1e6 - 180)},\
            "counts":[\(next() % 1000),\(next() % 1000),\(next() % 1000)]}
            """
    }

    /// A JSON array of records at least `size` bytes long.
    mutating func document(bytes size: Int) -> [UInt8] {
        var output: [UInt8] = Array("[\n".utf8)
        output.reserveCapacity(size + 1024)
        var index = 0
        while output.count < size {
            if index > 0 { output.append(contentsOf: ",\n".utf8) }
            output.append(contentsOf: record(index).utf8)
            index += 1
        }
        output.append(contentsOf: "\n]\n".utf8)
        return output
    }
}

/// The record shape, for `JSONDecoder`.
struct Record: Decodable {
    struct Location: Decodable {
        var lat: Double
        var lon: Double
    }

    var id: Int
    var name: String
    var description: String
    var price: Double
    var score: Double
    var active: Bool
    var parent: Int?
    var tags: [String]
    var location: Location
    var counts: [Int]
}
