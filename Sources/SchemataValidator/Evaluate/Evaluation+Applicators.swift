import SchemataJSON
import SchemataRegex

extension Evaluation {
    /// Evaluates an applicator or structural instruction (dispatched from
    /// ``check(_:node:_:_:)``).
    mutating func checkApplicator(_ pc: Int, node: Int, _ instance: Int, _ annotations: inout Annotations?) -> Bool {
        let ins = hot.instructions[pc]
        switch ins.opcode {
        case .ref: return executeRef(ins, node: node, pc: pc, instance, &annotations)
        case .dynamicRef: return executeDynamicRef(ins, node: node, pc: pc, instance, &annotations)
        case .allOf: return executeAllOf(ins, node: node, pc: pc, instance, &annotations)
        case .anyOf: return executeAnyOf(ins, node: node, pc: pc, instance, &annotations)
        case .oneOf: return executeOneOf(ins, node: node, pc: pc, instance, &annotations)
        case .not: return executeNot(ins, node: node, pc: pc, instance, &annotations)
        case .conditional: return executeConditional(ins, node: node, pc: pc, instance, &annotations)
        case .properties: return executeProperties(ins, node: node, pc: pc, instance, &annotations)
        case .patternProperties: return executePatternProperties(ins, node: node, pc: pc, instance, &annotations)
        case .additionalProperties: return executeAdditionalProperties(ins, node: node, pc: pc, instance, &annotations)
        case .propertyNames: return executePropertyNames(ins, node: node, pc: pc, instance, &annotations)
        case .dependentSchemas: return executeDependentSchemas(ins, node: node, pc: pc, instance, &annotations)
        case .prefixItems: return executePrefixItems(ins, node: node, pc: pc, instance, &annotations)
        case .items: return executeItems(ins, node: node, pc: pc, instance, &annotations)
        case .contains: return executeContains(ins, node: node, pc: pc, instance, &annotations)
        case .unevaluatedProperties: return executeUnevaluatedProperties(ins, node: node, pc: pc, instance, &annotations)
        case .unevaluatedItems: return executeUnevaluatedItems(ins, node: node, pc: pc, instance, &annotations)
        default:
            return true
        }
    }

    // MARK: anyOf / oneOf

    mutating func anyOf(_ start: Int, _ count: Int, node: Int, pc: Int, _ instance: Int, _ annotations: inout Annotations?) -> Bool {
        var anyValid = false
        var closest: [ValidationError]?
        for position in 0..<count {
            let branch = Int(hot.nodeLists[start + position])
            let saved = errors
            if collecting { errors = [] }
            var branchAnnotations: Annotations? = annotations == nil ? nil : Annotations()
            let valid = validateInPlace(branch, instance, &branchAnnotations, keywordToken: collecting ? String(position) : nil)
            let branchErrors = errors
            errors = saved
            if valid {
                anyValid = true
                if let branchAnnotations { annotations?.merge(branchAnnotations) }
                // Annotations need every valid branch; otherwise one is enough.
                if annotations == nil { return true }
            } else if let branchErrors, closest.map({ Evaluation.isCloser(branchErrors, than: $0) }) ?? true {
                closest = branchErrors
            }
        }
        if anyValid { return true }
        if collecting {
            report(node, pc, instance, .anyOf)
        }
        if let closest { collector?.errors.append(contentsOf: closest) }
        return false
    }

    mutating func oneOf(_ start: Int, _ count: Int, node: Int, pc: Int, _ instance: Int, _ annotations: inout Annotations?) -> Bool {
        var validBranches: [Int] = []
        var closest: [ValidationError]?
        var collected = Annotations()
        for position in 0..<count {
            let branch = Int(hot.nodeLists[start + position])
            let saved = errors
            if collecting { errors = [] }
            var branchAnnotations: Annotations? = annotations == nil ? nil : Annotations()
            let valid = validateInPlace(branch, instance, &branchAnnotations, keywordToken: collecting ? String(position) : nil)
            let branchErrors = errors
            errors = saved
            if valid {
                validBranches.append(position)
                if let branchAnnotations { collected.merge(branchAnnotations) }
                if validBranches.count > 1 && !collecting { break }
            } else if let branchErrors, closest.map({ Evaluation.isCloser(branchErrors, than: $0) }) ?? true {
                closest = branchErrors
            }
        }
        if validBranches.count == 1 {
            annotations?.merge(collected)
            return true
        }
        if validBranches.isEmpty {
            if collecting {
                report(node, pc, instance, .oneOfNone)
            }
            if let closest { collector?.errors.append(contentsOf: closest) }
        } else {
            if collecting {
                report(node, pc, instance, .oneOfMany(validBranches))
            }
        }
        return false
    }

