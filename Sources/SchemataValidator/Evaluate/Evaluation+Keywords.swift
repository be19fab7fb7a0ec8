import SchemataJSON
import SchemataRegex

extension Evaluation {
    /// Evaluates one keyword of `node` against `instance`.
    mutating func check(_ entry: CompiledKeyword, node: Int, _ instance: Int, _ annotations: inout Annotations?) -> Bool {
        let kind = document.nodes[instance].kind
        switch entry.keyword {
        case .alwaysFalse:
            fail(node, "", instance, "no value is allowed here (the schema is false)")
            return false

        case .type(let types, let literalIntegers):
            if JSONTypes.matches(document, instance, types, literalIntegers: literalIntegers) { return true }
            fail(node, entry.name, instance, "expected \(JSONTypes.describe(types)), got \(document.preview(instance))")
            return false

        case .const(let value):
            if document.equals(instance, value) { return true }
            fail(node, entry.name, instance, "expected \(JSONSerializer().string(from: value)), got \(document.preview(instance))")
            return false

        case .enumeration(let values):
            if values.contains(where: { document.equals(instance, $0) }) { return true }
            let shown = values.prefix(8).map { JSONSerializer().string(from: $0) }.joined(separator: ", ")
            fail(node, entry.name, instance, "expected one of \(shown)\(values.count > 8 ? ", …" : ""), got \(document.preview(instance))")
            return false

        case .multipleOf(let divisor):
            guard kind == .integer || kind == .decimal else { return true }
            if document.number(at: instance).isMultiple(of: divisor) { return true }
            fail(node, entry.name, instance, "expected a multiple of \(divisor), got \(document.preview(instance))")
            return false

        case .maximum(let limit):
            return compare(node, entry, instance, limit, "at most") { $0 <= limit }
        case .exclusiveMaximum(let limit):
            return compare(node, entry, instance, limit, "less than") { $0 < limit }
        case .minimum(let limit):
            return compare(node, entry, instance, limit, "at least") { $0 >= limit }
        case .exclusiveMinimum(let limit):
            return compare(node, entry, instance, limit, "greater than") { $0 > limit }

        case .maxLength(let limit):
            guard document.isString(instance) else { return true }
            let length = document.scalarCount(instance)
            if length <= limit { return true }
            fail(node, entry.name, instance, "expected at most \(limit) characters, got \(length)")
            return false
        case .minLength(let limit):
            guard document.isString(instance) else { return true }
            let length = document.scalarCount(instance)
            if length >= limit { return true }
            fail(node, entry.name, instance, "expected at least \(limit) characters, got \(length)")
            return false

        case .pattern(let regex):
            guard document.isString(instance) else { return true }
            switch regex.search(document.string(at: instance)) {
            case .match: return true
            case .noMatch:
                fail(node, entry.name, instance, "expected a string matching \(JSONSerializer.quoted(regex.source)), got \(document.preview(instance))")
                return false
            case .budgetExceeded:
                fail(node, entry.name, instance, "pattern \(JSONSerializer.quoted(regex.source)) exceeded its matching budget on this string")
                return false
            }

        case .format(let name, let check):
            guard document.isString(instance) else { return true }
            if check(document.string(at: instance)) { return true }
            fail(node, entry.name, instance, "expected a valid \(name), got \(document.preview(instance))")
            return false

        case .content(let encoding, let mediaType):
            guard document.isString(instance) else { return true }
            var bytes = Array(document.string(at: instance).utf8)
            if encoding == "base64" {
                guard let decoded = Base64.decode(bytes) else {
                    fail(node, "contentEncoding", instance, "expected base64-encoded content")
                    return false
                }
                bytes = decoded
            }
            if mediaType == "application/json", (try? JSONParser().parseDocument(bytes)) == nil {
                fail(node, "contentMediaType", instance, "expected content that is a JSON document")
                return false
            }
            return true

        case .maxItems(let limit):
            guard kind == .array else { return true }
            if document.count(at: instance) <= limit { return true }
            fail(node, entry.name, instance, "expected at most \(limit) items, got \(document.count(at: instance))")
            return false
        case .minItems(let limit):
            guard kind == .array else { return true }
            if document.count(at: instance) >= limit { return true }
            fail(node, entry.name, instance, "expected at least \(limit) items, got \(document.count(at: instance))")
            return false
        case .uniqueItems:
            guard kind == .array else { return true }
            if let (first, second) = duplicateItems(instance) {
                fail(node, entry.name, instance, "expected unique items, but items \(first) and \(second) are equal")
                return false
            }
            return true

        case .maxProperties(let limit):
            guard kind == .object else { return true }
            if document.count(at: instance) <= limit { return true }
            fail(node, entry.name, instance, "expected at most \(limit) properties, got \(document.count(at: instance))")
            return false
        case .minProperties(let limit):
            guard kind == .object else { return true }
            if document.count(at: instance) >= limit { return true }
            fail(node, entry.name, instance, "expected at least \(limit) properties, got \(document.count(at: instance))")
            return false
        case .required(let names):
            guard kind == .object else { return true }
            var valid = true
            for name in names where document.member(name, of: instance) == nil {
                fail(node, entry.name, instance, "missing required property \(JSONSerializer.quoted(name))")
                valid = false
                if !collecting { return false }
            }
            return valid
        case .dependentRequired(let dependencies):
            guard kind == .object else { return true }
            var valid = true
            for (name, required) in dependencies where document.member(name, of: instance) != nil {
                for other in required where document.member(other, of: instance) == nil {
                    fail(node, entry.name, instance, "property \(JSONSerializer.quoted(name)) requires property \(JSONSerializer.quoted(other))")
                    valid = false
                    if !collecting { return false }
                }
            }
            return valid

        default:
            return checkApplicator(entry, node: node, instance, &annotations)
        }
    }

