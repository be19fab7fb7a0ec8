import Testing
@testable import SchemataJSON

@Suite struct IncrementalParserTests {
    /// Documents that exercise every token kind at chunk boundaries.
    static let documents: [String] = [
        #"{"name": "Ada Lovelace", "born": 1815, "ratio": -2.5e-3, "ok": true, "no": false, "nil": null}"#,
        #"[1, 22, 333, "a\"b\\c\/d\u00e9\ud83d\ude00", [], {}, [[1], {"x": [null]}]]"#,
        "  \"plain string with é and 😀\"  ",
        "12345678901234567890123",
        "-0.000e+00",
        #"{"nested": {"deep": [{"k": "v"}, 18446744073709551616, 1e400]}, "tail": "\n\t"}"#,
        "[\"\u{1}\"]",
        "{\"a\":1,\"a\":2}",
        "[1, 2,]",
        "[\"\\ud800\\u0041\"]",
        "{\"k\": tru}",
        "[1, 2",
        "[01]",
        "[\"ab\u{FF}\"]",
        // Names short and long, plain and escaped, at every boundary (the
        // first token of each yajl call comes from yajl's own buffer).
        #"{"k": 1, "caf\u00e9": 2, "a-rather-long-name": "v", "name\"q": [], "é": "\u00e9x"}"#,
    ]

    func wholeResult(_ bytes: [UInt8]) -> Result<JSONDocument, JSONParseError> {
        Result { () throws(JSONParseError) in try JSONParser().parseDocument(bytes) }
    }

    func incrementalResult(_ bytes: [UInt8], splits: [Int]) -> Result<JSONDocument, JSONParseError> {
        let parser = IncrementalJSONParser()
        var start = 0
        return Result { () throws(JSONParseError) in
            for split in splits + [bytes.count] {
                try parser.feed(Array(bytes[start..<split]))
                _ = parser.snapshot.value
                start = split
            }
            return try parser.finish()
        }
    }

    func assertSame(_ a: Result<JSONDocument, JSONParseError>, _ b: Result<JSONDocument, JSONParseError>, _ context: String) {
        switch (a, b) {
        case (.success(let x), .success(let y)):
            #expect(x.nodes == y.nodes, "\(context): nodes differ")
            #expect(x.spans == y.spans, "\(context): spans differ")
            #expect(x.arena == y.arena, "\(context): arena differs")
            #expect(x.value == y.value, "\(context)")
        case (.failure(let x), .failure(let y)):
            // The excerpt can only show the bytes fed so far; the rest must match.
            #expect(x.reason == y.reason, "\(context): \(x) vs \(y)")
            #expect(x.message == y.message, "\(context): \(x) vs \(y)")
            #expect(x.location == y.location, "\(context): \(x) vs \(y)")
        default:
            Issue.record("\(context): \(a) vs \(b)")
        }
    }

    @Test(arguments: documents)
    func everySingleSplitMatchesTheWholeParse(document: String) {
        let bytes = Array(document.utf8)
        let whole = wholeResult(bytes)
        for split in 0...bytes.count {
            assertSame(incrementalResult(bytes, splits: [split]), whole, "\(document) split at \(split)")
        }
    }

    @Test(arguments: documents)
    func byteAtATimeMatchesTheWholeParse(document: String) {
        let bytes = Array(document.utf8)
        assertSame(incrementalResult(bytes, splits: Array(0..<bytes.count)), wholeResult(bytes), document)
    }

    @Test func invalidUTF8SplitInsideASequence() {
        let bytes: [UInt8] = Array("[\"a".utf8) + [0xE2, 0x82] + Array("x\"]".utf8)
        let whole = wholeResult(bytes)
        guard case .failure = whole else {
            Issue.record("should fail")
            return
        }
        for split in 0...bytes.count {
            assertSame(incrementalResult(bytes, splits: [split]), whole, "split at \(split)")
        }
    }

    /// Invalid UTF-8 in a member name, and in a string value, at every
    /// split: the same error at the same place as the whole parse (whether
    /// the token reaches the callbacks from the input or from yajl's buffer).
    @Test func invalidUTF8InNamesAndValuesAtEverySplit() {
        let documents: [[UInt8]] = [
            Array("{\"ok\": 1, \"a".utf8) + [0xC3] + Array("b\": 2}".utf8),
            Array("{\"ok\": 1, \"a-long-member-name".utf8) + [0xFF] + Array("\": 2}".utf8),
            Array("[1, \"x".utf8) + [0xED, 0xA0, 0x80] + Array("\"]".utf8),
        ]
        for bytes in documents {
            let whole = wholeResult(bytes)
            guard case .failure(let error) = whole, error.reason == .invalidUTF8 else {
                Issue.record("should fail with invalid UTF-8: \(whole)")
                continue
            }
            for split in 0...bytes.count {
                assertSame(incrementalResult(bytes, splits: [split]), whole, "split at \(split)")
            }
            assertSame(incrementalResult(bytes, splits: Array(0..<bytes.count)), whole, "byte at a time")
        }
    }

