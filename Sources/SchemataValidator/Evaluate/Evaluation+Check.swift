import SchemataJSON

extension Evaluation {
    /// Evaluates instruction `pc` of `node` against `instance`.
    mutating func check(_ pc: Int, node: Int, _ instance: Int, _ annotations: inout Annotations?) -> Bool {
        let kind = tape[instance].kind
        switch instructions[pc] {
        case .alwaysFalse:
            fail(node, -1, instance, "no value is allowed here (the schema is false)")
            return false

        case .type(let raw, let literalIntegers):
            let types = JSONTypeSet(rawValue: raw)
            if typeMatches(instance, types, literalIntegers: literalIntegers) { return true }
            fail(node, pc, instance, "expected \(JSONTypes.describe(types)), got \(preview(instance))")
            return false

        case .const(let index):
            let value = program.constants[Int(index)]
            if equals(instance, value) { return true }
            fail(node, pc, instance, "expected \(JSONSerializer().string(from: value)), got \(preview(instance))")
            return false

        case .enumeration(let start, let count):
            let range = Int(start)..<Int(start + count)
            for position in range where equals(instance, program.constants[position]) { return true }
            fail(node, pc, instance, {
                let shown = program.constants[range].prefix(8).map { JSONSerializer().string(from: $0) }.joined(separator: ", ")
                return "expected one of \(shown)\(count > 8 ? ", …" : ""), got \(preview(instance))"
            }())
            return false

        case .multipleOf(let index):
            guard isNumber(instance) else { return true }
            let divisor = program.numbers[Int(index)]
            if number(instance).isMultiple(of: divisor) { return true }
            fail(node, pc, instance, "expected a multiple of \(divisor), got \(preview(instance))")
            return false

        case .maximum(let index):
            return compare(node, pc, instance, index, "at most") { $0 <= 0 }
        case .exclusiveMaximum(let index):
            return compare(node, pc, instance, index, "less than") { $0 < 0 }
        case .minimum(let index):
            return compare(node, pc, instance, index, "at least") { $0 >= 0 }
        case .exclusiveMinimum(let index):
            return compare(node, pc, instance, index, "greater than") { $0 > 0 }

        case .maxLength(let limit):
            guard isString(instance) else { return true }
            let node0 = tape[instance]
            // Fewer bytes than the limit means fewer characters too.
            if Int(node0.length) <= Int(limit) { return true }
            let length = scalarCount(instance)
            if length <= Int(limit) { return true }
            fail(node, pc, instance, "expected at most \(limit) characters, got \(length)")
            return false
        case .minLength(let limit):
            guard isString(instance) else { return true }
            if Int(limit) == 0 { return true }
            let length = scalarCount(instance)
            if length >= Int(limit) { return true }
            fail(node, pc, instance, "expected at least \(limit) characters, got \(length)")
            return false

        case .pattern(let index):
            guard isString(instance) else { return true }
            let regex = program.regexes[Int(index)]
            switch regex.search(string(instance)) {
            case .match: return true
            case .noMatch:
                fail(node, pc, instance, "expected a string matching \(JSONSerializer.quoted(regex.source)), got \(preview(instance))")
                return false
            case .budgetExceeded:
                fail(node, pc, instance, "pattern \(JSONSerializer.quoted(regex.source)) exceeded its matching budget on this string")
                return false
            }

        case .format(let index):
            guard isString(instance) else { return true }
            let format = program.formats[Int(index)]
            if format.check(string(instance)) { return true }
            fail(node, pc, instance, "expected a valid \(format.name), got \(preview(instance))")
            return false

        case .content(let index):
            guard isString(instance) else { return true }
            let content = program.contents[Int(index)]
            var data = Array(bytes(instance))
            if content.encoding == "base64" {
                guard let decoded = Base64.decode(data) else {
                    fail(node, pc, instance, "expected base64-encoded content", keyword: "contentEncoding")
                    return false
                }
                data = decoded
            }
            if content.mediaType == "application/json", (try? JSONParser().parseDocument(data)) == nil {
                fail(node, pc, instance, "expected content that is a JSON document", keyword: "contentMediaType")
                return false
            }
            return true

        case .maxItems(let limit):
            guard kind == .array else { return true }
            if count(instance) <= Int(limit) { return true }
            fail(node, pc, instance, "expected at most \(limit) items, got \(count(instance))")
            return false
        case .minItems(let limit):
            guard kind == .array else { return true }
            if count(instance) >= Int(limit) { return true }
            fail(node, pc, instance, "expected at least \(limit) items, got \(count(instance))")
            return false
        case .uniqueItems:
            guard kind == .array, count(instance) > 1 else { return true }
            if let (first, second) = duplicateItems(instance) {
                fail(node, pc, instance, "expected unique items, but items \(first) and \(second) are equal")
                return false
            }
            return true

        case .maxProperties(let limit):
            guard kind == .object else { return true }
            if count(instance) <= Int(limit) { return true }
            fail(node, pc, instance, "expected at most \(limit) properties, got \(count(instance))")
            return false
        case .minProperties(let limit):
            guard kind == .object else { return true }
            if count(instance) >= Int(limit) { return true }
            fail(node, pc, instance, "expected at least \(limit) properties, got \(count(instance))")
            return false

        case .required(let start, let count):
            guard kind == .object else { return true }
            var valid = true
            for position in Int(start)..<Int(start + count) where member(program.nameList[position], of: instance) == nil {
                fail(node, pc, instance, "missing required property \(JSONSerializer.quoted(program.nameText(program.nameList[position])))")
                valid = false
                if !collecting { return false }
            }
            return valid

        case .dependentRequired(let start, let count):
            guard kind == .object else { return true }
            var valid = true
            for position in Int(start)..<Int(start + count) {
                let dependency = program.dependencies[position]
                guard member(dependency.name, of: instance) != nil else { continue }
                for other in Int(dependency.requiredStart)..<Int(dependency.requiredStart + dependency.requiredCount)
                where member(program.nameList[other], of: instance) == nil {
                    fail(node, pc, instance, "property \(JSONSerializer.quoted(program.nameText(dependency.name))) requires property \(JSONSerializer.quoted(program.nameText(program.nameList[other])))")
                    valid = false
                    if !collecting { return false }
                }
            }
            return valid

        default:
            return checkApplicator(pc, node: node, instance, &annotations)
        }
    }

