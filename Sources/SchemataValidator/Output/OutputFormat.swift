import SchemataJSON

/// The standard JSON Schema output formats (2020-12 §12.4).
public enum OutputFormat: String, Sendable, CaseIterable {
    /// `{"valid": bool}`.
    case flag
    /// A flat list of output units for the failing keywords.
    case basic
    /// Failing units nested as the schema's structure nests them.
    case detailed
    /// Every evaluated keyword, passing or failing, nested.
    case verbose

    /// The output for a result. `passes` (verbose only) lists the keywords
    /// that passed.
    public func render(_ result: ValidationResult, passes: [ValidationError] = []) -> JSONValue {
        switch self {
        case .flag:
            return ["valid": .bool(result.isValid)]
        case .basic:
            var output: JSONObject = ["valid": .bool(result.isValid)]
            if !result.isValid { output["errors"] = .array(result.errors.map { OutputFormat.unit($0, valid: false) }) }
            return .object(output)
        case .detailed, .verbose:
            var units = result.errors.map { ($0, false) }
            if self == .verbose { units += passes.map { ($0, true) } }
            return OutputFormat.nest(units, valid: result.isValid)
        }
    }

    static func unit(_ error: ValidationError, valid: Bool) -> JSONValue {
        var unit: JSONObject = [
            "valid": .bool(valid),
            "keywordLocation": .string(error.keywordLocation.description),
            "absoluteKeywordLocation": .string(error.absoluteKeywordLocation),
            "instanceLocation": .string(error.instanceLocation.description),
        ]
        if !valid { unit["error"] = .string(error.message) }
        return .object(unit)
    }

    /// Builds the hierarchy: a unit is the child of the unit with the
    /// longest keyword location that is a proper prefix of its own.
    static func nest(_ units: [(ValidationError, Bool)], valid: Bool) -> JSONValue {
        let sorted = units.enumerated().sorted {
            let a = $0.element.0.keywordLocation.tokens.count
            let b = $1.element.0.keywordLocation.tokens.count
            return a != b ? a < b : $0.offset < $1.offset
        }.map(\.element)
        var children: [[Int]] = Array(repeating: [], count: sorted.count)
        var roots: [Int] = []
        for (index, (error, _)) in sorted.enumerated() {
            var parent: Int?
            for candidate in stride(from: index - 1, through: 0, by: -1) {
                let other = sorted[candidate].0
                if other.keywordLocation.tokens.count < error.keywordLocation.tokens.count,
                    other.keywordLocation.isPrefix(of: error.keywordLocation),
                    other.instanceLocation.isPrefix(of: error.instanceLocation)
                {
                    parent = candidate
                    break
                }
            }
            if let parent { children[parent].append(index) } else { roots.append(index) }
        }
        func render(_ index: Int) -> JSONValue {
            guard case .object(var unit) = unit(sorted[index].0, valid: sorted[index].1) else { return .null }
            let nested = children[index].map(render)
            if !nested.isEmpty { unit[sorted[index].1 ? "annotations" : "errors"] = .array(nested) }
            return .object(unit)
        }
        var top: JSONObject = ["valid": .bool(valid), "keywordLocation": "", "instanceLocation": ""]
        let nested = roots.map(render)
        if !nested.isEmpty { top[valid ? "annotations" : "errors"] = .array(nested) }
        return .object(top)
    }
}
