import SchemataJSON

/// One change made to fit a value to its schema.
public struct CoercionEdit: Sendable, Hashable, CustomStringConvertible {
    /// What kind of change.
    public enum Kind: String, Sendable, Hashable {
        /// `"42"` → `42`.
        case stringToNumber = "string_to_number"
        /// `42` → `"42"` (the number's exact text).
        case numberToString = "number_to_string"
        /// `true` → `"true"`.
        case booleanToString = "boolean_to_string"
        /// `"true"` → `true`.
        case stringToBoolean = "string_to_boolean"
        /// `"null"` → `null`.
        case stringToNull = "string_to_null"
        /// `x` → `[x]` where an array is expected.
        case wrappedInArray = "wrapped_in_array"
        /// `" Red "` → `"red"`: an enum value matched ignoring case and
        /// surrounding whitespace (changes characters: refused by `--strict`).
        case matchedEnumValue = "matched_enum_value"
        /// A property that `additionalProperties: false` forbids was removed
        /// (loses data: refused by `--strict`).
        case droppedProperty = "dropped_property"
        /// A missing required property was filled from its `default`.
        case filledDefault = "filled_default"
        /// A missing required property that allows null was set to null.
        case filledNull = "filled_null"
    }

    /// Where, in the value.
    public var pointer: JSONPointer
    /// What kind of change it was.
    public var kind: Kind
    /// The value before (`nil` when the member was missing).
    public var before: JSONValue?
    /// The value after (`nil` when the member was removed).
    public var after: JSONValue?

    /// Whether the change loses or alters what the model wrote (refused by `--strict`).
    public var isLossy: Bool { kind == .matchedEnumValue || kind == .droppedProperty }

    public var description: String {
        let place = pointer.isRoot ? "(root)" : pointer.description
        let from = before.map { JSONSerializer().string(from: $0) } ?? "(missing)"
        let to = after.map { JSONSerializer().string(from: $0) } ?? "(removed)"
        return "\(place): \(kind.rawValue): \(from) → \(to)"
    }
}
