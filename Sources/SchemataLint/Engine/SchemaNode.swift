import SchemataJSON
import SchemataValidator

/// One subschema as rules see it.
struct SchemaNode {
    /// Where it is.
    let pointer: JSONPointer
    /// Its members (empty for a boolean schema).
    let object: JSONObject
    /// Whether it is a boolean schema.
    let isBoolean: Bool
    /// The draft its keywords follow.
    let draft: Draft
    /// The base URI in force.
    let baseURI: String

    var isRoot: Bool { pointer.isRoot }

    subscript(keyword: String) -> JSONValue? { object[keyword] }

    /// The pointer to one of its keywords.
    func at(_ keyword: String) -> JSONPointer { pointer.appending(keyword) }

    /// The `type` keyword as a set of names (`nil` when absent or malformed).
    var types: Set<String>? {
        switch object["type"] {
        case .string(let name)?: return [name]
        case .array(let names)?:
            let strings = names.compactMap(\.stringValue)
            return strings.count == names.count ? Set(strings) : nil
        default: return nil
        }
    }

    /// Whether `type` allows a JSON value of the named type (`integer` is
    /// allowed by `number`).
    func typeAllows(_ name: String) -> Bool {
        guard let types else { return true }
        if types.contains(name) { return true }
        return name == "integer" && types.contains("number")
    }
}
