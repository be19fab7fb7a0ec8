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
        /// A key repeated in one object: a record boundary inserted, or
        /// the repetition dropped, or the last value kept.
        case repeatedKey = "repeated_key"
    }

    /// Where the change applies, in UTF-8 bytes from the start of the input.
    public var offset: Int
    /// What kind of change it was.
    public var kind: Kind
    /// The wording, with `{}` where ``subject`` goes (string literals, so
    /// that recording an edit allocates nothing for its text).
    private var template: String
    /// What the edit is about (a key, a word), when it names one.
    private var subject: String?

    /// What was there and what it became, in words.
    public var detail: String {
        guard let subject else { return template }
        return template.replacingFirst("{}", with: subject)
    }

    /// An edit described by `detail`.
    public init(offset: Int, kind: Kind, detail: String) {
        self.offset = offset
        self.kind = kind
        self.template = detail
        self.subject = nil
    }

    /// An edit whose wording names `subject` where `template` says `{}`.
    init(offset: Int, kind: Kind, template: String, subject: String) {
        self.offset = offset
        self.kind = kind
        self.template = template
        self.subject = subject
    }

    public var description: String { "offset \(offset): \(kind.rawValue): \(detail)" }
}

extension String {
    /// This text with the first `marker` replaced.
    func replacingFirst(_ marker: String, with replacement: String) -> String {
        guard let range = range(of: marker) else { return self }
        return self[..<range.lowerBound] + replacement + self[range.upperBound...]
    }
}