    /// The fast path of `anyOf` (no errors, no annotations).
    mutating func anyOfQuickly(_ start: Int, _ count: Int, discriminator: Int, _ instance: Int) -> Bool {
        if let tag = tagValue(discriminator, instance) {
            var cursor = 0
            while let branch = nextCandidate(discriminator, tag: tag, cursor: &cursor) {
                if validate(Int(hot.nodeLists[start + branch]), instance) { return true }
            }
            return false
        }
        for position in 0..<count where validate(Int(hot.nodeLists[start + position]), instance) { return true }
        return false
    }

    /// The fast path of `oneOf` (no errors, no annotations).
    mutating func oneOfQuickly(_ start: Int, _ count: Int, discriminator: Int, _ instance: Int) -> Bool {
        var valid = 0
        if let tag = tagValue(discriminator, instance) {
            var cursor = 0
            while let branch = nextCandidate(discriminator, tag: tag, cursor: &cursor) {
                if validate(Int(hot.nodeLists[start + branch]), instance) {
                    valid += 1
                    if valid > 1 { return false }
                }
            }
            return valid == 1
        }
        for position in 0..<count where validate(Int(hot.nodeLists[start + position]), instance) {
            valid += 1
            if valid > 1 { return false }
        }
        return valid == 1
    }

    /// The next branch of a tagged union that can pass for `tag` (`nil`:
    /// the tag is not a string): first the branches listing the tag, then
    /// those the tag cannot decide. Each branch lists a tag at most once,
    /// so each comes at most once. `cursor` starts at 0.
    func nextCandidate(_ discriminator: Int, tag: Int?, cursor: inout Int) -> Int? {
        let table = hot.discriminators[discriminator]
        let valuesCount = Int(table.valuesCount)
        if let tag {
            while cursor < valuesCount {
                let position = Int(table.valuesStart) + cursor
                cursor += 1
                if keyIs(tag, hot.discriminatorValues[position].value) { return Int(hot.discriminatorValues[position].branch) }
            }
        } else {
            cursor = max(cursor, valuesCount)
        }
        let always = cursor - valuesCount
        guard always < Int(table.alwaysCount) else { return nil }
        cursor += 1
        return Int(hot.discriminatorAlways[Int(table.alwaysStart) + always])
    }

    /// For a tagged union: `nil` when the tags do not apply (no table, not
    /// an object, or no tag property: every branch must run); `.some(nil)`
    /// when the tag is not a string (no branch can pass); else the node of
    /// the tag's string value.
    func tagValue(_ discriminator: Int, _ instance: Int) -> Int?? {
        guard discriminator >= 0, tape[instance].kind == .object,
            let value = member(hot.discriminators[discriminator].property, of: instance)
        else { return nil }
        return .some(isString(value) ? value : nil)
    }

    /// Whether one failed branch came closer than another: its errors lie
    /// deeper in the instance (it got further), then it has fewer errors.
    static func isCloser(_ candidate: [ValidationError], than other: [ValidationError]) -> Bool {
        let candidateDepth = candidate.map(\.instanceLocation.tokens.count).max() ?? 0
        let otherDepth = other.map(\.instanceLocation.tokens.count).max() ?? 0
        if candidateDepth != otherDepth { return candidateDepth > otherDepth }
        return candidate.count < other.count
    }
}


/// One function per opcode, so that each stack frame holds only its own
/// temporaries (debug builds give every temporary of a function its own slot).
extension Evaluation {
    mutating func executeRef(_ ins: FlatProgram.Instruction, node: Int, pc: Int, _ instance: Int, _ annotations: inout Annotations?) -> Bool {
        let target = ins.a
        return validate(Int(target), instance, &annotations)
    }

    mutating func executeDynamicRef(_ ins: FlatProgram.Instruction, node: Int, pc: Int, _ instance: Int, _ annotations: inout Annotations?) -> Bool {
        let target = ins.a
        let candidates = ins.b
        var chosen = Int(target)
        if candidates >= 0 {
            // The outermost resource in the dynamic scope that declares
            // the anchor wins.
            let table = box.program.candidateTables[Int(candidates)]
            for resource in scopeResources {
                if let candidate = table[Int(resource)] {
                    chosen = candidate
                    break
                }
            }
        }
        return validate(chosen, instance, &annotations)
    }

