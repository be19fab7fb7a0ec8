import SchemataJSON

/// Reading instances off the tape, with object keys treated as strings (so
/// that `propertyNames` can validate a key node directly).
extension JSONDocument {
    func isString(_ index: Int) -> Bool {
        let kind = nodes[index].kind
        return kind == .string || kind == .key
    }

    func isNumber(_ index: Int) -> Bool {
        let kind = nodes[index].kind
        return kind == .integer || kind == .decimal
    }

    /// The JSON type name of an instance, for messages.
    func typeName(_ index: Int) -> String {
        switch nodes[index].kind {
        case .null: return "null"
        case .true, .false: return "boolean"
        case .integer: return "integer"
        case .decimal: return number(at: index).isInteger ? "integer" : "number"
        case .string, .key: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }

    /// The number of Unicode scalars in a string or key.
    func scalarCount(_ index: Int) -> Int {
        withUTF8(at: index) { bytes in
            var count = 0
            for byte in bytes where byte & 0xC0 != 0x80 { count += 1 }
            return count
        }
    }

    /// Whether the string or key at `index` is exactly `text`.
    func stringEquals(_ index: Int, _ text: String) -> Bool {
        var text = text
        return text.withUTF8 { wanted in
            withUTF8(at: index) { have in
                have.count == wanted.count && (have.count == 0 || memcmp(have.baseAddress!, wanted.baseAddress!, have.count) == 0)
            }
        }
    }

    /// A short rendering of the instance at `index` for messages.
    func preview(_ index: Int) -> String {
        switch nodes[index].kind {
        case .string, .key:
            let text = string(at: index)
            let shown = text.count > 40 ? String(text.prefix(40)) + "…" : text
            return "string " + JSONSerializer.quoted(shown)
        case .array: return "array of \(count(at: index)) items"
        case .object: return "object with \(count(at: index)) properties"
        default:
            return typeName(index) + " " + JSONSerializer().string(from: value(at: index))
        }
    }

    /// JSON equality between the instance at `index` and a value.
    func equals(_ index: Int, _ value: JSONValue) -> Bool {
        let node = nodes[index]
        switch (node.kind, value) {
        case (.null, .null): return true
        case (.true, .bool(true)), (.false, .bool(false)): return true
        case (.integer, .number(let number)), (.decimal, .number(let number)):
            return self.number(at: index) == number
        case (.string, .string(let text)), (.key, .string(let text)):
            return stringEquals(index, text)
        case (.array, .array(let elements)):
            guard count(at: index) == elements.count else { return false }
            var child = index + 1
            for element in elements {
                if !equals(child, element) { return false }
                child = subtreeEnd(child)
            }
            return true
        case (.object, .object(let object)):
            guard count(at: index) == object.count else { return false }
            for (key, expected) in object {
                guard let member = member(key, of: index), equals(member, expected) else { return false }
            }
            return true
        default:
            return false
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
