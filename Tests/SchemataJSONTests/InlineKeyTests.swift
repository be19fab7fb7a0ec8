import Testing
@testable import SchemataJSON

/// Member names of at most eight bytes live in their tape node (see
/// ``TapeNode``); longer ones in the arena. Every reader of names must see
/// the same text either way.
@Suite struct InlineKeyTests {
    /// Names around the eight-byte boundary, with escapes whose decoded form
    /// is short, non-ASCII text, an empty name and trailing NULs (whose
    /// words equal those of the shorter names: only the length tells them apart).
    static let names = [
        "", "a", "a\u{0}", "a\u{0}\u{0}", "ab", "abcdefg", "abcdefgh", "abcdefghi", "abcdefghijklmnopq",
        "é", "ééé", "éééé", "ééééé", "😀😀", "😀😀x", "\u{0}", "k\n\"",
    ]

    func text(of names: [String]) -> String {
        "{" + names.enumerated().map { "\(JSONSerializer.quoted($0.element)): \($0.offset)" }.joined(separator: ", ") + "}"
    }

    @Test func shortAndLongNamesReadBackTheSame() throws {
        let document = try JSONParser().parseDocument(Array(text(of: Self.names).utf8))
        let members = document.members(of: document.rootIndex)
        #expect(members.map { document.string(at: $0.key) } == Self.names)
        for (position, member) in members.enumerated() {
            let node = document.nodes[member.key]
            #expect(node.hasInlineBytes == (Self.names[position].utf8.count <= TapeNode.inlineKeyLimit))
            #expect(document.withUTF8(at: member.key) { Array($0) } == Array(Self.names[position].utf8))
            #expect(document.member(Self.names[position], of: document.rootIndex) == member.value)
        }
        // Only the long names (and no short one) take arena bytes.
        let longBytes = Self.names.filter { $0.utf8.count > TapeNode.inlineKeyLimit }.reduce(0) { $0 + $1.utf8.count }
        #expect(document.arena.count == longBytes)
        // The value tree, the value's own tape and the parsed tape agree.
        let value = document.value
        #expect(value.objectValue?.keys == Self.names)
        let written = JSONDocument(value: value)
        #expect(written.nodes.map(\.payload) == document.nodes.map(\.payload))
        #expect(written.arena == document.arena)
    }

    @Test func duplicateShortNamesAreFoundAndNamesDifferingInLengthAreNot() throws {
        // "a" and "a\u0000" have equal words: not duplicates.
        #expect(throws: Never.self) { try JSONParser().parseDocument(Array(#"{"a": 1, "a\u0000": 2, "a\u0000\u0000": 3}"#.utf8)) }
        for name in ["", "a", "abcdefgh", "abcdefghi", "é"] {
            let quoted = JSONSerializer.quoted(name)
            #expect(throws: JSONParseError.self) { try JSONParser().parseDocument(Array("{\(quoted): 1, \"x\": 0, \(quoted): 2}".utf8)) }
            var keepLast = JSONParseOptions()
            keepLast.duplicateKeys = .keepLast
            let document = try JSONParser(options: keepLast).parseDocument(Array("{\(quoted): 1, \"x\": 0, \(quoted): 2}".utf8))
            let expected: [(String, JSONValue)] = [(name, .number(JSONNumber(2))), ("x", .number(JSONNumber(0)))]
            #expect(document.value == .object(JSONObject(expected)))
        }
    }

    @Test func streamedShortNamesMatchTheWholeParse() throws {
        let bytes = Array(text(of: Self.names).utf8)
        let whole = try JSONParser().parseDocument(bytes)
        let parser = IncrementalJSONParser(collectsEvents: true)
        var paths: [String] = []
        for byte in bytes {
            for event in try parser.feed([byte]) where event.kind == .scalar { paths.append(event.path.tokens.last ?? "") }
        }
        let streamed = try parser.finish()
        #expect(streamed.nodes == whole.nodes)
        #expect(streamed.arena == whole.arena)
        #expect(paths == Self.names)
    }
}