    mutating func executeAllOf(_ ins: FlatProgram.Instruction, node: Int, pc: Int, _ instance: Int, _ annotations: inout Annotations?) -> Bool {
        let start = ins.a
        let count = ins.b
        var valid = true
        for position in 0..<Int(count) {
            let branch = Int(hot.nodeLists[Int(start) + position])
            if !validateInPlace(branch, instance, &annotations, keywordToken: collecting ? String(position) : nil) {
                valid = false
                if !collecting { return false }
            }
        }
        return valid
    }

    mutating func executeAnyOf(_ ins: FlatProgram.Instruction, node: Int, pc: Int, _ instance: Int, _ annotations: inout Annotations?) -> Bool {
        if annotations == nil && !collecting {
            return anyOfQuickly(Int(ins.a), Int(ins.b), discriminator: Int(ins.c), instance)
        }
        return anyOf(Int(ins.a), Int(ins.b), node: node, pc: pc, instance, &annotations)
    }

    mutating func executeOneOf(_ ins: FlatProgram.Instruction, node: Int, pc: Int, _ instance: Int, _ annotations: inout Annotations?) -> Bool {
        if annotations == nil && !collecting {
            return oneOfQuickly(Int(ins.a), Int(ins.b), discriminator: Int(ins.c), instance)
        }
        return oneOf(Int(ins.a), Int(ins.b), node: node, pc: pc, instance, &annotations)
    }

    mutating func executeNot(_ ins: FlatProgram.Instruction, node: Int, pc: Int, _ instance: Int, _ annotations: inout Annotations?) -> Bool {
        let inner = ins.a
        let saved = errors
        var none: Annotations? = nil
        let innerValid = validate(Int(inner), instance, &none)
        errors = saved
        if !innerValid { return true }
        if collecting {
            report(node, pc, instance, .not)
        }
        return false
    }

    mutating func executeConditional(_ ins: FlatProgram.Instruction, node: Int, pc: Int, _ instance: Int, _ annotations: inout Annotations?) -> Bool {
        let condition = ins.a
        let then = ins.b
        let otherwise = ins.c
        let saved = errors
        var conditionAnnotations: Annotations? = annotations == nil ? nil : Annotations()
        let holds = validate(Int(condition), instance, &conditionAnnotations)
        errors = saved
        let branch = holds ? then : otherwise
        if holds, let conditionAnnotations { annotations?.merge(conditionAnnotations) }
        guard branch >= 0 else { return true }
        if collecting, let collector { collector.keywordPath[collector.keywordPath.count - 1] = holds ? "then" : "else" }
        let valid = validate(Int(branch), instance, &annotations)
        if collecting, let collector { collector.keywordPath[collector.keywordPath.count - 1] = "if" }
        return valid
    }

    mutating func executeProperties(_ ins: FlatProgram.Instruction, node: Int, pc: Int, _ instance: Int, _ annotations: inout Annotations?) -> Bool {
        let kind = tape[instance].kind
        let start = ins.a
        let count = ins.b
        guard kind == .object else { return true }
        var valid = true
        var child = instance + 1
        let end = Int(tape[instance].payload)
        let entries = Int(start)..<Int(start + count)
        while child < end {
            let valueEnd = subtreeEnd(child + 1)
            if !tape[child].isShadowed {
                for position in entries where keyIs(child, hot.entries[position].name) {
                    annotations?.properties.insert(child)
                    let name = collecting ? nameText(hot.entries[position].name) : ""
                    if !validateChild(Int(hot.entries[position].node), child + 1, token: name, keywordToken: collecting ? name : nil) {
                        valid = false
                        if !collecting { return false }
                    }
                    break
                }
            }
            child = valueEnd
        }
        return valid
    }

    mutating func executePatternProperties(_ ins: FlatProgram.Instruction, node: Int, pc: Int, _ instance: Int, _ annotations: inout Annotations?) -> Bool {
        let kind = tape[instance].kind
        let start = ins.a
        let count = ins.b
        guard kind == .object else { return true }
        var valid = true
        var child = instance + 1
        let end = Int(tape[instance].payload)
        while child < end {
            let valueEnd = subtreeEnd(child + 1)
            if !tape[child].isShadowed {
                let keyBytes = bytes(child)
                for position in Int(start)..<Int(start + count) {
                    let entry = hot.patternEntries[position]
                    guard ECMARegex.matches(hot.regexes.baseAddress! + Int(entry.regex), utf8: keyBytes) else { continue }
                    annotations?.properties.insert(child)
                    let source = collecting ? hot.regexes.baseAddress![Int(entry.regex)].source : nil
                    if !validateChild(Int(entry.node), child + 1, token: collecting ? string(child) : "", keywordToken: source) {
                        valid = false
                        if !collecting { return false }
                    }
                }
            }
            child = valueEnd
        }
        return valid
    }

