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
            var scanner = RepairScanner(bytes: bytes, maximumDepth: depth)
            scanner.maximumEdits = editBudget
            scanner.streamStable = stable
            return scanner.repairDocument()
        }
    }
}
