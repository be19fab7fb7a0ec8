#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import SchemataJSON

@Suite struct JSONParserTests {
    @Test func parsesEveryKind() throws {
        let value = try JSONValue(parsing: #"{"n": null, "t": true, "f": false, "i": -12, "d": 2.5e-3, "s": "h\u00e9\n", "a": [], "o": {}}"#)
        #expect(value["n"] == .null)
        #expect(value["t"] == .bool(true))
        #expect(value["f"] == .bool(false))
        #expect(value["i"] == .number(-12))
        #expect(value["d"]?.numberValue?.text == "2.5e-3")
        #expect(value["s"] == .string("hé\n"))
        #expect(value["a"] == .array([]))
        #expect(value["o"] == .object([:]))
    }

    @Test func objectsKeepMemberOrder() throws {
        let value = try JSONValue(parsing: #"{"z": 1, "a": 2, "m": 3}"#)
        #expect(value.objectValue?.keys == ["z", "a", "m"])
        #expect(value == (try JSONValue(parsing: #"{"a": 2, "m": 3, "z": 1}"#)))
    }

    @Test func topLevelScalars() throws {
        #expect(try JSONValue(parsing: "42") == .number(42))
        #expect(try JSONValue(parsing: " \"x\" ") == .string("x"))
        #expect(try JSONValue(parsing: "null") == .null)
        #expect(try JSONValue(parsing: "-0.5").numberValue?.text == "-0.5")
    }

    @Test func escapesAndSurrogatePairs() throws {
        let value = try JSONValue(parsing: #"["\"\\\/\b\f\n\r\t", "\ud83d\ude00", "\u0000", "é😀"]"#)
        #expect(value[0] == .string("\"\\/\u{8}\u{c}\n\r\t"))
        #expect(value[1] == .string("😀"))
        #expect(value[2] == .string("\u{0}"))
        #expect(value[3] == .string("é😀"))
    }

    // MARK: Errors and positions

    /// The error of parsing `bytes` into a value; the tape parser must agree.
    func parseError(bytes: [UInt8], options: JSONParseOptions = JSONParseOptions()) -> JSONParseError? {
        var valueError: JSONParseError?
        var tapeError: JSONParseError?
        do { _ = try JSONParser(options: options).parse(bytes) } catch { valueError = error }
        do { _ = try JSONParser(options: options).parseDocument(bytes) } catch { tapeError = error }
        #expect(valueError == tapeError, "value and tape parsers disagree on \(String(decoding: bytes, as: UTF8.self))")
        return valueError
    }

    func parseError(_ text: String, options: JSONParseOptions = JSONParseOptions()) -> JSONParseError? {
        parseError(bytes: Array(text.utf8), options: options)
    }

    @Test(arguments: [
        ("[1 2]", 1, 4, "expected ',' or ']'"),
        ("[1,]", 1, 4, "expected a value"),
        ("{\"a\" 1}", 1, 6, "expected ':'"),
        ("{\"a\":1 \"b\":2}", 1, 8, "expected ',' or '}'"),
        ("{1:2}", 1, 2, "expected a string key"),
        ("[1]\n  x", 2, 3, "after the end of the JSON value"),
        ("01", 1, 1, "leading zeros"),
        ("[-01]", 1, 3, "leading zeros"),
        ("[1.]", 1, 4, "after the decimal point"),
        ("[1e]", 1, 4, "exponent"),
        ("[-]", 1, 3, "expected a digit"),
        ("[tru]", 1, 2, "invalid literal 'tru'"),
        ("{\n  \"a\": nul\n}", 2, 8, "did you mean 'null'"),
        ("[\"a\\x\"]", 1, 4, "invalid escape"),
        ("[\"\\u12G4\"]", 1, 3, "four hexadecimal digits"),
        ("[\"a\nb\"]", 1, 4, "unescaped line break"),
        ("[1, 2", 1, 6, "not closed"),
        ("{\"a\": [1, {\"b\": ", 1, 17, "object opened at line 1, column 11"),
        ("", 1, 1, "empty"),
        ("   \n ", 2, 2, "empty"),
        ("[\"abc", 1, 6, "inside a string"),
        ("'a'", 1, 1, "unexpected '''"),
        ("[NaN]", 1, 2, "unexpected 'NaN'"),
    ])
    func syntaxErrorsAreLocated(text: String, line: Int, column: Int, message: String) throws {
        let error = try #require(parseError(text), "\(text) should not parse")
        #expect(error.location.line == line, "\(text): \(error)")
        #expect(error.location.column == column, "\(text): \(error)")
        #expect(error.message.contains(message), "\(text): \(error.message)")
        #expect(error.excerpt != nil)
    }

    @Test func columnsCountCharactersNotBytes() throws {
        let error = try #require(parseError("{\"é😀\": x}"))
        #expect(error.location.column == 8)
        #expect(error.location.offset == 11)
    }

    @Test func errorDescriptionIsCompilerStyle() throws {
        var error = try #require(parseError("{\n  \"age\": 3x\n}"))
        error.file = "person.json"
        #expect(error.description.hasPrefix("person.json:2:11: error: "))
        #expect(error.description.hasSuffix("  \"age\": 3x\n          ^"))
    }

    // MARK: Hostile input

    @Test func invalidUTF8IsRejectedWithPosition() throws {
        let cases: [([UInt8], Int)] = [
            (Array("[\"ab".utf8) + [0xFF] + Array("\"]".utf8), 4),
            (Array("[\"".utf8) + [0xC0, 0xAF] + Array("\"]".utf8), 2),  // overlong '/'
            (Array("[\"".utf8) + [0xED, 0xA0, 0x80] + Array("\"]".utf8), 2),  // encoded surrogate
            (Array("[\"".utf8) + [0xF4, 0x90, 0x80, 0x80] + Array("\"]".utf8), 2),  // above U+10FFFF
            (Array("[\"\\n".utf8) + [0xE2, 0x82] + Array("\"]".utf8), 4),  // truncated, after an escape
            (Array("{\"k".utf8) + [0x80] + Array("\":1}".utf8), 3),  // in a key
            (Array("[1, ".utf8) + [0xC3, 0xA9] + Array("]".utf8), 4),  // outside strings
        ]
        for (bytes, offset) in cases {
            let error = try #require(parseError(bytes: bytes), "\(bytes) should not parse")
            #expect(error.location.offset == offset, "\(bytes): \(error)")
            #expect(error.reason == .invalidUTF8 || error.reason == .syntax, "\(bytes): \(error)")
        }
    }

    @Test(arguments: [
        (#"["\ud800\u0041"]"#, "lone high surrogate"),
        (#"["\udc00"]"#, "lone low surrogate"),
        (#"["\ud800"]"#, "lone high surrogate"),
        (#"["a\udfff\ud800b"]"#, "lone low surrogate"),
        (#"{"\ud83d": 1}"#, "lone high surrogate"),
    ])
    func loneSurrogatesAreRejected(text: String, message: String) throws {
        let error = try #require(parseError(text))
        #expect(error.reason == .loneSurrogate)
        #expect(error.message.contains(message), "\(error)")
    }

    @Test func millionNestedArraysEndInAClearError() throws {
        let depth = 1_000_000
        let bytes = [UInt8](repeating: UInt8(ascii: "["), count: depth) + [UInt8](repeating: UInt8(ascii: "]"), count: depth)
        let error = try #require(parseError(bytes: bytes))
        #expect(error.reason == .depthLimitExceeded(limit: 256))
        #expect(error.location.offset == 256)
        #expect(error.message.contains("256"))
    }

    @Test func depthLimitIsConfigurable() throws {
        var options = JSONParseOptions()
        options.maximumDepth = 3
        #expect(parseError("[[[1]]]", options: options) == nil)
        let error = try #require(parseError("[[[[1]]]]", options: options))
        #expect(error.reason == .depthLimitExceeded(limit: 3))
        #expect(error.location.column == 4)
    }

    @Test func documentSizeLimit() throws {
        var options = JSONParseOptions()
        options.maximumDocumentSize = 10
        #expect(parseError("[1,2,3,4]", options: options) == nil)
        let error = try #require(parseError("[1,2,3,4,5]", options: options))
        #expect(error.reason == .documentTooLarge(limit: 10))
    }

    @Test func hugeNumbersParseExactly() throws {
        let digits = String(repeating: "9", count: 5000)
        let value = try JSONValue(parsing: "[\(digits), 1e400, -1e-400]")
        #expect(value[0]?.numberValue?.text == digits)
        #expect(value[0]?.numberValue?.isInteger == true)
        #expect(value[1]?.numberValue?.text == "1e400")
        #expect(value[2]?.numberValue?.isNegative == true)
    }

    @Test func byteOrderMark() throws {
        #expect(try JSONParser().parse([0xEF, 0xBB, 0xBF] + Array("[1]".utf8)) == [1])
        var options = JSONParseOptions()
        options.allowsByteOrderMark = false
        #expect(throws: JSONParseError.self) { try JSONParser(options: options).parse([0xEF, 0xBB, 0xBF] + Array("[1]".utf8)) }
    }

    // MARK: Duplicate keys

    @Test func duplicateKeysAreRejectedWithBothPlaces() throws {
        let error = try #require(parseError("{\n  \"a\": 1,\n  \"b\": 2,\n  \"a\": 3\n}"))
        #expect(error.reason == .duplicateKey("a"))
        #expect(error.location.line == 4)
        #expect(error.location.column == 3)
        #expect(error.message.contains("first defined at line 2, column 3"))
    }

    @Test func duplicateKeysInLargeObjects() throws {
        let members = (0..<100).map { "\"k\($0)\": \($0)" }.joined(separator: ", ")
        #expect(parseError("{\(members)}") == nil)
        let error = try #require(parseError("{\(members), \"k57\": 0}"))
        #expect(error.reason == .duplicateKey("k57"))
    }

    @Test func duplicateDetectionComparesDecodedNames() throws {
        let error = try #require(parseError(#"{"é": 1, "\u00e9": 2}"#))
        #expect(error.reason == .duplicateKey("é"))
        #expect(parseError(#"{"a": {"x": 1}, "b": {"x": 2}}"#) == nil)
    }

    /// Names that share their length and first seven bytes (one
    /// fingerprint) are still told apart by their text; equal long names,
    /// and names equal once decoded, are still found.
    @Test func duplicateDetectionLooksPastSharedPrefixes() throws {
        #expect(parseError(#"{"abcdefgX": 1, "abcdefgY": 2, "abcdefgZ": {"abcdefgX": 3}}"#) == nil)
        let error = try #require(parseError(#"{"abcdefgX": 1, "abcdefgY": 2, "abcdefgX": 3}"#))
        #expect(error.reason == .duplicateKey("abcdefgX"))
        let escaped = try #require(parseError(#"{"abcdefgX": 1, "abcdefgX": 2}"#))
        #expect(escaped.reason == .duplicateKey("abcdefgX"))
    }

    @Test func keepLastPolicy() throws {
        var options = JSONParseOptions()
        options.duplicateKeys = .keepLast
        let parser = JSONParser(options: options)
        let value = try parser.parse(#"{"a": 1, "b": [2], "a": {"c": 3}, "a": 4}"#)
        #expect(value.objectValue?.keys == ["b", "a"])
        #expect(value["a"] == 4)
        let document = try parser.parseDocument(#"{"a": 1, "b": 2, "a": 3}"#)
        #expect(document.count(at: 0) == 2)
        #expect(document.member("a", of: 0).map { document.number(at: $0) } == 3)
        #expect(document.members(of: 0).count == 2)
    }
}

@Suite struct JSONFileTests {
    @Test func parsesFilesAndNamesThemInErrors() throws {
        let path = "/tmp/schemata-json-file-\(UInt64.random(in: 0...UInt64.max)).json"
        let good = Array("{\"a\": [1, 2]}".utf8)
        let bad = Array("{\"a\": [1, 2}".utf8)
        for (bytes, valid) in [(good, true), (bad, false)] {
            let file = fopen(path, "wb")
            _ = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
            fclose(file)
            if valid {
                #expect(try JSONParser().parseFile(atPath: path) == ["a": [1, 2]])
            } else {
                let error = try #require(throws: JSONParseError.self) { try JSONParser().parseFile(atPath: path) }
                #expect(error.file == path)
                #expect(error.location.column == 12)
            }
        }
        remove(path)
        #expect(throws: JSONFileError.self) { try JSONParser().parseFile(atPath: "/nonexistent/schemata.json") }
    }
}

@Suite struct ExactStringEqualityTests {
    @Test func namesDifferingOnlyInNormalisationAreDistinct() throws {
        // U+00E9 and "e" + U+0301 are canonically equivalent but different JSON names.
        let text = "{\"\u{E9}\": 1, \"e\u{301}\": 2}"
        for value in [try JSONParser().parse(text), try JSONParser().parseDocument(text).value] {
            #expect(value.objectValue?.count == 2)
            #expect(value["\u{E9}"] == 1)
            #expect(value["e\u{301}"] == 2)
        }
        #expect(JSONValue.string("\u{E9}") != JSONValue.string("e\u{301}"))
        #expect(Set([JSONValue.string("\u{E9}"), .string("e\u{301}")]).count == 2)
    }
}
