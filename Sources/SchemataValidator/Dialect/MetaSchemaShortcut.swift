import SchemataJSON

/// A quick, conservative answer to "does this schema conform to its draft's
/// standard meta-schema?", read straight off the value.
///
/// The full check turns the schema into a tape and runs the compiled
/// meta-schema over it; for the small schemas most programs compile, that
/// was a sixth of the compile time. This walk states each keyword's rule
/// from the five meta-schemas in `Schemas/meta/` and answers `true` only
/// when every rule visibly holds. Anything it does not settle cheaply
/// (`$vocabulary`, a draft-4 `enum` of objects, very long arrays, very
/// deep nesting, a rule that fails) answers `false`, and the caller runs
/// the full check, which also produces the errors. So a `true` is always
/// one the full check would give (the tests compare the two on thousands of
/// generated schemas); a `false` proves nothing.
enum MetaSchemaShortcut {
    /// Whether `schema` certainly conforms to `draft`'s standard meta-schema.
    static func certainlyConforms(_ schema: JSONValue, to draft: Draft) -> Bool {
        Walk(draft: draft).isSchema(schema, depth: 0)
    }

    /// Deeper schemas are left to the full check (which has its own limit).
    static let depthLimit = 128
    /// Longer arrays whose items must be unique are left to the full check.
    static let uniquenessLimit = 64

    private struct Walk {
        let draft: Draft

        /// A schema: an object (draft 4) or an object or boolean (later
        /// drafts), each member obeying its keyword's rule.
        func isSchema(_ value: JSONValue, depth: Int) -> Bool {
            switch value {
            case .bool: return draft >= .draft6
            case .object(let object):
                guard depth < MetaSchemaShortcut.depthLimit else { return false }
                for position in object.indices {
                    guard let keyword = MetaKeyword(object.key(at: position)) else { continue }
                    guard obeys(keyword, object.value(at: position), in: object, depth: depth) else { return false }
                }
                return true
            default:
                return false
            }
        }

