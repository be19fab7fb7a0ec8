import Testing
@testable import SchemataValidator

/// RFC 3986 reference resolution (§5.2, with the examples of §5.4) and the
/// meta-schema URIs that name a draft.
@Suite struct URIReferenceTests {
    static let base = URIReference("http://a/b/c/d;p?q")

    @Test(arguments: [
        ("g", "http://a/b/c/g"), ("./g", "http://a/b/c/g"), ("g/", "http://a/b/c/g/"), ("/g", "http://a/g"),
        ("//g", "http://g"), ("?y", "http://a/b/c/d;p?y"), ("g?y", "http://a/b/c/g?y"), ("#s", "http://a/b/c/d;p?q#s"),
        (".", "http://a/b/c/"), ("./", "http://a/b/c/"), ("..", "http://a/b/"), ("../", "http://a/b/"), ("../g", "http://a/b/g"),
        ("../..", "http://a/"), ("../../g", "http://a/g"), ("../../../g", "http://a/g"), ("/./g", "http://a/g"),
        ("/../g", "http://a/g"), ("g.", "http://a/b/c/g."), (".g", "http://a/b/c/.g"), ("g..", "http://a/b/c/g.."),
        ("..g", "http://a/b/c/..g"), ("./../g", "http://a/b/g"), ("g/./h", "http://a/b/c/g/h"), ("g/../h", "http://a/b/c/h"),
        ("schema.json", "http://a/b/c/schema.json"), ("HTTP://Ex.COM/A.json", "http://ex.com/A.json"),
    ])
    func resolvesAsRFC3986Says(reference: String, expected: String) {
        #expect(URIReference(reference).resolved(against: Self.base).description == expected)
    }

    @Test func splitsIntoItsFiveComponents() {
        let full = URIReference("HTtp://Host.Example:80/p/ä th?q=1&r#frag/ment")
        #expect(full.scheme == "http" && full.authority == "host.example:80" && full.path == "/p/ä th")
        #expect(full.query == "q=1&r" && full.fragment == "frag/ment")
        // A `#` before a combining mark still delimits (bytes, not graphemes).
        let marked = URIReference("a.json#\u{301}x")
        #expect(marked.path == "a.json" && marked.fragment == "\u{301}x")
        // Not a scheme: a colon after a digit-first name, or after a slash.
        #expect(URIReference("1a:b").scheme == nil && URIReference("1a:b").path == "1a:b")
        #expect(URIReference("./a:b").scheme == nil)
        let urn = URIReference("urn:uuid:deadbeef-1234?x#")
        #expect(urn.scheme == "urn" && urn.authority == nil && urn.path == "uuid:deadbeef-1234" && urn.query == "x" && urn.fragment == "")
        let empty = URIReference("")
        #expect(empty.scheme == nil && empty.path.isEmpty && empty.fragment == nil && empty.query == nil)
    }

    @Test func dotSegmentsAreWholeSegments() {
        #expect(!URIReference.hasDotSegment("/schemas/v1.2/item.json".utf8))
        #expect(!URIReference.hasDotSegment("/a/.../b".utf8))
        #expect(URIReference.hasDotSegment("/a/./b".utf8))
        #expect(URIReference.hasDotSegment("/a/..".utf8))
        #expect(URIReference.hasDotSegment(".".utf8))
    }

    @Test func authoritiesKeepUserInfoCase() {
        #expect(URIReference("https://User@Example.ORG/x").authority == "User@example.org")
        #expect(URIReference("https://example.org:8080/x").authority == "example.org:8080")
    }

    @Test func metaSchemaURIsNameTheirDrafts() {
        #expect(Draft(metaSchemaURI: "https://json-schema.org/draft/2020-12/schema") == .draft2020_12)
        #expect(Draft(metaSchemaURI: "http://json-schema.org/draft/2019-09/schema#") == .draft2019_09)
        #expect(Draft(metaSchemaURI: "http://json-schema.org/draft-07/schema#") == .draft7)
        #expect(Draft(metaSchemaURI: "https://json-schema.org/draft-06/schema") == .draft6)
        #expect(Draft(metaSchemaURI: "http://json-schema.org/schema#") == .draft4)
        #expect(Draft(metaSchemaURI: "json-schema.org/draft-07/schema") == nil)
        #expect(Draft(metaSchemaURI: "http://json-schema.org/draft-07/schema##") == nil)
        #expect(Draft(metaSchemaURI: "http://json-schema.org/draft-07/schema/") == nil)
        #expect(Draft(metaSchemaURI: "http:/") == nil)
        #expect(Draft(metaSchemaURI: "https://example.com/my-meta") == nil)
    }
}
