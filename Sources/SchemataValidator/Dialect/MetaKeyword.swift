/// The keywords some standard meta-schema constrains (the union over the
/// five drafts), for ``MetaSchemaShortcut``. Any other member name is
/// unconstrained in every draft.
enum MetaKeyword: String, CaseIterable {
    case schema = "$schema"
    case id
    case dollarID = "$id"
    case ref = "$ref"
    case comment = "$comment"
    case anchor = "$anchor"
    case dynamicAnchor = "$dynamicAnchor"
    case recursiveAnchor = "$recursiveAnchor"
    case recursiveRef = "$recursiveRef"
    case dynamicRef = "$dynamicRef"
    case vocabulary = "$vocabulary"
    case defs = "$defs"
    case title
    case description
    case examples
    case readOnly
    case writeOnly
    case deprecated
    case multipleOf
    case maximum
    case exclusiveMaximum
    case minimum
    case exclusiveMinimum
    case maxLength
    case minLength
    case pattern
    case additionalItems
    case items
    case prefixItems
    case maxItems
    case minItems
    case uniqueItems
    case contains
    case maxContains
    case minContains
    case maxProperties
    case minProperties
    case required
    case dependentRequired
    case additionalProperties
    case definitions
    case properties
    case patternProperties
    case dependencies
    case dependentSchemas
    case propertyNames
    case enumeration = "enum"
    case type
    case format
    case contentMediaType
    case contentEncoding
    case contentSchema
    case `if`
    case then
    case `else`
    case allOf
    case anyOf
    case oneOf
    case `not`
    case unevaluatedItems
    case unevaluatedProperties

    /// The keyword named `name`, or `nil`. Compares bytes (no `String`
    /// comparison, which runs the slow path for every mismatch), against
    /// only the candidates of the name's length.
    init?(_ name: String) {
        #if canImport(Darwin)
        // A bridged string may lack contiguous UTF-8: copied first, so that
        // no name is taken for a non-keyword for want of its bytes.
        var name = name
        guard let keyword = name.withUTF8({ MetaKeyword.named(UnsafeRawBufferPointer($0)) }) else { return nil }
        #else
        // Every string is native here: its UTF-8 is contiguous.
        guard let keyword = name.utf8.withContiguousStorageIfAvailable({ MetaKeyword.named(UnsafeRawBufferPointer($0)) }) ?? nil
        else { return nil }
        #endif
        self = keyword
    }

    private static func named(_ name: UnsafeRawBufferPointer) -> MetaKeyword? {
        switch name.count {
        case 2:
            if matches(name, "id") { return .id }
            if matches(name, "if") { return .if }
        case 3:
            if matches(name, "$id") { return .dollarID }
            if matches(name, "not") { return .not }
        case 4:
            if matches(name, "$ref") { return .ref }
            if matches(name, "enum") { return .enumeration }
            if matches(name, "type") { return .type }
            if matches(name, "then") { return .then }
            if matches(name, "else") { return .else }
        case 5:
            if matches(name, "$defs") { return .defs }
            if matches(name, "title") { return .title }
            if matches(name, "items") { return .items }
            if matches(name, "allOf") { return .allOf }
            if matches(name, "anyOf") { return .anyOf }
            if matches(name, "oneOf") { return .oneOf }
        case 6:
            if matches(name, "format") { return .format }
        case 7:
            if matches(name, "$schema") { return .schema }
            if matches(name, "$anchor") { return .anchor }
            if matches(name, "maximum") { return .maximum }
            if matches(name, "minimum") { return .minimum }
            if matches(name, "pattern") { return .pattern }
        case 8:
            if matches(name, "$comment") { return .comment }
            if matches(name, "examples") { return .examples }
            if matches(name, "readOnly") { return .readOnly }
            if matches(name, "maxItems") { return .maxItems }
            if matches(name, "minItems") { return .minItems }
            if matches(name, "contains") { return .contains }
            if matches(name, "required") { return .required }
        case 9:
            if matches(name, "writeOnly") { return .writeOnly }
            if matches(name, "maxLength") { return .maxLength }
            if matches(name, "minLength") { return .minLength }
        case 10:
            if matches(name, "deprecated") { return .deprecated }
            if matches(name, "multipleOf") { return .multipleOf }
            if matches(name, "properties") { return .properties }
        case 11:
            if matches(name, "$dynamicRef") { return .dynamicRef }
            if matches(name, "$vocabulary") { return .vocabulary }
            if matches(name, "description") { return .description }
            if matches(name, "prefixItems") { return .prefixItems }
            if matches(name, "uniqueItems") { return .uniqueItems }
            if matches(name, "maxContains") { return .maxContains }
            if matches(name, "minContains") { return .minContains }
            if matches(name, "definitions") { return .definitions }
        case 12:
            if matches(name, "dependencies") { return .dependencies }
        case 13:
            if matches(name, "$recursiveRef") { return .recursiveRef }
            if matches(name, "maxProperties") { return .maxProperties }
            if matches(name, "minProperties") { return .minProperties }
            if matches(name, "propertyNames") { return .propertyNames }
            if matches(name, "contentSchema") { return .contentSchema }
        case 14:
            if matches(name, "$dynamicAnchor") { return .dynamicAnchor }
        case 15:
            if matches(name, "additionalItems") { return .additionalItems }
            if matches(name, "contentEncoding") { return .contentEncoding }
        case 16:
            if matches(name, "$recursiveAnchor") { return .recursiveAnchor }
            if matches(name, "exclusiveMaximum") { return .exclusiveMaximum }
            if matches(name, "exclusiveMinimum") { return .exclusiveMinimum }
            if matches(name, "dependentSchemas") { return .dependentSchemas }
            if matches(name, "contentMediaType") { return .contentMediaType }
            if matches(name, "unevaluatedItems") { return .unevaluatedItems }
        case 17:
            if matches(name, "dependentRequired") { return .dependentRequired }
            if matches(name, "patternProperties") { return .patternProperties }
        case 20:
            if matches(name, "additionalProperties") { return .additionalProperties }
        case 21:
            if matches(name, "unevaluatedProperties") { return .unevaluatedProperties }
        default: break
        }
        return nil
    }

    /// Whether `name` (of the same length) spells `candidate`.
    @inline(__always)
    static func matches(_ name: UnsafeRawBufferPointer, _ candidate: StaticString) -> Bool {
        let spelling = candidate.utf8Start
        guard name[0] == spelling[0] else { return false }
        for offset in 1..<name.count where name[offset] != spelling[offset] { return false }
        return true
    }

    /// The keyword's name (its spelling in a schema).
    var name: String { rawValue }
}
