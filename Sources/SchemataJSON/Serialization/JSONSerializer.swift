/// Writes ``JSONValue``s as JSON text.
///
/// - ``Style/compact``: no whitespace.
/// - ``Style/pretty``: two-space indentation, `": "` after keys.
/// - ``Style/canonical``: compact, with object members sorted by the UTF-16
///   code units of their names (the key order of RFC 8785); numbers keep
///   their exact text.
///
/// Strings are escaped per RFC 8259: `"` and `\`, and control characters
/// (as `\n`, `\t`… or `\u00XX`). Numbers are written exactly as parsed.
public struct JSONSerializer: Sendable {
    /// Layout of the output.
    public enum Style: Sendable, Hashable {
        case compact
        case pretty
        case canonical
    }

    /// The layout.
    public var style: Style
    /// Escape every non-ASCII character as `\uXXXX` (surrogate pairs above
    /// U+FFFF), for transports that are not 8-bit clean.
    public var escapesNonASCII: Bool
    /// In the pretty style, write a short array of scalars on one line
    /// (`["a", "b"]`, at most this many characters), as people write
    /// schemas by hand; 0 (the default) puts every element on its own line.
    public var inlineScalarArrayWidth = 0

    public init(style: Style = .compact, escapesNonASCII: Bool = false) {
        self.style = style
        self.escapesNonASCII = escapesNonASCII
    }

    /// The JSON text of `value` as UTF-8 bytes.
    public func bytes(from value: JSONValue) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(256)
        write(value, to: &output)
        if style == .pretty { output.append(UInt8(ascii: "\n")) }
        return output
    }

    /// The JSON text of `value`.
    public func string(from value: JSONValue) -> String {
        var output = bytes(from: value)
        if style == .pretty, output.last == UInt8(ascii: "\n") { output.removeLast() }
        return String(decoding: output, as: UTF8.self)
    }

    /// A Swift string as a JSON string literal.
    public static func quoted(_ text: String) -> String {
        var output: [UInt8] = []
        JSONSerializer().writeString(text, to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// Appends the text of `value`; iterative, so nesting depth is unlimited.
    public func write(_ value: JSONValue, to output: inout [UInt8]) {
        enum Work {
            case value(JSONValue, depth: Int)
            case bytes(StaticString)
            case key(String)
            case newline(depth: Int)
        }
        var work: [Work] = [.value(value, depth: 0)]
        let pretty = style == .pretty
        while let item = work.popLast() {
            switch item {
            case .bytes(let text):
                text.withUTF8Buffer { output.append(contentsOf: $0) }
            case .key(let name):
                writeString(name, to: &output)
                output.append(UInt8(ascii: ":"))
                if pretty { output.append(UInt8(ascii: " ")) }
            case .newline(let depth):
                output.append(UInt8(ascii: "\n"))
                output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: depth * 2))
            case .value(let value, let depth):
                switch value {
                case .null: output.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C])
                case .bool(true): output.append(contentsOf: [0x74, 0x72, 0x75, 0x65])
                case .bool(false): output.append(contentsOf: [0x66, 0x61, 0x6C, 0x73, 0x65])
                case .number(let number): output.append(contentsOf: number.text.utf8)
                case .string(let text): writeString(text, to: &output)
                case .array(let elements):
                    if elements.isEmpty {
                        output.append(contentsOf: [0x5B, 0x5D])
                        continue
                    }
                    if pretty, inlineScalarArrayWidth > 0, let inline = inlineText(elements) {
                        output.append(contentsOf: inline)
                        continue
                    }
                    output.append(UInt8(ascii: "["))
                    // Pushed in reverse: the stack pops them in order.
                    work.append(.bytes("]"))
                    if pretty { work.append(.newline(depth: depth)) }
                    for (position, element) in elements.enumerated().reversed() {
                        work.append(.value(element, depth: depth + 1))
                        if pretty { work.append(.newline(depth: depth + 1)) }
                        if position > 0 { work.append(.bytes(",")) }
                    }
                case .object(let object):
                    if object.isEmpty {
                        output.append(contentsOf: [0x7B, 0x7D])
                        continue
                    }
                    output.append(UInt8(ascii: "{"))
                    var members = Array(object)
                    if style == .canonical {
                        members.sort { $0.key.utf16.lexicographicallyPrecedes($1.key.utf16) }
                    }
                    work.append(.bytes("}"))
                    if pretty { work.append(.newline(depth: depth)) }
                    for (position, member) in members.enumerated().reversed() {
                        work.append(.value(member.value, depth: depth + 1))
                        work.append(.key(member.key))
                        if pretty { work.append(.newline(depth: depth + 1)) }
                        if position > 0 { work.append(.bytes(",")) }
                    }
                }
            }
        }
    }

    /// `[a, b]` for an array of scalars short enough to share one line.
    private func inlineText(_ elements: [JSONValue]) -> [UInt8]? {
        var text: [UInt8] = [UInt8(ascii: "[")]
        for (position, element) in elements.enumerated() {
            switch element {
            case .array, .object: return nil
            default: break
            }
            if position > 0 { text.append(contentsOf: [UInt8(ascii: ","), UInt8(ascii: " ")]) }
            JSONSerializer(style: .compact, escapesNonASCII: escapesNonASCII).write(element, to: &text)
            if text.count > inlineScalarArrayWidth { return nil }
        }
        text.append(UInt8(ascii: "]"))
        return text.count <= inlineScalarArrayWidth ? text : nil
    }

    /// Appends `text` as a JSON string literal.
    public func writeString(_ text: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            var runStart = 0
            var index = 0
            let count = utf8.count
            while index < count {
                let byte = utf8[index]
                let needsEscape = byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
                    || (escapesNonASCII && byte >= 0x80)
                if !needsEscape {
                    index += 1
                    continue
                }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                if byte >= 0x80 {
                    let length = UTF8Validation.sequenceLength(UnsafeRawBufferPointer(utf8), at: index)
                    let scalarText = String(decoding: UnsafeBufferPointer(rebasing: utf8[index..<index + max(1, length)]), as: UTF8.self)
                    for unit in scalarText.utf16 { appendUnicodeEscape(unit, to: &output) }
                    index += max(1, length)
                    runStart = index
                    continue
                }
                switch byte {
                case UInt8(ascii: "\""): output.append(contentsOf: [0x5C, 0x22])
                case UInt8(ascii: "\\"): output.append(contentsOf: [0x5C, 0x5C])
                case 0x08: output.append(contentsOf: [0x5C, UInt8(ascii: "b")])
                case 0x0C: output.append(contentsOf: [0x5C, UInt8(ascii: "f")])
                case 0x0A: output.append(contentsOf: [0x5C, UInt8(ascii: "n")])
                case 0x0D: output.append(contentsOf: [0x5C, UInt8(ascii: "r")])
                case 0x09: output.append(contentsOf: [0x5C, UInt8(ascii: "t")])
                default: appendUnicodeEscape(UInt16(byte), to: &output)
                }
                index += 1
                runStart = index
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<count]))
        }
        output.append(UInt8(ascii: "\""))
    }

    private func appendUnicodeEscape(_ unit: UInt16, to output: inout [UInt8]) {
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        output.append(contentsOf: [
            0x5C, UInt8(ascii: "u"),
            digits[Int(unit >> 12)], digits[Int((unit >> 8) & 0xF)], digits[Int((unit >> 4) & 0xF)], digits[Int(unit & 0xF)],
        ])
    }
}
