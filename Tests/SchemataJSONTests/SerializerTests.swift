import Testing
@testable import SchemataJSON

@Suite struct SerializerTests {
    let sample: JSONValue = ["b": [1, "two", nil_()], "a": ["z": true, "é": 1.5], "c": [:], "d": []]

    static func nil_() -> JSONValue { .null }
    func nil_() -> JSONValue { .null }

    @Test func compact() {
        #expect(JSONSerializer(style: .compact).string(from: sample) == #"{"b":[1,"two",null],"a":{"z":true,"é":1.5},"c":{},"d":[]}"#)
    }

    @Test func pretty() {
        let expected = """
            {
              "b": [
                1,
                "two",
                null
              ],
              "a": {
                "z": true,
                "é": 1.5
              },
              "c": {},
              "d": []
            }
            """
        #expect(JSONSerializer(style: .pretty).string(from: sample) == expected)
    }

    @Test func canonicalSortsKeysByUTF16() throws {
        let value = try JSONValue(parsing: #"{"b": 1, "a": {"y": 2, "x": 3}, "\ud83d\ude00": 4, "\uff61": 5}"#)
        // U+1F600 is D83D DE00 in UTF-16, which sorts before U+FF61.
        #expect(JSONSerializer(style: .canonical).string(from: value) == #"{"a":{"x":3,"y":2},"b":1,"😀":4,"｡":5}"#)
    }

    @Test func numbersKeepTheirExactText() throws {
        let text = #"[1.0,1e400,-0,2.50,18446744073709551616,1E+2]"#
        #expect(JSONSerializer().string(from: try JSONValue(parsing: text)) == text)
    }

    @Test func escaping() {
        let value: JSONValue = .string("q\"b\\s/\u{8}\u{c}\n\r\t\u{0}\u{1f}\u{7f}é😀")
        #expect(JSONSerializer().string(from: value) == #""q\"b\\s/\b\f\n\r\t\u0000\u001f"# + "\u{7f}é😀\"")
        #expect(JSONSerializer(escapesNonASCII: true).string(from: "é😀") == #""\u00e9\ud83d\ude00""#)
    }

    @Test func roundTripsThroughTheParser() throws {
        for style in [JSONSerializer.Style.compact, .pretty, .canonical] {
            let text = JSONSerializer(style: style).string(from: sample)
            #expect(try JSONValue(parsing: text) == sample)
        }
    }

    @Test func deepValuesSerializeWithoutRecursion() {
        var value: JSONValue = 1
        for _ in 0..<100_000 { value = .array([value]) }
        let bytes = JSONSerializer().bytes(from: value)
        #expect(bytes.count == 200_001)
        // Tear down iteratively too: unwrap one level at a time.
        while case .array(let inner) = value, let first = inner.first { value = first }
    }
}

@Suite struct InlineArrayTests {
    @Test func shortScalarArraysShareALineWhenAsked() {
        var serializer = JSONSerializer(style: .pretty)
        serializer.inlineScalarArrayWidth = 20
        let value: JSONValue = ["short": ["a", 1, .null], "long": ["aaaaaaaaaa", "bbbbbbbbbb"], "nested": [[1]]]
        #expect(serializer.string(from: value) == """
            {
              "short": ["a", 1, null],
              "long": [
                "aaaaaaaaaa",
                "bbbbbbbbbb"
              ],
              "nested": [
                [1]
              ]
            }
            """)
        // Off by default.
        #expect(JSONSerializer(style: .pretty).string(from: ["a": [1]]) == "{\n  \"a\": [\n    1\n  ]\n}")
    }
}
