import SchemataJSON
import SchemataRegex

extension Evaluation {
    /// Evaluates instruction `pc` of `node` against `instance`.
    mutating func check(_ pc: Int, node: Int, _ instance: Int, _ annotations: inout Annotations?) -> Bool {
        let ins = hot.instructions[pc]
        switch ins.opcode {
        case .alwaysFalse: return executeAlwaysFalse(ins, node: node, pc: pc, instance, &annotations)
        case .type: return executeType(ins, node: node, pc: pc, instance, &annotations)
        case .const: return executeConst(ins, node: node, pc: pc, instance, &annotations)
        case .enumeration: return executeEnumeration(ins, node: node, pc: pc, instance, &annotations)
        case .multipleOf: return executeMultipleOf(ins, node: node, pc: pc, instance, &annotations)
        case .maximum: return executeMaximum(ins, node: node, pc: pc, instance, &annotations)
        case .exclusiveMaximum: return executeExclusiveMaximum(ins, node: node, pc: pc, instance, &annotations)
        case .minimum: return executeMinimum(ins, node: node, pc: pc, instance, &annotations)
        case .exclusiveMinimum: return executeExclusiveMinimum(ins, node: node, pc: pc, instance, &annotations)
        case .maxLength: return executeMaxLength(ins, node: node, pc: pc, instance, &annotations)
        case .minLength: return executeMinLength(ins, node: node, pc: pc, instance, &annotations)
        case .pattern: return executePattern(ins, node: node, pc: pc, instance, &annotations)
        case .format: return executeFormat(ins, node: node, pc: pc, instance, &annotations)
        case .content: return executeContent(ins, node: node, pc: pc, instance, &annotations)
        case .maxItems: return executeCountLimit(ins, node: node, pc: pc, instance, container: .array, atMost: true)
        case .minItems: return executeCountLimit(ins, node: node, pc: pc, instance, container: .array, atMost: false)
        case .uniqueItems: return executeUniqueItems(ins, node: node, pc: pc, instance, &annotations)
        case .maxProperties: return executeCountLimit(ins, node: node, pc: pc, instance, container: .object, atMost: true)
        case .minProperties: return executeCountLimit(ins, node: node, pc: pc, instance, container: .object, atMost: false)
        case .required: return executeRequired(ins, node: node, pc: pc, instance, &annotations)
        case .dependentRequired: return executeDependentRequired(ins, node: node, pc: pc, instance, &annotations)
        default:
            return checkApplicator(pc, node: node, instance, &annotations)
        }
    }

    @inline(__always)
    func typeMatches(_ instance: Int, _ types: JSONTypeSet, literalIntegers: Bool) -> Bool {
        let kind = tape[instance].kind
        // One table lookup and a mask: no jump table on the hot path.
        if Evaluation.certainTypes(of: kind) & types.rawValue != 0 { return true }
        // A decimal literal is an integer when its value is (`1.0`), or, for
        // drafts that count literals (`literalIntegers`), when it has no
        // fraction or exponent.
        if literalIntegers {
            guard kind == .decimal, types.contains(.integer) else { return false }
            return !bytes(instance).contains { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }
        }
        return Evaluation.decimalIsInteger(tape[instance], types.rawValue, arena: arena)
    }

    /// The types a node of `kind` has without looking at its value (a
    /// decimal may also be an integer, which ``typeMatches(_:_:literalIntegers:)``
    /// checks). Constant cases: the compiler makes this a table lookup.
    @inline(__always)
    static func certainTypes(of kind: TapeKind) -> UInt8 {
        switch kind {
        case .null: return JSONTypeSet.null.rawValue
        case .false, .true: return JSONTypeSet.boolean.rawValue
        case .integer: return JSONTypeSet.integer.rawValue | JSONTypeSet.number.rawValue
        case .decimal: return JSONTypeSet.number.rawValue
        case .string, .key: return JSONTypeSet.string.rawValue
        case .array: return JSONTypeSet.array.rawValue
        case .object: return JSONTypeSet.object.rawValue
        }
    }

    /// Compares a numeric instance with bound `index`; `test` gets the sign
    /// of (instance − bound).
    mutating func compare(_ node: Int, _ pc: Int, _ instance: Int, _ index: Int32, _ words: StaticString, _ test: (Int) -> Bool) -> Bool {
        guard isNumber(instance) else { return true }
        let bound = hot.numbers[Int(index)]
        let sign: Int
        if tape[instance].kind == .integer, let limit = bound.int64Value {
            let value = Int64(bitPattern: tape[instance].payload)
            sign = value < limit ? -1 : (value > limit ? 1 : 0)
        } else {
            let value = number(instance)
            sign = value < bound ? -1 : (value == bound ? 0 : 1)
        }
        if test(sign) { return true }
        if collecting {
            report(node, pc, instance, .bound(index, words: words))
        }
        return false
    }

