import SchemataJSON
import SchemataRegex

extension Evaluation {
    mutating func checkApplicator(_ entry: CompiledKeyword, node: Int, _ instance: Int, _ annotations: inout Annotations?) -> Bool {
        let kind = document.nodes[instance].kind
        switch entry.keyword {
        case .ref(let target):
            return validate(target, instance, &annotations)

        case .dynamicRef(let target, let candidates, let isDynamic), .recursiveRef(let target, let candidates, let isDynamic):
            var chosen = target
            if isDynamic {
                // The outermost resource in the dynamic scope that declares
                // the anchor wins.
                for resource in scope {
                    if let candidate = candidates[resource] {
                        chosen = candidate
                        break
                    }
                }
            }
            return validate(chosen, instance, &annotations)

        case .allOf(let branches):
            var valid = true
            for (position, branch) in branches.enumerated() {
                if !validateInPlace(branch, instance, &annotations, keywordTokens: [String(position)]) {
                    valid = false
                    if !collecting { return false }
                }
            }
            return valid

        case .anyOf(let branches):
            return anyOf(branches, node: node, entry: entry, instance, &annotations)

        case .oneOf(let branches):
            return oneOf(branches, node: node, entry: entry, instance, &annotations)

        case .not(let inner):
            let saved = errors
            var none: Annotations? = nil
            let innerValid = validateInPlace(inner, instance, &none, keywordTokens: [])
            errors = saved
            if !innerValid { return true }
            fail(node, entry.name, instance, "expected the value not to match the schema in \"not\", but it does")
            return false

        case .conditional(let condition, let then, let otherwise):
            let saved = errors
            var conditionAnnotations: Annotations? = annotations == nil ? nil : Annotations()
            let holds = validateInPlace(condition, instance, &conditionAnnotations, keywordTokens: [])
            errors = saved
            if holds {
                if let conditionAnnotations { annotations?.merge(conditionAnnotations) }
                guard let then else { return true }
                if collecting { keywordPath[keywordPath.count - 1] = "then" }
                defer { if collecting { keywordPath[keywordPath.count - 1] = entry.name } }
                return validate(then, instance, &annotations)
            }
            guard let otherwise else { return true }
            if collecting { keywordPath[keywordPath.count - 1] = "else" }
            defer { if collecting { keywordPath[keywordPath.count - 1] = entry.name } }
            return validate(otherwise, instance, &annotations)

        case .properties(let list):
            guard kind == .object else { return true }
            var valid = true
            for (name, subschema) in list {
                guard let value = document.member(name, of: instance) else { continue }
                annotations?.properties.insert(value - 1)
                if !validateChild(subschema, value, token: name, keywordTokens: [name]) {
                    valid = false
                    if !collecting { return false }
                }
            }
            return valid

        case .patternProperties(let list):
            guard kind == .object else { return true }
            var valid = true
            for (key, value) in document.members(of: instance) {
                let name = document.string(at: key)
                for (regex, subschema) in list where regex.matches(name) {
                    annotations?.properties.insert(key)
                    if !validateChild(subschema, value, token: name, keywordTokens: [regex.source]) {
                        valid = false
                        if !collecting { return false }
                    }
                }
            }
            return valid

        case .additionalProperties(let subschema, let known, let patterns):
            guard kind == .object else { return true }
            var valid = true
            for (key, value) in document.members(of: instance) {
                let name = document.string(at: key)
                if known.contains(name) || patterns.contains(where: { $0.matches(name) }) { continue }
                annotations?.properties.insert(key)
                if !validateChild(subschema, value, token: name) {
                    if collecting, program.isAlwaysFalse(subschema) {
                        collector?.errors.removeLast()
                        fail(node, entry.name, instance, "property \(JSONSerializer.quoted(name)) is not allowed")
                    }
                    valid = false
                    if !collecting { return false }
                }
            }
            return valid

        case .propertyNames(let subschema):
            guard kind == .object else { return true }
            var valid = true
            for (key, _) in document.members(of: instance) {
                if !validateChild(subschema, key, token: document.string(at: key)) {
                    valid = false
                    if !collecting { return false }
                }
            }
            return valid

        case .dependentSchemas(let list):
            guard kind == .object else { return true }
            var valid = true
            for (name, subschema) in list where document.member(name, of: instance) != nil {
                if !validateInPlace(subschema, instance, &annotations, keywordTokens: [name]) {
                    valid = false
                    if !collecting { return false }
                }
            }
            return valid

        case .prefixItems(let list):
            guard kind == .array else { return true }
            var valid = true
            var child = instance + 1
            let end = document.subtreeEnd(instance)
            var position = 0
            while child < end, position < list.count {
                if !validateChild(list[position], child, token: String(position), keywordTokens: [String(position)]) {
                    valid = false
                    if !collecting { return false }
                }
                child = document.subtreeEnd(child)
                position += 1
            }
            if annotations != nil {
                annotations!.itemsPrefix = max(annotations!.itemsPrefix, position)
            }
            return valid

        case .items(let subschema, let start):
            guard kind == .array else { return true }
            var valid = true
            var child = instance + 1
            let end = document.subtreeEnd(instance)
            var position = 0
            while child < end {
                if position >= start, !validateChild(subschema, child, token: String(position)) {
                    valid = false
                    if !collecting { return false }
                }
                child = document.subtreeEnd(child)
                position += 1
            }
            annotations?.allItems = true
            return valid

        case .contains(let subschema, let minimum, let maximum):
            guard kind == .array else { return true }
            var matches = 0
            var child = instance + 1
            let end = document.subtreeEnd(instance)
            var position = 0
            let saved = errors
            while child < end {
                if validateChild(subschema, child, token: String(position)) {
                    matches += 1
                    annotations?.items.insert(position)
                    if annotations == nil, !collecting, matches >= minimum, maximum == nil { break }
                }
                child = document.subtreeEnd(child)
                position += 1
            }
            errors = saved
            if matches < minimum {
                fail(node, entry.name, instance, minimum == 1 ? "expected at least one item matching \"contains\"" : "expected at least \(minimum) items matching \"contains\", got \(matches)")
                return false
            }
            if let maximum, matches > maximum {
                fail(node, entry.name, instance, "expected at most \(maximum) items matching \"contains\", got \(matches)")
                return false
            }
            return true

        case .unevaluatedProperties(let subschema):
            guard kind == .object, let seen = annotations else { return true }
            var valid = true
            for (key, value) in document.members(of: instance) where !seen.allProperties && !seen.properties.contains(key) {
                if !validateChild(subschema, value, token: document.string(at: key)) {
                    valid = false
                    if !collecting { return false }
                }
                annotations!.properties.insert(key)
            }
            return valid

        case .unevaluatedItems(let subschema):
            guard kind == .array, let seen = annotations else { return true }
            var valid = true
            var child = instance + 1
            let end = document.subtreeEnd(instance)
            var position = 0
            while child < end {
                if !seen.allItems, position >= seen.itemsPrefix, !seen.items.contains(position) {
                    if !validateChild(subschema, child, token: String(position)) {
                        valid = false
                        if !collecting { return false }
                    }
                }
                child = document.subtreeEnd(child)
                position += 1
            }
            annotations!.allItems = true
            return valid

        default:
            return true
        }
    }