        /// Whether a member obeys its keyword's rule in this draft (a
        /// keyword the draft's meta-schema does not name is unconstrained).
        func obeys(_ keyword: MetaKeyword, _ value: JSONValue, in object: JSONObject, depth: Int) -> Bool {
            let modern = draft >= .draft2019_09
            switch keyword {
            case .schema, .title, .description, .pattern, .format:
                return value.kind == .string
            case .id:
                return draft > .draft4 || value.kind == .string
            case .dollarID:
                guard draft >= .draft6 else { return true }
                guard let text = value.stringValue else { return false }
                // 2019-09 on: no fragment other than an empty one.
                return !modern || MetaSchemaShortcut.hasAtMostEmptyFragment(text)
            case .ref:
                return draft == .draft4 || value.kind == .string
            case .comment, .contentMediaType, .contentEncoding:
                return draft < .draft7 || value.kind == .string
            case .anchor:
                guard modern else { return true }
                return value.stringValue.map { MetaSchemaShortcut.isAnchor($0, draft: draft) } ?? false
            case .dynamicAnchor:
                guard draft >= .draft2020_12 else { return true }
                return value.stringValue.map { MetaSchemaShortcut.isAnchor($0, draft: draft) } ?? false
            case .recursiveAnchor:
                switch draft {
                case .draft2019_09: return value.kind == .boolean
                case .draft2020_12: return value.stringValue.map { MetaSchemaShortcut.isAnchor($0, draft: draft) } ?? false
                default: return true
                }
            case .recursiveRef:
                return !modern || value.kind == .string
            case .dynamicRef:
                return draft < .draft2020_12 || value.kind == .string
            case .vocabulary:
                // Its names must be URIs (a format): left to the full check.
                return !modern
            case .defs, .dependentSchemas:
                return !modern || isSchemaMap(value, depth: depth)
            case .definitions, .properties, .patternProperties:
                return isSchemaMap(value, depth: depth)
            case .examples:
                return draft < .draft6 || value.kind == .array
            case .readOnly, .writeOnly:
                return draft < .draft7 || value.kind == .boolean
            case .deprecated:
                return !modern || value.kind == .boolean
            case .uniqueItems:
                return value.kind == .boolean
            case .multipleOf:
                guard let number = value.numberValue else { return false }
                return !number.isNegative && !number.isZero
            case .maximum, .minimum:
                return value.kind == .number
            case .exclusiveMaximum, .exclusiveMinimum:
                guard draft == .draft4 else { return value.kind == .number }
                // Draft 4: a flag that needs its bound beside it.
                let bound = keyword == .exclusiveMaximum ? "maximum" : "minimum"
                return value.kind == .boolean && object.contains(bound)
            case .maxLength, .minLength, .maxItems, .minItems, .maxProperties, .minProperties:
                return isNonNegativeInteger(value)
            case .maxContains, .minContains:
                return !modern || isNonNegativeInteger(value)
            case .additionalItems:
                switch draft {
                case .draft4: return value.kind == .boolean || isSchema(value, depth: depth + 1)
                case .draft2020_12: return true
                default: return isSchema(value, depth: depth + 1)
                }
            case .additionalProperties:
                if draft == .draft4, value.kind == .boolean { return true }
                return isSchema(value, depth: depth + 1)
            case .items:
                if draft < .draft2020_12, case .array(let elements) = value {
                    return isSchemaList(elements, depth: depth)
                }
                return isSchema(value, depth: depth + 1)
            case .prefixItems:
                guard draft >= .draft2020_12 else { return true }
                guard case .array(let elements) = value else { return false }
                return isSchemaList(elements, depth: depth)
            case .allOf, .anyOf, .oneOf:
                guard case .array(let elements) = value else { return false }
                return isSchemaList(elements, depth: depth)
            case .not:
                return isSchema(value, depth: depth + 1)
            case .contains, .propertyNames:
                return draft < .draft6 || isSchema(value, depth: depth + 1)
            case .if, .then, .else:
                return draft < .draft7 || isSchema(value, depth: depth + 1)
            case .unevaluatedItems, .unevaluatedProperties, .contentSchema:
                return !modern || isSchema(value, depth: depth + 1)
            case .required:
                return isStringArray(value)
            case .dependentRequired:
                guard modern else { return true }
                guard case .object(let map) = value else { return false }
                return map.indices.allSatisfy { isStringArray(map.value(at: $0)) }
            case .dependencies:
                guard case .object(let map) = value else { return false }
                return map.indices.allSatisfy { position in
                    let entry = map.value(at: position)
                    return entry.kind == .array ? isStringArray(entry) : isSchema(entry, depth: depth + 1)
                }
            case .enumeration:
                guard case .array(let elements) = value else { return false }
                guard draft == .draft4 else { return true }
                // Draft 4: at least one value, all distinct.
                return !elements.isEmpty && MetaSchemaShortcut.areDistinct(elements)
            case .type:
                if let name = value.stringValue { return MetaSchemaShortcut.typeBit(name) != 0 }
                guard case .array(let names) = value, !names.isEmpty, names.count <= 7 else { return false }
                var seen: UInt8 = 0
                for name in names {
                    guard let text = name.stringValue else { return false }
                    let bit = MetaSchemaShortcut.typeBit(text)
                    guard bit != 0, seen & bit == 0 else { return false }
                    seen |= bit
                }
                return true
            }
        }

        /// An object whose member values are all schemas.
        func isSchemaMap(_ value: JSONValue, depth: Int) -> Bool {
            guard case .object(let map) = value else { return false }
            return map.indices.allSatisfy { isSchema(map.value(at: $0), depth: depth + 1) }
        }

        /// A non-empty array of schemas.
        func isSchemaList(_ elements: [JSONValue], depth: Int) -> Bool {
            !elements.isEmpty && elements.allSatisfy { isSchema($0, depth: depth + 1) }
        }