    @Test func snapshotShowsTheInFlightString() throws {
        let parser = IncrementalJSONParser()
        try parser.feed(#"{"title": "Hello, wor"#)
        var snapshot = parser.snapshot
        #expect(snapshot.inFlightString == "Hello, wor")
        #expect(snapshot.value == ["title": "Hello, wor"])
        #expect(snapshot.path == (try JSONPointer("/title")))
        #expect(!snapshot.isComplete)

        try parser.feed(#"ld\u00"#)
        snapshot = parser.snapshot
        #expect(snapshot.inFlightString == "Hello, world")
        try parser.feed(#"e9", "tags": ["a", "b"#)
        snapshot = parser.snapshot
        #expect(snapshot.value == ["title": "Hello, worldé", "tags": ["a", "b"]])
        #expect(snapshot.path == (try JSONPointer("/tags/1")))
        try parser.feed("\"]}")
        #expect(parser.snapshot.isComplete)
        #expect(try parser.finishValue() == ["title": "Hello, worldé", "tags": ["a", "b"]])
    }

    @Test func snapshotShowsWholeCharactersOnly() throws {
        let parser = IncrementalJSONParser()
        let bytes = Array("[\"😀".utf8)
        try parser.feed(Array(bytes.dropLast(2)))
        #expect(parser.snapshot.inFlightString == "")
        try parser.feed(Array(bytes.suffix(2)))
        #expect(parser.snapshot.inFlightString == "😀")
    }

    @Test func snapshotShowsTheInFlightNumber() throws {
        let parser = IncrementalJSONParser()
        try parser.feed("[1, 23")
        #expect(parser.snapshot.inFlightNumberText == "23")
        #expect(parser.snapshot.value == [1, 23])
        try parser.feed(".")
        #expect(parser.snapshot.value == [1, 23])
        try parser.feed("5")
        #expect(parser.snapshot.value?[1]?.numberValue?.text == "23.5")
    }

    @Test func danglingKeysAreLeftOut() throws {
        let parser = IncrementalJSONParser()
        try parser.feed(#"{"a": 1, "b"#)
        #expect(parser.snapshot.value == ["a": 1])
        #expect(parser.snapshot.inFlightKind == .key)
        try parser.feed(#"": "#)
        #expect(parser.snapshot.value == ["a": 1])
        try parser.feed(#"[tr"#)
        #expect(parser.snapshot.value == ["a": 1, "b": []])
        try parser.feed(#"ue]}"#)
        #expect(try parser.finishValue() == ["a": 1, "b": [true]])
    }

    @Test func oldSnapshotsKeepTheirView() throws {
        let parser = IncrementalJSONParser()
        try parser.feed("[1, [2")
        let early = parser.snapshot
        try parser.feed("], 3]")
        #expect(early.value == [1, [2]])
        #expect(parser.snapshot.value == [1, [2], 3])
    }

    /// Snapshots taken at every byte of a string with escapes, read in
    /// reverse order, forwards, and again out of order: each shows exactly
    /// its own prefix however the reads interleave.
    @Test func inFlightStringsReadInAnyOrder() throws {
        let text = #"{"k": "a\"b\\c\u00e9d\ud83d\ude00e\nf"#
        // After each raw byte of the content: an unfinished escape shows nothing yet.
        func times(_ text: String, _ count: Int) -> [String] { Array(repeating: text, count: count) }
        let expected = [""] + times("a", 2) + ["a\""] + times("a\"b", 2) + ["a\"b\\"] + times("a\"b\\c", 6)
            + ["a\"b\\cé"] + times("a\"b\\céd", 12) + ["a\"b\\céd😀"] + times("a\"b\\céd😀e", 2)
            + ["a\"b\\céd😀e\n", "a\"b\\céd😀e\nf"]
        let bytes = Array(text.utf8)
        let parser = IncrementalJSONParser()
        let opening = 7  // through the string's opening quote
        try parser.feed(Array(bytes[..<opening]))
        var snapshots = [parser.snapshot]
        for byte in bytes[opening...] {
            try parser.feed([byte])
            snapshots.append(parser.snapshot)
        }
        #expect(snapshots.count == expected.count)
        for index in snapshots.indices.reversed() {
            #expect(snapshots[index].inFlightString == expected[index], "reverse, after \(index) bytes")
        }
        for index in snapshots.indices {
            #expect(snapshots[index].inFlightString == expected[index], "forward, after \(index) bytes")
        }
        for index in [5, 30, 2, 29, 14, 13, 30] {
            #expect(snapshots[index].inFlightString == expected[index], "out of order, after \(index) bytes")
        }
        try parser.feed(#""}"#)
        #expect(try parser.finishValue() == ["k": "a\"b\\céd😀e\nf"])
    }

    @Test func eventsCarryPaths() throws {
        let parser = IncrementalJSONParser(collectsEvents: true)
        var events = try parser.feed(#"{"a": [1, {"b": "x"#)
        events += try parser.feed(#"y"}], "c": null}"#)
        _ = try parser.finish()
        let described = events.map { "\($0.kind) \($0.path)" }
        #expect(described == [
            "beginObject ", "beginArray /a", "scalar /a/0", "beginObject /a/1", "scalar /a/1/b", "endObject /a/1",
            "endArray /a", "scalar /c", "endObject ",
        ])
        #expect(events[4].value == "xy")
    }

    /// A syntax error names the unexpected token as the whole text shows
    /// it: reported once the token has arrived (or the input ends), not
    /// cut at the piece boundary — and a character split between pieces is
    /// not called invalid UTF-8.
    @Test func syntaxErrorsNameTheWholeUnexpectedToken() throws {
        let parser = IncrementalJSONParser()
        try parser.feed("[1, 2 vers")
        let error = try #require(throws: JSONParseError.self) { try parser.feed("ion9]") }
        #expect(error.message == "unexpected 'version9': expected ',' or ']' after the array element")
        #expect(error.location.column == 7)

        let split = IncrementalJSONParser()
        let bytes = Array(#"{"a" é}"#.utf8)
        try split.feed(Array(bytes[..<6]))  // up to the first byte of é
        let character = try #require(throws: JSONParseError.self) { try split.feed(Array(bytes[6...])) }
        #expect(character.message == "unexpected character 'é' (U+E9): expected ':' after the object key")

        let ended = IncrementalJSONParser()
        try ended.feed("[true, nul")
        let atEnd = try #require(throws: JSONParseError.self) { try ended.finish() }
        #expect(atEnd.message == (try #require(throws: JSONParseError.self) { try JSONParser().parseDocument(Array("[true, nul".utf8)) }).message)
    }

    @Test func errorsAreSticky() throws {
        let parser = IncrementalJSONParser()
        #expect(throws: JSONParseError.self) { try parser.feed("[1 2 ") }
        #expect(throws: JSONParseError.self) { try parser.feed("]") }
        #expect(throws: JSONParseError.self) { try parser.finish() }
    }

    @Test func truncatedInputFailsAtFinish() throws {
        let parser = IncrementalJSONParser()
        try parser.feed(#"{"a": "unterminated"#)
        let error = try #require(throws: JSONParseError.self) { try parser.finish() }
        #expect(error.reason == .unexpectedEndOfInput)
    }

    @Test func trailingNumberIsFlushedAtFinish() throws {
        let parser = IncrementalJSONParser()
        try parser.feed("12")
        try parser.feed("34")
        #expect(try parser.finishValue() == 1234)
    }

    @Test func largeDocumentInSmallPiecesStaysLinear() throws {
        // 200 KB in 4-byte pieces with a snapshot after each: correctness
        // here; the cost ratio is measured by the benchmark.
        var text = "["
        for index in 0..<4000 { text += #"{"id": \#(index), "text": "item number \#(index)"}, "# }
        text += "0]"
        let bytes = Array(text.utf8)
        let parser = IncrementalJSONParser()
        var offset = 0
        while offset < bytes.count {
            let end = min(offset + 4, bytes.count)
            try parser.feed(Array(bytes[offset..<end]))
            _ = parser.snapshot.path
            offset = end
        }
        #expect(try parser.finish().value == (try JSONParser().parse(bytes)))
    }
}

@Suite struct IncrementalHandOverTests {
    /// yajl re-lexes an unfinished token from its start on every call, so a
    /// long string must reach it whole, not four bytes at a time.
    @Test func longStringsReachYajlWhole() throws {
        let text = "{\"essay\": \"" + String(repeating: "word ", count: 40_000) + "\", \"n\": 12345}"
        let bytes = Array(text.utf8)
        let parser = IncrementalJSONParser()
        var offset = 0
        while offset < bytes.count {
            let end = min(offset + 4, bytes.count)
            try parser.feed(Array(bytes[offset..<end]))
            offset = end
        }
        // Calls: the prefix up to the string, the string and what follows it
        // in a handful of pieces — never one per 4-byte piece of the string.
        #expect(parser.yajlCalls < 20, "yajl was called \(parser.yajlCalls) times")
        #expect(try parser.finishValue()["essay"]?.stringValue?.count == 200_000)
    }

    @Test func snapshotsInsideAHeldBackStringStillShowIt() throws {
        let parser = IncrementalJSONParser()
        try parser.feed(#"{"a": "x\"y"#)
        #expect(parser.snapshot.value == ["a": "x\"y"])
        try parser.feed(#"z", "b": tr"#)
        #expect(parser.snapshot.value == ["a": "x\"yz"])
        try parser.feed("ue}")
        #expect(try parser.finishValue() == ["a": "x\"yz", "b": true])
    }

    @Test func invalidBytesInAHeldStringFailWithoutWaitingForTheQuote() throws {
        let parser = IncrementalJSONParser()
        let error = try #require(throws: JSONParseError.self) { try parser.feed("[\"abc\u{1}def") }
        #expect(error.location.column == 6)
    }
}
