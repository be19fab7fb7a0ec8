import Testing
@testable import SchemataJSON
import SchemataTestSupport

@Suite struct ParserAgreementTests {
    /// The same generated documents through the two whole-document parsers:
    /// the value parser and the tape parser give the same value, or the
    /// same error at the same place.
    @Test func valueAndTapeParsersAgree() {
        var random = SeededGenerator(state: 1_126)
        for round in 0..<2000 {
            var bytes = Array(GeneratedJSON.value(&random, depth: 0).utf8)
            if round % 2 == 1 { GeneratedJSON.damage(&bytes, &random) }
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
