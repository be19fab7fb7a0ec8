/// One change the repairer made, so that a user sees exactly what differs
/// from what the model wrote.
public struct RepairEdit: Sendable, Hashable, CustomStringConvertible {
    /// What kind of change.
    public enum Kind: String, Sendable, Hashable {
        case extractedFromText = "extracted_from_text"
        case closedString = "closed_string"
        case closedContainer = "closed_container"
        case insertedComma = "inserted_comma"
        case removedComma = "removed_comma"
        case insertedColon = "inserted_colon"
        case quotedKey = "quoted_key"
        case quotedValue = "quoted_value"
        case changedQuotes = "changed_quotes"
        case escapedCharacter = "escaped_character"
        case removedComment = "removed_comment"
        case replacedLiteral = "replaced_literal"
        case repairedNumber = "repaired_number"
        case droppedDanglingKey = "dropped_dangling_key"
        case filledMissingValue = "filled_missing_value"
        case removedGarbage = "removed_garbage"
        case convertedTuple = "converted_tuple"
        /// Several values in one text: one was chosen.
        case choseValue = "chose_value"
    }

    /// Where the change applies, in Unicode scalars from the start of the input.
    public var offset: Int
    public var kind: Kind
    /// What was there and what it became, in words.
    public var detail: String

    public var description: String { "offset \(offset): \(kind.rawValue): \(detail)" }
}