    mutating func compare(
        _ node: Int, _ entry: CompiledKeyword, _ instance: Int, _ limit: JSONNumber, _ words: String,
        _ test: (JSONNumber) -> Bool
    ) -> Bool {
        guard document.isNumber(instance) else { return true }
        let value = document.number(at: instance)
        if test(value) { return true }
        fail(node, entry.name, instance, "expected a number \(words) \(limit), got \(value)")
        return false
    }

    /// Two equal elements of the array at `instance`, if any.
    func duplicateItems(_ instance: Int) -> (Int, Int)? {
        let elements = document.elements(of: instance)
        if elements.count < 2 { return nil }
        var seen: [JSONValue: Int] = [:]
        for (position, element) in elements.enumerated() {
            let value = document.value(at: element)
            if let earlier = seen[value] { return (earlier, position) }
            seen[value] = position
        }
        return nil
    }
}

/// `type` matching and naming.
enum JSONTypes {
    static func matches(_ document: JSONDocument, _ instance: Int, _ types: JSONTypeSet, literalIntegers: Bool = false) -> Bool {
        switch document.nodes[instance].kind {
        case .null: return types.contains(.null)
        case .true, .false: return types.contains(.boolean)
        case .integer: return types.contains(.integer) || types.contains(.number)
        case .decimal:
            if types.contains(.number) { return true }
            guard types.contains(.integer) else { return false }
            if literalIntegers {
                return document.withUTF8(at: instance) { !$0.contains(UInt8(ascii: ".")) && !$0.contains(UInt8(ascii: "e")) && !$0.contains(UInt8(ascii: "E")) }
            }
            return document.number(at: instance).isInteger
        case .string, .key: return types.contains(.string)
        case .array: return types.contains(.array)
        case .object: return types.contains(.object)
        }
    }

    static func describe(_ types: JSONTypeSet) -> String {
        let names = types.names
        if names.count <= 1 { return names.first ?? "nothing" }
        return names.dropLast().joined(separator: ", ") + " or " + names.last!
    }
}
