import SchemataJSON
import SchemataRegex
import SchemataValidator

/// Fits a value to its schema with conversions that keep what the model
/// meant: `"42"` → `42` where a number is wanted and `42` → `"42"` where a
/// string is, `"true"` → `true`, a single value → `[value]`, enum values
/// matched ignoring case and surrounding whitespace, properties that
/// `additionalProperties: false` forbids dropped, and missing required
/// properties filled from `default` (or `null` where allowed). Every change
/// is reported; `strict` refuses the lossy ones (enum matching, dropping).
///
/// A coercer caches compiled subschemas, so it is not `Sendable`: give each
/// thread its own.
///
/// The walk follows `properties`, `patternProperties`,
/// `additionalProperties`, `items`, `prefixItems`, local `$ref`s, `allOf`,
/// and picks the `anyOf`/`oneOf` branch that the coerced value satisfies.
public final class SchemaCoercer {
    private var inspector: SchemaInspector
    private let baseURIs: [JSONPointer: String]
    private var validators: [JSONPointer: Validator] = [:]
    private var patternCache: [String: ECMARegex] = [:]
    /// Whether lossy conversions are refused.
    public let strict: Bool
    /// The whole schema's validator.
    public let validator: Validator

    /// Prepares `schema` (compiled once; reuse the coercer for many values).
    public init(schema: JSONValue, strict: Bool = false) throws(SchemaCompileError) {
        validator = try Validator(schema: schema)
        do {
            inspector = try SchemaInspector(schema: schema, uri: "urn:schemata:coercion", registry: SchemaRegistry(), defaultDraft: validator.draft)
        } catch {
            throw SchemaCompileError(problems: [.init(location: "", pointer: .root, message: "\(error)")])
        }
        var bases: [JSONPointer: String] = [:]
        for subschema in inspector.subschemas { bases[subschema.pointer] = subschema.baseURI }
        baseURIs = bases
        self.strict = strict
    }

    /// The coerced value and the changes made.
    public func coerce(_ value: JSONValue) -> (value: JSONValue, edits: [CoercionEdit]) {
        if validator.isValid(value) { return (value, []) }
        var edits: [CoercionEdit] = []
        var depth = 0
        let result = coerce(value, schemaAt: .root, instanceAt: .root, edits: &edits, depth: &depth)
        return (result, edits)
    }

    /// Whether `value` is valid against the whole schema.
    public func isValid(_ value: JSONValue) -> Bool { validator.isValid(value) }

    private func validator(at pointer: JSONPointer) -> Validator? {
        if let cached = validators[pointer] { return cached }
        guard let compiled = try? inspector.validator(forSubschemaAt: pointer).get() else { return nil }
        validators[pointer] = compiled
        return compiled
    }

    private func coerce(
        _ value: JSONValue, schemaAt pointer: JSONPointer, instanceAt location: JSONPointer, edits: inout [CoercionEdit], depth: inout Int
    ) -> JSONValue {
        guard depth < 64, case .object(let schema)? = inspector.schema[pointer: pointer] else { return value }
        depth += 1
        defer { depth -= 1 }
        var value = value
        if let reference = schema["$ref"]?.stringValue, let base = baseURIs[pointer],
            case .success(.local(let target)) = inspector.resolve(reference, from: base)
        {
            value = coerce(value, schemaAt: target, instanceAt: location, edits: &edits, depth: &depth)
        }
        if case .array(let branches)? = schema["allOf"] {
            for index in branches.indices {
                value = coerce(value, schemaAt: pointer.appending("allOf").appending(index: index), instanceAt: location, edits: &edits, depth: &depth)
            }
        }
        for keyword in ["anyOf", "oneOf"] {
            guard case .array(let branches)? = schema[keyword] else { continue }
            if branches.indices.contains(where: { validator(at: pointer.appending(keyword).appending(index: $0))?.isValid(value) == true }) { continue }
            for index in branches.indices {
                let branch = pointer.appending(keyword).appending(index: index)
                var trial: [CoercionEdit] = []
                let candidate = coerce(value, schemaAt: branch, instanceAt: location, edits: &trial, depth: &depth)
                if !trial.isEmpty, validator(at: branch)?.isValid(candidate) == true {
                    value = candidate
                    edits += trial
                    break
                }
            }
        }
        value = convertType(value, schema, location, &edits)
        value = matchEnum(value, schema, location, &edits)
        switch value {
        case .object(let object):
            value = .object(coerceMembers(object, schema, pointer, location, &edits, &depth))
        case .array(let elements):
            value = .array(coerceElements(elements, schema, pointer, location, &edits, &depth))
        default:
            break
        }
        return value
    }

    /// Converts scalars to the type `type` wants, losslessly.
    private func convertType(_ value: JSONValue, _ schema: JSONObject, _ location: JSONPointer, _ edits: inout [CoercionEdit]) -> JSONValue {
        guard let types = typeNames(schema["type"]), !types.isEmpty, !matches(value, types) else { return value }
        func record(_ kind: CoercionEdit.Kind, _ after: JSONValue) -> JSONValue {
            edits.append(CoercionEdit(pointer: location, kind: kind, before: value, after: after))
            return after
        }
        switch value {
        case .string(let text):
            if types.contains("integer") || types.contains("number"), let number = JSONNumber(text: text),
                types.contains("number") || number.isInteger
            {
                return record(.stringToNumber, .number(number))
            }
            if types.contains("boolean"), text == "true" || text == "false" { return record(.stringToBoolean, .bool(text == "true")) }
            if types.contains("null"), text == "null" { return record(.stringToNull, .null) }
        case .number(let number):
            if types.contains("string") { return record(.numberToString, .string(number.text)) }
        case .bool(let flag):
            if types.contains("string") { return record(.booleanToString, .string(flag ? "true" : "false")) }
        default:
            break
        }
        if types.contains("array"), !types.contains(typeName(value)) {
            return record(.wrappedInArray, [value])
        }
        return value
    }

