import SchemataJSON
import SchemataRegex

/// JSON types as a bit set, as the `type` keyword names them.
struct JSONTypeSet: OptionSet, Sendable, Hashable {
    let rawValue: UInt8
    static let null = JSONTypeSet(rawValue: 1)
    static let boolean = JSONTypeSet(rawValue: 2)
    static let integer = JSONTypeSet(rawValue: 4)
    static let number = JSONTypeSet(rawValue: 8)
    static let string = JSONTypeSet(rawValue: 16)
    static let array = JSONTypeSet(rawValue: 32)
    static let object = JSONTypeSet(rawValue: 64)

    init(rawValue: UInt8) { self.rawValue = rawValue }

    init?(name: String) {
        switch name {
        case "null": self = .null
        case "boolean": self = .boolean
        case "integer": self = .integer
        case "number": self = .number
        case "string": self = .string
        case "array": self = .array
        case "object": self = .object
        default: return nil
        }
    }

    /// `type` names, for messages.
    var names: [String] {
        var result: [String] = []
        for (flag, name) in [(JSONTypeSet.null, "null"), (.boolean, "boolean"), (.integer, "integer"), (.number, "number"),
            (.string, "string"), (.array, "array"), (.object, "object")] where contains(flag) {
            result.append(name)
        }
        return result
    }
}

/// One compiled keyword, as the keyword builder hands it to the
/// ``FlatProgramBuilder`` (which lowers it to an instruction at once).
enum Keyword: Sendable {
    /// `type`; with `literalIntegers` (draft 4), `1.0` is not an integer.
    case type(JSONTypeSet, literalIntegers: Bool)
    /// Draft 7's `contentEncoding` / `contentMediaType` assertions.
    case content(encoding: String?, mediaType: String?)
    case const(JSONValue)
    case enumeration([JSONValue])
    case multipleOf(JSONNumber)
    case maximum(JSONNumber)
    case exclusiveMaximum(JSONNumber)
    case minimum(JSONNumber)
    case exclusiveMinimum(JSONNumber)
    case maxLength(Int)
    case minLength(Int)
    case pattern(ECMARegex)
    case format(String, FormatChecker.Check)
    case maxItems(Int)
    case minItems(Int)
    case uniqueItems
    case maxProperties(Int)
    case minProperties(Int)
    case required([String])
    case dependentRequired([(name: String, required: [String])])
    case properties([(name: String, node: Int)])
    case patternProperties([(regex: ECMARegex, node: Int)])
    /// `additionalProperties`, with the names and patterns of its sibling
    /// `properties` and `patternProperties`.
    case additionalProperties(node: Int, known: [String], patterns: [ECMARegex])
    case propertyNames(Int)
    case dependentSchemas([(name: String, node: Int)])
    /// `prefixItems`, or the array form of `items` before 2020-12.
    case prefixItems([Int])
    /// `items` (2020-12) or `additionalItems`: elements from `start` on.
    case items(node: Int, start: Int)
    case contains(node: Int, minimum: Int, maximum: Int?)
    case allOf([Int])
    case anyOf([Int])
    case oneOf([Int])
    case not(Int)
    case conditional(condition: Int, then: Int?, otherwise: Int?)
    case ref(Int)
    /// `$dynamicRef` / `$recursiveRef`: the static target, and the nodes to
    /// use instead when a resource in the dynamic scope declares the anchor.
    case dynamicRef(target: Int, candidates: [Int: Int], isDynamic: Bool)
    case recursiveRef(target: Int, candidates: [Int: Int], isDynamic: Bool)
    case unevaluatedProperties(Int)
    case unevaluatedItems(Int)
    /// The `false` schema.
    case alwaysFalse
}
