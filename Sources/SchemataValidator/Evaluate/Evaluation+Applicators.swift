import SchemataJSON

extension Evaluation {
    mutating func checkApplicator(_ pc: Int, node: Int, _ instance: Int, _ annotations: inout Annotations?) -> Bool {
        let kind = tape[instance].kind
        switch instructions[pc] {
        case .ref(let target):
            return validate(Int(target), instance, &annotations)

        case .dynamicRef(let target, let candidates):
            var chosen = Int(target)
            if candidates >= 0 {
                // The outermost resource in the dynamic scope that declares
                // the anchor wins.
                let table = program.candidateTables[Int(candidates)]
                for resource in scope {
                    if let candidate = table[Int(resource)] {
                        chosen = candidate
                        break
                    }
                }
            }
            return validate(chosen, instance, &annotations)

        case .allOf(let start, let count):
            var valid = true
            for position in 0..<Int(count) {
                let branch = Int(program.nodeLists[Int(start) + position])
                if !validateInPlace(branch, instance, &annotations, keywordToken: collecting ? String(position) : nil) {
                    valid = false
                    if !collecting { return false }
                }
            }
            return valid

        case .anyOf(let start, let count):
            return anyOf(Int(start), Int(count), node: node, pc: pc, instance, &annotations)

        case .oneOf(let start, let count):
            return oneOf(Int(start), Int(count), node: node, pc: pc, instance, &annotations)

        case .not(let inner):
            let saved = errors
            var none: Annotations? = nil
            let innerValid = validate(Int(inner), instance, &none)
            errors = saved
            if !innerValid { return true }
            fail(node, pc, instance, "expected the value not to match the schema in \"not\", but it does")
            return false

        case .conditional(let condition, let then, let otherwise):
            let saved = errors
            var conditionAnnotations: Annotations? = annotations == nil ? nil : Annotations()
            let holds = validate(Int(condition), instance, &conditionAnnotations)
            errors = saved
            let branch = holds ? then : otherwise
            if holds, let conditionAnnotations { annotations?.merge(conditionAnnotations) }
            guard branch >= 0 else { return true }
            if collecting { keywordPath[keywordPath.count - 1] = holds ? "then" : "else" }
            let valid = validate(Int(branch), instance, &annotations)
            if collecting { keywordPath[keywordPath.count - 1] = "if" }
            return valid

        case .properties(let start, let count):
            guard kind == .object else { return true }
            var valid = true
            var child = instance + 1
            let end = Int(tape[instance].payload)
            let entries = Int(start)..<Int(start + count)
            while child < end {
                let valueEnd = subtreeEnd(child + 1)
                if !tape[child].isShadowed {
                    for position in entries where keyIs(child, program.entries[position].name) {
                        annotations?.properties.insert(child)
                        let name = program.nameText(program.entries[position].name)
                        if !validateChild(Int(program.entries[position].node), child + 1, token: name, keywordToken: collecting ? name : nil) {
                            valid = false
                            if !collecting { return false }
                        }
                        break
                    }
                }
                child = valueEnd
            }
            return valid

        case .patternProperties(let start, let count):
            guard kind == .object else { return true }
            var valid = true
            var child = instance + 1
            let end = Int(tape[instance].payload)
            while child < end {
                let valueEnd = subtreeEnd(child + 1)
                if !tape[child].isShadowed {
                    let name = string(child)
                    for position in Int(start)..<Int(start + count) {
                        let entry = program.patternEntries[position]
                        let regex = program.regexes[Int(entry.regex)]
                        guard regex.matches(name) else { continue }
                        annotations?.properties.insert(child)
                        if !validateChild(Int(entry.node), child + 1, token: name, keywordToken: collecting ? regex.source : nil) {
                            valid = false
                            if !collecting { return false }
                        }
                    }
                }
                child = valueEnd
            }
            return valid

        case .additionalProperties(let subschema, let knownStart, let knownCount, let patternStart, let patternCount):
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
                if known.contains(where: { keyIs(child, program.nameList[$0]) }) { continue }
                if !patterns.isEmpty {
                    let name = string(child)
                    if patterns.contains(where: { program.regexes[$0].matches(name) }) { continue }
                }
                annotations?.properties.insert(child)
                if program.isAlwaysFalse(Int(subschema)) {
                    fail(node, pc, instance, "property \(JSONSerializer.quoted(string(child))) is not allowed")
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

        case .propertyNames(let subschema):
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

        case .dependentSchemas(let start, let count):
            guard kind == .object else { return true }
            var valid = true
            for position in Int(start)..<Int(start + count) {
                let entry = program.entries[position]
                guard member(entry.name, of: instance) != nil else { continue }
                if !validateInPlace(Int(entry.node), instance, &annotations, keywordToken: collecting ? program.nameText(entry.name) : nil) {
                    valid = false
                    if !collecting { return false }
                }
            }
            return valid

        case .prefixItems(let start, let count):
            guard kind == .array else { return true }
            var valid = true
            var child = instance + 1
            let end = Int(tape[instance].payload)
            var position = 0
            while child < end, position < Int(count) {
                if !validateChild(Int(program.nodeLists[Int(start) + position]), child, token: collecting ? String(position) : "", keywordToken: collecting ? String(position) : nil) {
                    valid = false
                    if !collecting { return false }
                }
                child = subtreeEnd(child)
                position += 1
            }
            if annotations != nil { annotations!.itemsPrefix = max(annotations!.itemsPrefix, position) }
            return valid

        case .items(let subschema, let start):
            guard kind == .array else { return true }
            var valid = true
            var child = instance + 1
            let end = Int(tape[instance].payload)
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

        case .contains(let subschema, let minimum, let maximum):
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
                fail(node, pc, instance, minimum == 1 ? "expected at least one item matching \"contains\"" : "expected at least \(minimum) items matching \"contains\", got \(matches)")
                return false
            }
            if maximum >= 0, matches > Int(maximum) {
                fail(node, pc, instance, "expected at most \(maximum) items matching \"contains\", got \(matches)")
                return false
            }
            return true

        case .unevaluatedProperties(let subschema):
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

        case .unevaluatedItems(let subschema):
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

        default:
            return true
        }
    }

    // MARK: anyOf / oneOf

    mutating func anyOf(_ start: Int, _ count: Int, node: Int, pc: Int, _ instance: Int, _ annotations: inout Annotations?) -> Bool {
        var anyValid = false
        var closest: [ValidationError]?
        for position in 0..<count {
            let branch = Int(program.nodeLists[start + position])
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
        fail(node, pc, instance, "expected the value to match at least one schema in \"anyOf\"; the closest branch fails as follows")
        if let closest { collector?.errors.append(contentsOf: closest) }
        return false
    }

    mutating func oneOf(_ start: Int, _ count: Int, node: Int, pc: Int, _ instance: Int, _ annotations: inout Annotations?) -> Bool {
        var validBranches: [Int] = []
        var closest: [ValidationError]?
        var collected = Annotations()
        for position in 0..<count {
            let branch = Int(program.nodeLists[start + position])
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
            fail(node, pc, instance, "expected the value to match exactly one schema in \"oneOf\", but it matches none; the closest branch fails as follows")
            if let closest { collector?.errors.append(contentsOf: closest) }
        } else {
            fail(node, pc, instance, "expected the value to match exactly one schema in \"oneOf\", but it matches branches \(validBranches.map(String.init).joined(separator: " and "))")
        }
        return false
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
