import Testing
@testable import SchemataJSON

/// Generated documents — valid ones, and the same with one byte damaged —
/// fed in pieces of random sizes: the result (document or error, with its
/// place) must be exactly the whole-document result. Names and strings
/// short and long, with and without escapes, non-ASCII and invalid bytes,
/// so that every token kind arrives both straight from the input and from
/// yajl's own buffer (the first token of each call).
@Suite struct IncrementalSplitPropertyTests {
    /// SplitMix64: the same documents and splits on every run.
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
    }

    static let stringPieces = [
        "a", "name", "version", "repository", "x-long-member-name", "é", "😀", "\\n", "\\\"", "\\u00e9",
        "\\ud83d\\ude00", "\\/", "tab\\t", "12345678", "123456789",
    ]

    static func string(_ random: inout Generator) -> String {
        var text = "\""
        for _ in 0..<random.below(4) { text += stringPieces[random.below(stringPieces.count)] }
        return text + "\""
    }

    static func value(_ random: inout Generator, depth: Int) -> String {
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

    func result(_ bytes: [UInt8], pieces random: inout Generator?) -> Result<JSONDocument, JSONParseError> {
        Result { () throws(JSONParseError) in
            guard var generator = random else { return try JSONParser().parseDocument(bytes) }
            defer { random = generator }
            let parser = IncrementalJSONParser()
            var start = 0
            while start < bytes.count {
                let end = min(bytes.count, start + 1 + generator.below(6))
                try parser.feed(Array(bytes[start..<end]))
                _ = parser.snapshot.value
                start = end
            }
            return try parser.finish()
        }
    }

    @Test func randomPiecesMatchTheWholeParse() {
        var random = Generator(state: 20_261_126)
        var failures = 0
        var compared = 0
        for round in 0..<2000 {
            var bytes = Array(IncrementalSplitPropertyTests.value(&random, depth: 0).utf8)
            if round % 2 == 1, !bytes.isEmpty {
                // Damage one byte: a control character, a lone or bad UTF-8
                // byte, a stray quote, bracket, separator, backslash or
                // letter, or a truncation.
                let place = random.below(bytes.count)
                switch random.below(4) {
                case 0: bytes[place] = [0x01, 0xFF, 0xC3, 0x80, 0xE2, 0xF0][random.below(6)]
                case 1:
                    let stray: [UInt8] = Array("\"],\\x_Z:{".utf8)
                    bytes[place] = stray[random.below(stray.count)]
                default: bytes.removeSubrange(place...)
                }
            }
            var none: Generator? = nil
            let whole = result(bytes, pieces: &none)
            for _ in 0..<3 {
                var pieces: Generator? = Generator(state: random.next())
                let streamed = result(bytes, pieces: &pieces)
                compared += 1
                switch (streamed, whole) {
                case (.success(let a), .success(let b)):
                    if a.nodes != b.nodes || a.spans != b.spans || a.arena != b.arena {
                        failures += 1
                        Issue.record("documents differ for \(String(decoding: bytes, as: UTF8.self))")
                    }
                case (.failure(let a), .failure(let b)):
                    if a.reason != b.reason || a.message != b.message || a.location != b.location {
                        failures += 1
                        Issue.record("errors differ for \(String(decoding: bytes, as: UTF8.self)): \(a) vs \(b)")
                    }
                default:
                    failures += 1
                    Issue.record("one failed and one did not for \(String(decoding: bytes, as: UTF8.self)): \(streamed) vs \(whole)")
                }
                if failures > 5 { return }
            }
        }
        #expect(compared == 6000)
    }

    /// The same generated documents through the two whole-document parsers:
    /// the value parser and the tape parser give the same value, or the
    /// same error at the same place.
    @Test func valueAndTapeParsersAgree() {
        var random = Generator(state: 1_126)
        for round in 0..<2000 {
            var bytes = Array(IncrementalSplitPropertyTests.value(&random, depth: 0).utf8)
            if round % 2 == 1, !bytes.isEmpty {
                let place = random.below(bytes.count)
                if random.below(3) == 0 {
                    bytes.removeSubrange(place...)
                } else {
                    let stray: [UInt8] = [0x01, 0xFF, 0xC3, 0xE2] + Array("\"],\\x:{".utf8)
                    bytes[place] = stray[random.below(stray.count)]
                }
            }
            let text = String(decoding: bytes, as: UTF8.self)
            switch (Result { () throws(JSONParseError) in try JSONParser().parse(bytes) },
                Result { () throws(JSONParseError) in try JSONParser().parseDocument(bytes) }) {
            case (.success(let value), .success(let document)):
                #expect(value == document.value, "\(text)")
            case (.failure(let a), .failure(let b)):
                #expect(a.reason == b.reason && a.message == b.message && a.location == b.location, "\(text): \(a) vs \(b)")
            case (let a, let b):
                Issue.record("\(text): \(a) vs \(b)")
            }
        }
    }
}