    @inline(__always)
    func typeMatches(_ instance: Int, _ types: JSONTypeSet, literalIntegers: Bool) -> Bool {
        switch tape[instance].kind {
        case .null: return types.contains(.null)
        case .true, .false: return types.contains(.boolean)
        case .integer: return types.contains(.integer) || types.contains(.number)
        case .decimal:
            if types.contains(.number) { return true }
            guard types.contains(.integer) else { return false }
            if literalIntegers {
                return !bytes(instance).contains { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }
            }
            return number(instance).isInteger
        case .string, .key: return types.contains(.string)
        case .array: return types.contains(.array)
        case .object: return types.contains(.object)
        }
    }

    /// Compares a numeric instance with bound `index`; `test` gets the sign
    /// of (instance − bound).
    mutating func compare(_ node: Int, _ pc: Int, _ instance: Int, _ index: Int32, _ words: String, _ test: (Int) -> Bool) -> Bool {
        guard isNumber(instance) else { return true }
        let bound = program.numbers[Int(index)]
        let sign: Int
        if tape[instance].kind == .integer, let limit = bound.int64Value {
            let value = Int64(bitPattern: tape[instance].payload)
            sign = value < limit ? -1 : (value > limit ? 1 : 0)
        } else {
            let value = number(instance)
            sign = value < bound ? -1 : (value == bound ? 0 : 1)
        }
        if test(sign) { return true }
        fail(node, pc, instance, "expected a number \(words) \(bound), got \(number(instance))")
        return false
    }

    /// Two equal elements of the array at `instance`, if any.
    func duplicateItems(_ instance: Int) -> (Int, Int)? {
        var seen: [JSONValue: Int] = [:]
        var child = instance + 1
        let end = subtreeEnd(instance)
        var position = 0
        while child < end {
            let value = document.value(at: child)
            if let earlier = seen[value] { return (earlier, position) }
            seen[value] = position
            child = subtreeEnd(child)
            position += 1
        }
        return nil
    }
}

/// `type` naming.
enum JSONTypes {
    static func describe(_ types: JSONTypeSet) -> String {
        let names = types.names
        if names.count <= 1 { return names.first ?? "nothing" }
        return names.dropLast().joined(separator: ", ") + " or " + names.last!
    }
}