        /// An array of distinct strings (draft 4: and not empty).
        func isStringArray(_ value: JSONValue) -> Bool {
            guard case .array(let elements) = value else { return false }
            if draft == .draft4 && elements.isEmpty { return false }
            guard elements.allSatisfy({ $0.kind == .string }) else { return false }
            return MetaSchemaShortcut.areDistinct(elements)
        }

        /// An integer of at least zero (draft 4 counts only integer
        /// literals: `1.0` is not one there).
        func isNonNegativeInteger(_ value: JSONValue) -> Bool {
            guard let number = value.numberValue, let integer = number.int64Value, integer >= 0 else { return false }
            guard draft == .draft4 else { return true }
            return !number.text.utf8.contains { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }
        }
    }

    /// Whether the values are pairwise different by JSON equality; `false`
    /// (left to the full check) for arrays longer than ``uniquenessLimit``.
    static func areDistinct(_ elements: [JSONValue]) -> Bool {
        guard elements.count <= uniquenessLimit else { return false }
        for later in elements.indices.dropFirst() {
            for earlier in 0..<later where equal(elements[earlier], elements[later]) { return false }
        }
        return true
    }

    /// JSON equality, with strings compared as bytes (equal code points are
    /// equal UTF-8).
    private static func equal(_ a: JSONValue, _ b: JSONValue) -> Bool {
        if case .string(let x) = a, case .string(let y) = b {
            return x.utf8.count == y.utf8.count && x.utf8.elementsEqual(y.utf8)
        }
        return a == b
    }

    /// A distinct bit for each of the seven type names, 0 for anything else.
    static func typeBit(_ name: String) -> UInt8 {
        #if canImport(Darwin)
        var name = name  // a bridged string may lack contiguous UTF-8: `withUTF8` copies it
        return name.withUTF8 { typeBit(UnsafeRawBufferPointer($0)) }
        #else
        // Every string is native here: its UTF-8 is contiguous.
        return name.utf8.withContiguousStorageIfAvailable { typeBit(UnsafeRawBufferPointer($0)) } ?? 0
        #endif
    }

    private static func typeBit(_ name: UnsafeRawBufferPointer) -> UInt8 {
        switch name.count {
        case 4: return MetaKeyword.matches(name, "null") ? 1 : 0
        case 5: return MetaKeyword.matches(name, "array") ? 2 : 0
        case 6:
            if MetaKeyword.matches(name, "number") { return 4 }
            if MetaKeyword.matches(name, "string") { return 8 }
            return MetaKeyword.matches(name, "object") ? 16 : 0
        case 7:
            if MetaKeyword.matches(name, "boolean") { return 32 }
            return MetaKeyword.matches(name, "integer") ? 64 : 0
        default: return 0
        }
    }

    /// `^[^#]*#?$`: no `#`, or one at the very end.
    static func hasAtMostEmptyFragment(_ text: String) -> Bool {
        guard let hash = text.utf8.firstIndex(of: UInt8(ascii: "#")) else { return true }
        return text.utf8.index(after: hash) == text.utf8.endIndex
    }

    /// The anchor-name pattern of 2019-09 (`^[A-Za-z][-A-Za-z0-9.:_]*$`) or
    /// 2020-12 (`^[A-Za-z_][-A-Za-z0-9._]*$`).
    static func isAnchor(_ text: String, draft: Draft) -> Bool {
        var bytes = text.utf8.makeIterator()
        guard let first = bytes.next() else { return false }
        func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") }
        let modern = draft >= .draft2020_12
        guard isLetter(first) || (modern && first == UInt8(ascii: "_")) else { return false }
        while let byte = bytes.next() {
            let allowed = isLetter(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_")
                || (!modern && byte == UInt8(ascii: ":"))
            guard allowed else { return false }
        }
        return true
    }
}