    /// `" Red "` → `"red"` when exactly one enum string matches.
    private func matchEnum(_ value: JSONValue, _ schema: JSONObject, _ location: JSONPointer, _ edits: inout [CoercionEdit]) -> JSONValue {
        guard !strict, case .string(let text) = value else { return value }
        var options: [JSONValue] = schema["enum"]?.arrayValue ?? []
        if let constant = schema["const"] { options.append(constant) }
        guard !options.isEmpty, !options.contains(value) else { return value }
        let wanted = text.trimmingWhitespace().lowercased()
        let found = options.filter { $0.stringValue.map { $0.trimmingWhitespace().lowercased() == wanted } ?? false }
        guard found.count == 1 else { return value }
        edits.append(CoercionEdit(pointer: location, kind: .matchedEnumValue, before: value, after: found[0]))
        return found[0]
    }

    private func coerceMembers(
        _ object: JSONObject, _ schema: JSONObject, _ pointer: JSONPointer, _ location: JSONPointer,
        _ edits: inout [CoercionEdit], _ depth: inout Int
    ) -> JSONObject {
        let properties = schema["properties"]?.objectValue ?? JSONObject()
        let patterns = schema["patternProperties"]?.objectValue ?? JSONObject()
        var result: [(String, JSONValue)] = []
        for (name, member) in object {
            let memberLocation = location.appending(name)
            if properties.contains(name) {
                result.append((name, coerce(member, schemaAt: pointer.appending("properties").appending(name), instanceAt: memberLocation, edits: &edits, depth: &depth)))
                continue
            }
            if let pattern = patterns.keys.first(where: { regex($0)?.matches(name) == true }) {
                result.append((name, coerce(member, schemaAt: pointer.appending("patternProperties").appending(pattern), instanceAt: memberLocation, edits: &edits, depth: &depth)))
                continue
            }
            switch schema["additionalProperties"] {
            case .bool(false)?:
                if strict {
                    result.append((name, member))
                } else {
                    edits.append(CoercionEdit(pointer: memberLocation, kind: .droppedProperty, before: member, after: nil))
                }
            case .object?:
                result.append((name, coerce(member, schemaAt: pointer.appending("additionalProperties"), instanceAt: memberLocation, edits: &edits, depth: &depth)))
            default:
                result.append((name, member))
            }
        }
        for name in (schema["required"]?.arrayValue ?? []).compactMap(\.stringValue) where !result.contains(where: { $0.0 == name }) {
            let propertyPointer = pointer.appending("properties").appending(name)
            guard let property = inspector.schema[pointer: propertyPointer] else { continue }
            if let fallback = property["default"] {
                result.append((name, fallback))
                edits.append(CoercionEdit(pointer: location.appending(name), kind: .filledDefault, before: nil, after: fallback))
            } else if validator(at: propertyPointer)?.isValid(.null) == true {
                result.append((name, .null))
                edits.append(CoercionEdit(pointer: location.appending(name), kind: .filledNull, before: nil, after: .null))
            }
        }
        return JSONObject(result)
    }

    private func coerceElements(
        _ elements: [JSONValue], _ schema: JSONObject, _ pointer: JSONPointer, _ location: JSONPointer,
        _ edits: inout [CoercionEdit], _ depth: inout Int
    ) -> [JSONValue] {
        let prefix = schema["prefixItems"]?.arrayValue?.count ?? 0
        let itemsIsArray = schema["items"]?.kind == .array
        return elements.enumerated().map { index, element in
            let elementLocation = location.appending(index: index)
            let subschema: JSONPointer?
            if index < prefix {
                subschema = pointer.appending("prefixItems").appending(index: index)
            } else if itemsIsArray {
                subschema = index < (schema["items"]?.arrayValue?.count ?? 0) ? pointer.appending("items").appending(index: index) : nil
            } else if schema["items"]?.kind == .object {
                subschema = pointer.appending("items")
            } else {
                subschema = nil
            }
            guard let subschema else { return element }
            return coerce(element, schemaAt: subschema, instanceAt: elementLocation, edits: &edits, depth: &depth)
        }
    }

    private func regex(_ pattern: String) -> ECMARegex? {
        if let cached = patternCache[pattern] { return cached }
        guard let compiled = try? ECMARegex(pattern) else { return nil }
        patternCache[pattern] = compiled
        return compiled
    }

    private func typeNames(_ value: JSONValue?) -> Set<String>? {
        switch value {
        case .string(let name)?: return [name]
        case .array(let names)?: return Set(names.compactMap(\.stringValue))
        default: return nil
        }
    }

    private func typeName(_ value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case .bool: return "boolean"
        case .number(let number): return number.isInteger ? "integer" : "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }

    private func matches(_ value: JSONValue, _ types: Set<String>) -> Bool {
        let name = typeName(value)
        return types.contains(name) || (name == "integer" && types.contains("number"))
    }
}

extension String {
    /// Without leading and trailing whitespace.
    func trimmingWhitespace() -> String {
        var scalars = Substring(self).unicodeScalars
        while let first = scalars.first, first.properties.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
