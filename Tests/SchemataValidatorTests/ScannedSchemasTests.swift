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

    @Test func findsChildrenByTheirParentsNumberAndTokens() {
        var scanned = ScannedSchemas()
        let places = [
            location(0, []), location(0, ["properties", "a"]), location(0, ["properties", "a", "items"]),
            location(1, ["properties", "a"]), location(0, ["not"]), location(0, ["propertiesa"]),
            location(0, ["allOf", "0"]), location(0, ["properties", "ab"]),
        ]
        for place in places {
            scanned.set(SchemaContext(draft: .draft2020_12, vocabularies: .standard, resource: 0), at: place)
        }
        #expect(scanned.ordinal(below: 0, "properties", "a") == 1)
        #expect(scanned.ordinal(below: 1, "items") == 2)
        #expect(scanned.ordinal(below: 0, "not") == 4)
        #expect(scanned.ordinal(below: 0, "propertiesa") == 5)
        #expect(scanned.ordinal(below: 0, "allOf", "0") == 6)
        #expect(scanned.ordinal(below: 0, "properties", "ab") == 7)
        // Not scanned: other tokens, other token boundaries, other documents.
        #expect(scanned.ordinal(below: 0, "properties", "b") == nil)
        #expect(scanned.ordinal(below: 0, "properties") == nil)
        #expect(scanned.ordinal(below: 0, "allOf", "1") == nil)
        #expect(scanned.ordinal(below: 4, "items") == nil)
        // The same pointer in document 1 is a different schema.
        #expect(scanned.ordinal(below: 3, "items") == nil)
        // Every scanned location is found from its parent when the parent was scanned.
        for (ordinal, place) in places.enumerated() where place.pointer.tokens.count >= 1 {
            let tokens = place.pointer.tokens
            for split in [1, 2] where tokens.count >= split {
                let parent = SchemaLocation(document: place.document, pointer: JSONPointer(tokens: Array(tokens.dropLast(split))))
                guard let parentOrdinal = scanned.ordinal(of: parent) else { continue }
                let found = split == 1
                    ? scanned.ordinal(below: parentOrdinal, tokens[tokens.count - 1])
                    : scanned.ordinal(below: parentOrdinal, tokens[tokens.count - 2], tokens[tokens.count - 1])
                #expect(found == ordinal, "\(place.pointer) from \(parent.pointer)")
            }
        }
    }

    @Test func childrenRecordedByTheirParentAreFoundEveryWay() {
        var scanned = ScannedSchemas()
        let context = SchemaContext(draft: .draft2020_12, vocabularies: .standard, resource: 0)
        let root = scanned.set(context, at: location(3, []))
        let properties = scanned.set(context, below: root, "properties", "a/b~c")
        let items = scanned.set(context, below: properties, "items")
        let prefix = scanned.set(context, below: items, "prefixItems", "0")
        // Spelled out, each is its parent's pointer with its own tokens.
        #expect(scanned.location(of: prefix) == location(3, ["properties", "a/b~c", "items", "prefixItems", "0"]))
        #expect(scanned.location(of: root) == location(3, []))
        // Found from whole locations and from parents alike.
        #expect(scanned.ordinal(of: location(3, ["properties", "a/b~c", "items"])) == items)
        #expect(scanned.ordinal(below: items, "prefixItems", "0") == prefix)
        #expect(scanned.ordinal(below: properties, "items") == items)
        #expect(scanned.ordinal(of: location(3, ["properties", "a/b~c"])) == properties)
        // Not others: a split that differs, another document, a prefix.
        #expect(scanned.ordinal(below: root, "properties") == nil)
        #expect(scanned.ordinal(of: location(3, ["properties"])) == nil)
        #expect(scanned.ordinal(of: location(2, ["properties", "a/b~c"])) == nil)
        #expect(scanned.ordinal(below: root, "properties", "a/b~") == nil)
        // Recording the same place again replaces its context, not its number.
        let again = scanned.set(SchemaContext(draft: .draft7, vocabularies: .standard, resource: 4), below: properties, "items")
        #expect(again == items && scanned.count == 4 && scanned.contexts[items].resource == 4)
    }

    @Test func aWholeLocationIsFoundFromItsParentToo() {
        var scanned = ScannedSchemas()
        let context = SchemaContext(draft: .draft2020_12, vocabularies: .standard, resource: 0)
        let root = scanned.set(context, at: location(0, []))
        let not = scanned.set(context, below: root, "not")
        // Recorded whole (no parent), then looked for from its parent.
        let deep = scanned.set(context, at: location(0, ["not", "properties", "x"]))
        #expect(scanned.ordinal(below: not, "properties", "x") == deep)
        #expect(scanned.ordinal(below: not, "properties", "y") == nil)
        // And a child recorded below it spells out through it.
        let child = scanned.set(context, below: deep, "items")
        #expect(scanned.location(of: child) == location(0, ["not", "properties", "x", "items"]))
        #expect(scanned.ordinal(of: location(0, ["not", "properties", "x", "items"])) == child)
        // Setting the same place as a whole location finds the child.
        #expect(scanned.set(context, at: location(0, ["not", "properties", "x", "items"])) == child)
    }
}
