import Testing
@testable import SchemataJSON
import SchemataTestSupport

/// Generated documents — valid ones, and the same with one byte damaged —
/// fed in pieces of random sizes: the result (document or error, with its
/// place) must be exactly the whole-document result. Names and strings
/// short and long, with and without escapes, non-ASCII and invalid bytes,
/// so that every token kind arrives both straight from the input and from
/// yajl's own buffer (the first token of each call).
@Suite struct IncrementalSplitPropertyTests {
    func result(_ bytes: [UInt8], pieces random: inout SeededGenerator?) -> Result<JSONDocument, JSONParseError> {
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
        var random = SeededGenerator(state: 20_261_126)
        var failures = 0
        var compared = 0
        for round in 0..<2000 {
            var bytes = Array(GeneratedJSON.value(&random, depth: 0).utf8)
            if round % 2 == 1 { GeneratedJSON.damage(&bytes, &random) }
            var none: SeededGenerator? = nil
            let whole = result(bytes, pieces: &none)
            for _ in 0..<3 {
                var pieces: SeededGenerator? = SeededGenerator(state: random.next())
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

    /// The events of valid generated documents, collected over random
    /// pieces, are the events of the whole text fed at once: same kinds,
    /// paths, spans and values, in the same order.
    @Test func eventsDoNotDependOnThePieces() throws {
        var random = SeededGenerator(state: 42)
        var total = 0
        for _ in 0..<500 {
            let bytes = Array(GeneratedJSON.value(&random, depth: 0).utf8)
            let whole = IncrementalJSONParser(collectsEvents: true)
            var expected = try whole.feed(bytes)
            _ = try whole.finish()
            expected += whole.takeEvents()
            let pieces = IncrementalJSONParser(collectsEvents: true)
            var events: [JSONStreamEvent] = []
            var start = 0
            while start < bytes.count {
                let end = min(bytes.count, start + 1 + random.below(6))
                events += try pieces.feed(Array(bytes[start..<end]))
                start = end
            }
            _ = try pieces.finish()
            events += pieces.takeEvents()
            #expect(events == expected, "\(String(decoding: bytes, as: UTF8.self))")
            total += expected.count
        }
        #expect(total > 1000, "the documents should produce events")
    }
}

