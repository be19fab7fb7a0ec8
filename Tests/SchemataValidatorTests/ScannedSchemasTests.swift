import SchemataJSON
import Testing
@testable import SchemataValidator

@Suite struct ScannedSchemasTests {
    func location(_ document: Int, _ tokens: [String]) -> SchemaLocation {
        SchemaLocation(document: document, pointer: JSONPointer(tokens: tokens))
    }

    @Test func findsEveryLocationAndNumbersThemInOrder() {
        var scanned = ScannedSchemas()
        var expected: [SchemaLocation] = []
        // Enough to grow the table several times; the same pointers in two
        // documents, and pointers that differ only in token boundaries.
        for index in 0..<3000 {
            let tokens = ["properties", "p\(index % 300)", "items", "\(index / 300)"]
            expected.append(location(index % 2, tokens))
        }
        expected += [location(0, ["ab", "c"]), location(0, ["a", "bc"]), location(0, ["abc"]), location(0, [])]
        for (ordinal, place) in expected.enumerated() {
            scanned.set(SchemaContext(draft: .draft7, vocabularies: .standard, resource: ordinal % 5), at: place)
        }
        #expect(scanned.count == expected.count)
        for (ordinal, place) in expected.enumerated() {
            #expect(scanned.ordinal(of: place) == ordinal)
            #expect(scanned[place]?.resource == ordinal % 5)
            #expect(scanned[place]?.ordinal == Int32(ordinal))
        }
        #expect(scanned[location(2, ["properties"])] == nil)
        #expect(scanned[location(0, ["properties", "p0", "items", "99"])] == nil)
    }

    @Test func replacingAContextKeepsItsOrdinal() {
        var scanned = ScannedSchemas()
        let first = location(0, ["a"])
        scanned.set(SchemaContext(draft: .draft7, vocabularies: .standard, resource: 0), at: first)
        scanned.set(SchemaContext(draft: .draft7, vocabularies: .standard, resource: 1), at: location(0, ["b"]))
        scanned.set(SchemaContext(draft: .draft2020_12, vocabularies: .standard, resource: 7), at: first)
        #expect(scanned.count == 2)
        #expect(scanned.ordinal(of: first) == 0)
        #expect(scanned[first]?.draft == .draft2020_12)
        #expect(scanned[first]?.resource == 7)
    }
}