    // MARK: anyOf / oneOf

    mutating func anyOf(_ branches: [Int], node: Int, entry: CompiledKeyword, _ instance: Int, _ annotations: inout Annotations?) -> Bool {
        var anyValid = false
        var closest: [ValidationError]?
        for (position, branch) in branches.enumerated() {
            let saved = errors
            if collecting { errors = [] }
            var branchAnnotations: Annotations? = annotations == nil ? nil : Annotations()
            let valid = validateInPlace(branch, instance, &branchAnnotations, keywordTokens: [String(position)])
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
        fail(node, entry.name, instance, "expected the value to match at least one schema in \"anyOf\"; the closest branch fails as follows")
        if let closest { collector?.errors.append(contentsOf: closest) }
        return false
    }

    mutating func oneOf(_ branches: [Int], node: Int, entry: CompiledKeyword, _ instance: Int, _ annotations: inout Annotations?) -> Bool {
        var validBranches: [Int] = []
        var closest: [ValidationError]?
        var collected = Annotations()
        for (position, branch) in branches.enumerated() {
            let saved = errors
            if collecting { errors = [] }
            var branchAnnotations: Annotations? = annotations == nil ? nil : Annotations()
            let valid = validateInPlace(branch, instance, &branchAnnotations, keywordTokens: [String(position)])
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
            fail(node, entry.name, instance, "expected the value to match exactly one schema in \"oneOf\", but it matches none; the closest branch fails as follows")
            if let closest { collector?.errors.append(contentsOf: closest) }
        } else {
            fail(node, entry.name, instance, "expected the value to match exactly one schema in \"oneOf\", but it matches branches \(validBranches.map(String.init).joined(separator: " and "))")
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