    /// Two equal elements of the array at `instance`, if any. Small arrays
    /// are compared pairwise on the tape; large ones through hashing.
    func duplicateItems(_ instance: Int) -> (Int, Int)? {
        if count(instance) <= 16 {
            // Pairwise, walking the tape itself: no array of elements (the
            // meta-schema check runs this on every `type` and `required`
            // array of a schema, at each compile).
            let end = subtreeEnd(instance)
            var first = instance + 1
            var firstPosition = 0
            while first < end {
                var second = subtreeEnd(first)
                var secondPosition = firstPosition + 1
                while second < end {
                    if tapeEquals(first, second) { return (firstPosition, secondPosition) }
                    second = subtreeEnd(second)
                    secondPosition += 1
                }
                first = subtreeEnd(first)
                firstPosition += 1
            }
            return nil
        }
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


/// One function per opcode, so that each stack frame holds only its own
/// temporaries (debug builds give every temporary of a function its own slot).
extension Evaluation {
    mutating func executeAlwaysFalse(_ ins: FlatProgram.Instruction, node: Int, pc: Int, _ instance: Int, _ annotations: inout Annotations?) -> Bool {
        if collecting {
            report(node, -1, instance, .falseSchema)
        }
        return false
    }

    mutating func executeType(_ ins: FlatProgram.Instruction, node: Int, pc: Int, _ instance: Int, _ annotations: inout Annotations?) -> Bool {
        let raw = UInt8(truncatingIfNeeded: ins.a)
        let literalIntegers = ins.b != 0
        let types = JSONTypeSet(rawValue: raw)
        if typeMatches(instance, types, literalIntegers: literalIntegers) { return true }
        if collecting {
            report(node, pc, instance, .type(types))
        }
        return false
    }

    mutating func executeConst(_ ins: FlatProgram.Instruction, node: Int, pc: Int, _ instance: Int, _ annotations: inout Annotations?) -> Bool {
        let index = ins.a
        if ins.b >= 0 {
            // A string constant: compare bytes (the tape's strings are decoded).
            // (Property names under `propertyNames` are key nodes.)
            if isString(instance) && keyIs(instance, hot.nameList[Int(ins.b)]) { return true }
        } else if equals(instance, box.program.constants[Int(index)]) {
            return true
        }
        if collecting {
            report(node, pc, instance, .const(index))
        }
        return false
    }

    mutating func executeEnumeration(_ ins: FlatProgram.Instruction, node: Int, pc: Int, _ instance: Int, _ annotations: inout Annotations?) -> Bool {
        let start = ins.a
        let count = ins.b
        if ins.c >= 0 {
            // Strings only: compare bytes with the pooled names.
            if isString(instance) {
                for position in Int(ins.c)..<Int(ins.c + count) where keyIs(instance, hot.nameList[position]) { return true }
            }
        } else {
            let range = Int(start)..<Int(start + count)
            for position in range where equals(instance, box.program.constants[position]) { return true }
        }
        if collecting {
            report(node, pc, instance, .enumeration(start: start, count: count))
        }
        return false
    }

    mutating func executeMultipleOf(_ ins: FlatProgram.Instruction, node: Int, pc: Int, _ instance: Int, _ annotations: inout Annotations?) -> Bool {
        let index = ins.a
        guard isNumber(instance) else { return true }
        let divisor = hot.numbers[Int(index)]
        if number(instance).isMultiple(of: divisor) { return true }
        if collecting {
            report(node, pc, instance, .multipleOf(index))
        }
        return false
    }

    mutating func executeMaximum(_ ins: FlatProgram.Instruction, node: Int, pc: Int, _ instance: Int, _ annotations: inout Annotations?) -> Bool {
        let index = ins.a
        return compare(node, pc, instance, index, "at most") { $0 <= 0 }
    }

    mutating func executeExclusiveMaximum(_ ins: FlatProgram.Instruction, node: Int, pc: Int, _ instance: Int, _ annotations: inout Annotations?) -> Bool {
        let index = ins.a
        return compare(node, pc, instance, index, "less than") { $0 < 0 }
    }

    mutating func executeMinimum(_ ins: FlatProgram.Instruction, node: Int, pc: Int, _ instance: Int, _ annotations: inout Annotations?) -> Bool {
        let index = ins.a
        return compare(node, pc, instance, index, "at least") { $0 >= 0 }
    }

    mutating func executeExclusiveMinimum(_ ins: FlatProgram.Instruction, node: Int, pc: Int, _ instance: Int, _ annotations: inout Annotations?) -> Bool {
        let index = ins.a
        return compare(node, pc, instance, index, "greater than") { $0 > 0 }
    }

    mutating func executeMaxLength(_ ins: FlatProgram.Instruction, node: Int, pc: Int, _ instance: Int, _ annotations: inout Annotations?) -> Bool {
        let limit = ins.a
        guard isString(instance) else { return true }
        let node0 = tape[instance]
        // Fewer bytes than the limit means fewer characters too.
        if Int(node0.length) <= Int(limit) { return true }
        let length = scalarCount(instance)
        if length <= Int(limit) { return true }
        if collecting {
            report(node, pc, instance, .maxLength(limit, actual: length))
        }
        return false
    }

    mutating func executeMinLength(_ ins: FlatProgram.Instruction, node: Int, pc: Int, _ instance: Int, _ annotations: inout Annotations?) -> Bool {
        let limit = ins.a
        guard isString(instance) else { return true }
        if Int(limit) == 0 { return true }
        let length = scalarCount(instance)
        if length >= Int(limit) { return true }
        if collecting {
            report(node, pc, instance, .minLength(limit, actual: length))
        }
        return false
    }

    mutating func executePattern(_ ins: FlatProgram.Instruction, node: Int, pc: Int, _ instance: Int, _ annotations: inout Annotations?) -> Bool {
        let index = ins.a
        guard isString(instance) else { return true }
        switch ECMARegex.search(hot.regexes.baseAddress! + Int(index), utf8: bytes(instance)) {
        case .match: return true
        case .noMatch:
            if collecting {
                report(node, pc, instance, .pattern(index))
            }
            return false
        case .budgetExceeded:
            if collecting {
                report(node, pc, instance, .patternBudget(index))
            }
            return false
        }
    }

    mutating func executeFormat(_ ins: FlatProgram.Instruction, node: Int, pc: Int, _ instance: Int, _ annotations: inout Annotations?) -> Bool {
        let index = ins.a
        guard isString(instance) else { return true }
        let format = box.program.formats[Int(index)]
        if format.check(string(instance)) { return true }
        if collecting {
            report(node, pc, instance, .format(index))
        }
        return false
    }

    mutating func executeContent(_ ins: FlatProgram.Instruction, node: Int, pc: Int, _ instance: Int, _ annotations: inout Annotations?) -> Bool {
        let index = ins.a
        guard isString(instance) else { return true }
        let content = box.program.contents[Int(index)]
        var data = Array(bytes(instance))
        if content.encoding == "base64" {
            guard let decoded = Base64.decode(data) else {
                if collecting {
                    report(node, pc, instance, .contentEncoding)
                }
                return false
            }
            data = decoded
        }
        if content.mediaType == "application/json", (try? JSONParser().parseDocument(data)) == nil {
            if collecting {
                report(node, pc, instance, .contentMediaType)
            }
            return false
        }
        return true
    }



    /// `maxItems`, `minItems`, `maxProperties`, `minProperties`.
    mutating func executeCountLimit(_ ins: FlatProgram.Instruction, node: Int, pc: Int, _ instance: Int, container: TapeKind, atMost: Bool) -> Bool {
        guard tape[instance].kind == container else { return true }
        let limit = ins.a
        let size = count(instance)
        if atMost ? size <= Int(limit) : size >= Int(limit) { return true }
        if collecting {
            let failure: Failure
            switch (container, atMost) {
            case (.array, true): failure = .maxItems(limit)
            case (.array, false): failure = .minItems(limit)
            case (_, true): failure = .maxProperties(limit)
            case (_, false): failure = .minProperties(limit)
            }
            report(node, pc, instance, failure)
        }
        return false
    }

    mutating func executeUniqueItems(_ ins: FlatProgram.Instruction, node: Int, pc: Int, _ instance: Int, _ annotations: inout Annotations?) -> Bool {
        let kind = tape[instance].kind
        guard kind == .array, count(instance) > 1 else { return true }
        if let (first, second) = duplicateItems(instance) {
            if collecting {
                report(node, pc, instance, .uniqueItems(first, second))
            }
            return false
        }
        return true
    }



    mutating func executeRequired(_ ins: FlatProgram.Instruction, node: Int, pc: Int, _ instance: Int, _ annotations: inout Annotations?) -> Bool {
        let kind = tape[instance].kind
        let start = ins.a
        let count = ins.b
        guard kind == .object else { return true }
        var valid = true
        for position in Int(start)..<Int(start + count) where member(hot.nameList[position], of: instance) == nil {
            if collecting {
                report(node, pc, instance, .required(Int32(position)))
            }
            valid = false
            if !collecting { return false }
        }
        return valid
    }

    mutating func executeDependentRequired(_ ins: FlatProgram.Instruction, node: Int, pc: Int, _ instance: Int, _ annotations: inout Annotations?) -> Bool {
        let kind = tape[instance].kind
        let start = ins.a
        let count = ins.b
        guard kind == .object else { return true }
        var valid = true
        for position in Int(start)..<Int(start + count) {
            let dependency = box.program.dependencies[position]
            guard member(dependency.name, of: instance) != nil else { continue }
            for other in Int(dependency.requiredStart)..<Int(dependency.requiredStart + dependency.requiredCount)
            where member(hot.nameList[other], of: instance) == nil {
                if collecting {
                    report(node, pc, instance, .dependentRequired(name: dependency.name, required: Int32(other)))
                }
                valid = false
                if !collecting { return false }
            }
        }
        return valid
    }
}
