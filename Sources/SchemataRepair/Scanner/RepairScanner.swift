import SchemataJSON

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The tolerant recursive-descent reader behind ``JSONRepairer``.
///
/// Works on the UTF-8 bytes of the text: delimiters are ASCII, typographic
/// quotes are recognised as their three-byte sequences, and text is copied
/// out in runs (one `String` per string value), so a damaged document is
/// read at memory speed. Recursion is bounded by `maximumDepth`, and every
/// loop consumes input, so hostile input ends in bounded time.
struct RepairScanner {
    /// The text's bytes (borrowed for the duration of the repair).
    let input: UnsafeBufferPointer<UInt8>
    var position = 0
    /// Where reading stops: the end of the input, or of a ``` fence.
    var limit: Int
    var edits: [RepairEdit] = []
    let maximumDepth: Int
    var depth = 0
    /// The most edits a repair may make before it gives up.
    var maximumEdits = 1_000_000
    /// Repair a prefix of a stream so that later text only extends it (see
    /// ``JSONRepairer/streamStable``).
    var streamStable = false
    /// Why the repair gave up, if it did.
    var failure: String?
    /// Every top-level value found, in order, with whether it was complete
    /// (needed no closing of strings or containers).
    var topLevelValues: [(value: JSONValue, complete: Bool)] = []
    /// Whether the last array read as a `( … )` tuple had a comma.
    var tupleHadComma = false
    /// Whether the value being read is an object member's value (a quote
    /// followed by `key:` then ends the string: a comma was left out).
    var readingMemberValue = false
    /// The closing bracket each open container expects, innermost last: a
    /// closer that belongs to an outer container closes the inner ones.
    var openClosers: [UInt8] = []
    /// Whether the value just read was cut off before it had any content
    /// (`[{]`, `["`, `[-`): an array drops such an element.
    var readEmptyCutOff = false
    /// A member that starts the next object of an array: its key repeated
    /// a key of the object being read (`[{"a": 1, "a": 2}]`).
    var pendingRecord: (key: String, value: JSONValue)?
    /// Bytes that look-ahead heuristics spanning lines may still read (a
    /// few times the input): hostile input cannot make them quadratic.
    var lookaheadBudget: Int

    init(bytes: UnsafeBufferPointer<UInt8>, maximumDepth: Int) {
        input = bytes
        limit = bytes.count
        lookaheadBudget = 8 * bytes.count + 65_536
        self.maximumDepth = maximumDepth
    }

    @inline(__always)
    var atEnd: Bool { position >= limit }
    @inline(__always)
    var current: UInt8? { position < limit ? input[position] : nil }

    @inline(__always)
    func byte(at index: Int) -> UInt8? { index < limit ? input[index] : nil }

    mutating func edit(_ kind: RepairEdit.Kind, _ detail: String, at offset: Int? = nil) {
        guard failure == nil else { return }
        edits.append(RepairEdit(offset: offset ?? position, kind: kind, detail: detail))
        if edits.count > maximumEdits { giveUp() }
    }

    /// An edit whose wording names `subject` where `template` says `{}`.
    mutating func edit(_ kind: RepairEdit.Kind, _ template: String, subject: String, at offset: Int? = nil) {
        guard failure == nil else { return }
        edits.append(RepairEdit(offset: offset ?? position, kind: kind, template: template, subject: subject))
        if edits.count > maximumEdits { giveUp() }
    }

    /// Stops reading: the text needs more edits than allowed (garbage, not
    /// damaged JSON). The text is cut off here, so every loop (they all end
    /// at `limit`) unwinds as at a truncation, and no index passes the input.
    mutating func giveUp() {
        failure = "the text needs more than \(maximumEdits) edits (stopped at byte \(position)): it is not damaged JSON but something else"
        limit = min(limit, position)
    }

    /// Whether a container outside the innermost one expects `closer`.
    func enclosingExpects(_ closer: UInt8) -> Bool {
        openClosers.dropLast().contains(closer)
    }

    func text(_ range: Range<Int>) -> String {
        String(decoding: input[range], as: UTF8.self)
    }
}
