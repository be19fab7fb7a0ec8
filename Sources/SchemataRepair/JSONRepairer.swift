import SchemataJSON

/// Turns damaged JSON from a model into JSON: text around it, code fences,
/// comments, single or typographic quotes, unquoted keys and values,
/// Python literals, missing or extra commas and colons, unescaped quotes and
/// control characters in strings, and truncation anywhere (closed to the
/// longest faithful prefix; a dangling key is dropped, never given an
/// invented value). Every change is reported as a ``RepairEdit``.
///
/// Conventions (where repairers differ): `NaN`, `Infinity` and `undefined`
/// become `null`; of several JSON values in one text the first complete one
/// is kept (``SchemaGuidedRepairer`` keeps the one that validates); Python
/// tuples become arrays.
public struct JSONRepairer: Sendable {
    /// The result of a repair.
    public struct Repair: Sendable {
        /// The repaired value, or `nil` when the text holds no JSON.
        public var value: JSONValue?
        /// What was changed.
        public var edits: [RepairEdit]
        /// Every top-level value found in the text, in order (one for
        /// ordinary input; several when the text held several).
        public var candidates: [JSONValue]
        /// Why there is no value although the text was read: it needed more
        /// than ``JSONRepairer/maximumEdits`` edits (garbage, not damaged JSON).
        public var failure: String?
    }

    /// The deepest nesting accepted (deeper input is cut off there, reported).
    public var maximumDepth = 256
    /// The most edits a repair may make; past it the repair stops with a
    /// ``Repair/failure``, so that hostile input ends in bounded time and memory.
    public var maximumEdits = 1_000_000
    /// Repair text that is a prefix of a stream so that the repair of a
    /// longer prefix only extends it: an escape cut off at the end is
    /// dropped (not kept as a backslash), trailing whitespace of a cut-off
    /// string is kept, and a cut-off string is never split at a `, key:`
    /// inside it (more text may still close it). Off by default, where a
    /// cut-off string loses its trailing whitespace and is split at the
    /// first `, key:` when its text needed repair.
    public var streamStable = false

    public init() {}

    /// Repairs `text`. Valid JSON comes back unchanged at the cost of one parse.
    public func repair(_ text: String) -> Repair {
        var text = text
        let depth = maximumDepth
        let editBudget = maximumEdits
        let stable = streamStable
        return text.withUTF8 { bytes in
            if let value = JSONParser().parseIfValid(UnsafeRawBufferPointer(bytes)) {
                return Repair(value: value, edits: [], candidates: [value], failure: nil)
            }
            if let unescaped = JSONRepairer.unescapedJSON(bytes) {
                // `{\"key\": \"value\"}`: JSON escaped as the inside of a string.
                return unescaped.withUnsafeBufferPointer { inner in
                    var scanner = RepairScanner(bytes: inner, maximumDepth: depth)
                    scanner.maximumEdits = editBudget
                    scanner.streamStable = stable
                    scanner.edit(.escapedCharacter, "unescaped JSON written as the inside of a string (offsets after this edit are in the unescaped text)", at: 0)
                    return scanner.repairDocument()
                }
            }
            var scanner = RepairScanner(bytes: bytes, maximumDepth: depth)
            scanner.maximumEdits = editBudget
            scanner.streamStable = stable
            return scanner.repairDocument()
        }
    }

    /// The text with one level of string escaping undone (`\"` → `"`,
    /// `\\` → `\`), when its first container opens with an escaped quote
    /// (`{\"` or `[\"`); `nil` otherwise.
    static func unescapedJSON(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        guard let open = bytes.firstIndex(where: { $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "[") }) else { return nil }
        var index = open + 1
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D || bytes[index] == 0x09 { index += 1 }
        guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "\"") else { return nil }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\"") || bytes[index + 1] == UInt8(ascii: "\\") {
                result.append(bytes[index + 1])
                index += 2
            } else {
                result.append(byte)
                index += 1
            }
        }
        return result
    }
}