    mutating func executeAdditionalProperties(_ ins: FlatProgram.Instruction, node: Int, pc: Int, _ instance: Int, _ annotations: inout Annotations?) -> Bool {
        let kind = tape[instance].kind
        let subschema = ins.a
        let knownStart = ins.b
        let knownCount = ins.c
        let patternStart = ins.d
        let patternCount = ins.e
        guard kind == .object else { return true }
        var valid = true
        var child = instance + 1
        let end = Int(tape[instance].payload)
        let known = Int(knownStart)..<Int(knownStart + knownCount)
        let patterns = Int(patternStart)..<Int(patternStart + patternCount)
        while child < end {
            let valueEnd = subtreeEnd(child + 1)
            defer { child = valueEnd }
            if tape[child].isShadowed { continue }
            if known.contains(where: { keyIs(child, hot.nameList[$0]) }) { continue }
            if !patterns.isEmpty {
                let keyBytes = bytes(child)
                var matched = false
                for pattern in patterns where ECMARegex.matches(hot.regexes.baseAddress! + pattern, utf8: keyBytes) {
                    matched = true
                    break
                }
                if matched { continue }
            }
            annotations?.properties.insert(child)
            if isAlwaysFalse(Int(subschema)) {
                if collecting {
                    report(node, pc, instance, .notAllowed(key: child))
                }
                valid = false
                if !collecting { return false }
                continue
            }
            if !validateChild(Int(subschema), child + 1, token: collecting ? string(child) : "") {
                valid = false
                if !collecting { return false }
            }
        }
        return valid
    }

    mutating func executePropertyNames(_ ins: FlatProgram.Instruction, node: Int, pc: Int, _ instance: Int, _ annotations: inout Annotations?) -> Bool {
        let kind = tape[instance].kind
        let subschema = ins.a
        guard kind == .object else { return true }
        var valid = true
        var child = instance + 1
        let end = Int(tape[instance].payload)
        while child < end {
            if !validateChild(Int(subschema), child, token: collecting ? string(child) : "") {
                valid = false
                if !collecting { return false }
            }
            child = subtreeEnd(child + 1)
        }
        return valid
    }

    mutating func executeDependentSchemas(_ ins: FlatProgram.Instruction, node: Int, pc: Int, _ instance: Int, _ annotations: inout Annotations?) -> Bool {
        let kind = tape[instance].kind
        let start = ins.a
        let count = ins.b
        guard kind == .object else { return true }
        var valid = true
        for position in Int(start)..<Int(start + count) {
            let entry = hot.entries[position]
            guard member(entry.name, of: instance) != nil else { continue }
            if !validateInPlace(Int(entry.node), instance, &annotations, keywordToken: collecting ? nameText(entry.name) : nil) {
                valid = false
                if !collecting { return false }
            }
        }
        return valid
    }

    mutating func executePrefixItems(_ ins: FlatProgram.Instruction, node: Int, pc: Int, _ instance: Int, _ annotations: inout Annotations?) -> Bool {
        let kind = tape[instance].kind
        let start = ins.a
        let count = ins.b
        guard kind == .array else { return true }
        var valid = true
        var child = instance + 1
        let end = Int(tape[instance].payload)
        var position = 0
        while child < end, position < Int(count) {
            if !validateChild(Int(hot.nodeLists[Int(start) + position]), child, token: collecting ? String(position) : "", keywordToken: collecting ? String(position) : nil) {
                valid = false
                if !collecting { return false }
            }
            child = subtreeEnd(child)
            position += 1
        }
        if annotations != nil { annotations!.itemsPrefix = max(annotations!.itemsPrefix, position) }
        return valid
    }

    mutating func executeItems(_ ins: FlatProgram.Instruction, node: Int, pc: Int, _ instance: Int, _ annotations: inout Annotations?) -> Bool {
        let kind = tape[instance].kind
        let subschema = ins.a
        let start = ins.b
        guard kind == .array else { return true }
        let end = Int(tape[instance].payload)
        // Fast paths check elements against the items schema's lone `$ref`
        // target when it has one (operand c); error output keeps the frame.
        let fastSubschema = Int(ins.c)
        let typeOnly = hot.nodes[fastSubschema].typeOnly
        if typeOnly >= 0 && start == 0 && !collecting {
            // Every element against one type: a tight loop over the tape.
            annotations?.allItems = true
            let types = JSONTypeSet(rawValue: UInt8(truncatingIfNeeded: typeOnly))
            var child = instance + 1
            while child < end {
                if !typeMatches(child, types, literalIntegers: false) { return false }
                let element = tape[child]
                child = Evaluation.next(after: element, at: child)
            }
            return true
        }
        let elementInfo = hot.nodes[fastSubschema]
        if elementInfo.arrayOfType >= 0 && start == 0 && !collecting {
            // Arrays of arrays of one scalar type (coordinates): no recursion.
            guard Evaluation.areArraysOfType(tape, from: instance + 1, to: end, elementInfo, arena: arena) else { return false }
            annotations?.allItems = true
            return true
        }
        if elementInfo.objectShape >= 0 && start == 0 && !collecting && !tracksDynamicScope {
            // Arrays of objects of one shape (records): each element checked
            // by the fused object loop, with no node frame per element.
            let shape = hot.objectShapes[Int(elementInfo.objectShape)]
            depth += 1
            defer { depth -= 1 }
            var child = instance + 1
            while child < end {
                if !isObjectShape(child, shape) { return false }
                child = subtreeEnd(child)
            }
            annotations?.allItems = true
            return true
        }
        var valid = true
        var child = instance + 1
        var position = 0
        while child < end {
            if position >= Int(start), !validateChild(Int(subschema), child, token: collecting ? String(position) : "") {
                valid = false
                if !collecting { return false }
            }
            child = subtreeEnd(child)
            position += 1
        }
        annotations?.allItems = true
        return valid
    }

    mutating func executeContains(_ ins: FlatProgram.Instruction, node: Int, pc: Int, _ instance: Int, _ annotations: inout Annotations?) -> Bool {
        let kind = tape[instance].kind
        let subschema = ins.a
        let minimum = ins.b
        let maximum = ins.c
        guard kind == .array else { return true }
        var matches = 0
        var child = instance + 1
        let end = Int(tape[instance].payload)
        var position = 0
        let saved = errors
        while child < end {
            if validateChild(Int(subschema), child, token: collecting ? String(position) : "") {
                matches += 1
                annotations?.items.insert(position)
                if annotations == nil, !collecting, matches >= Int(minimum), maximum < 0 { break }
            }
            child = subtreeEnd(child)
            position += 1
        }
        errors = saved
        if matches < Int(minimum) {
            if collecting {
                report(node, pc, instance, .containsMinimum(minimum, matches: matches))
            }
            return false
        }
        if maximum >= 0, matches > Int(maximum) {
            if collecting {
                report(node, pc, instance, .containsMaximum(maximum, matches: matches))
            }
            return false
        }
        return true
    }

    mutating func executeUnevaluatedProperties(_ ins: FlatProgram.Instruction, node: Int, pc: Int, _ instance: Int, _ annotations: inout Annotations?) -> Bool {
        let kind = tape[instance].kind
        let subschema = ins.a
        guard kind == .object, let seen = annotations else { return true }
        var valid = true
        var child = instance + 1
        let end = Int(tape[instance].payload)
        while child < end {
            let valueEnd = subtreeEnd(child + 1)
            if !tape[child].isShadowed, !seen.allProperties, !seen.properties.contains(child) {
                if !validateChild(Int(subschema), child + 1, token: collecting ? string(child) : "") {
                    valid = false
                    if !collecting { return false }
                }
                annotations!.properties.insert(child)
            }
            child = valueEnd
        }
        return valid
    }

    mutating func executeUnevaluatedItems(_ ins: FlatProgram.Instruction, node: Int, pc: Int, _ instance: Int, _ annotations: inout Annotations?) -> Bool {
        let kind = tape[instance].kind
        let subschema = ins.a
        guard kind == .array, let seen = annotations else { return true }
        var valid = true
        var child = instance + 1
        let end = Int(tape[instance].payload)
        var position = 0
        while child < end {
            if !seen.allItems, position >= seen.itemsPrefix, !seen.items.contains(position) {
                if !validateChild(Int(subschema), child, token: collecting ? String(position) : "") {
                    valid = false
                    if !collecting { return false }
                }
            }
            child = subtreeEnd(child)
            position += 1
        }
        annotations!.allItems = true
        return valid
    }
}
