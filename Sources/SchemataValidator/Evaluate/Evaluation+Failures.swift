import SchemataJSON

/// Why a keyword failed, with just enough data to build the message later.
///
/// The evaluator records a `Failure` and builds the words in a separate,
/// never-inlined function: string building stays out of the recursive hot
/// path, which keeps its stack frames small (deep instances against
/// recursive schemas must never exhaust a thread's stack).
enum Failure {
    case falseSchema
    case depth(Int)
    case type(JSONTypeSet)
    case const(Int32)
    case enumeration(start: Int32, count: Int32)
    case multipleOf(Int32)
    case bound(Int32, words: StaticString)
    case maxLength(Int32, actual: Int)
    case minLength(Int32, actual: Int)
    case pattern(Int32)
    case patternBudget(Int32)
    case format(Int32)
    case contentEncoding
    case contentMediaType
    case maxItems(Int32)
    case minItems(Int32)
    case uniqueItems(Int, Int)
    case maxProperties(Int32)
    case minProperties(Int32)
    case required(Int32)
    case dependentRequired(name: FlatProgram.Name, required: Int32)
    case not
    case notAllowed(key: Int)
    case containsMinimum(Int32, matches: Int)
    case containsMaximum(Int32, matches: Int)
    case anyOf
    case oneOfNone
    case oneOfMany([Int])
}

extension Evaluation {
    /// Records a failure of instruction `pc` (−1: the node itself).
    @inline(never)
    func report(_ node: Int, _ pc: Int, _ instance: Int, _ failure: Failure) {
        guard collecting else { return }
        var keyword: String?
        let message: String
        switch failure {
        case .falseSchema:
            message = "no value is allowed here (the schema is false)"
        case .depth(let limit):
            message = "evaluation nested too deeply (\(limit) levels, the limit for this instance and schema): a deeply nested instance against a recursive schema"
        case .type(let types):
            message = "expected \(JSONTypes.describe(types)), got \(preview(instance))"
        case .const(let index):
            message = "expected \(JSONSerializer().string(from: program.constants[Int(index)])), got \(preview(instance))"
        case .enumeration(let start, let count):
            let shown = program.constants[Int(start)..<Int(start + count)].prefix(8).map { JSONSerializer().string(from: $0) }
            message = "expected one of \(shown.joined(separator: ", "))\(count > 8 ? ", …" : ""), got \(preview(instance))"
        case .multipleOf(let index):
            message = "expected a multiple of \(program.numbers[Int(index)]), got \(preview(instance))"
        case .bound(let index, let words):
            message = "expected a number \(words) \(program.numbers[Int(index)]), got \(number(instance))"
        case .maxLength(let limit, let actual):
            message = "expected at most \(limit) characters, got \(actual)"
        case .minLength(let limit, let actual):
            message = "expected at least \(limit) characters, got \(actual)"
        case .pattern(let index):
            message = "expected a string matching \(JSONSerializer.quoted(program.regexes[Int(index)].source)), got \(preview(instance))"
        case .patternBudget(let index):
            message = "pattern \(JSONSerializer.quoted(program.regexes[Int(index)].source)) exceeded its matching budget on this string"
        case .format(let index):
            message = "expected a valid \(program.formats[Int(index)].name), got \(preview(instance))"
        case .contentEncoding:
            keyword = "contentEncoding"
            message = "expected base64-encoded content"
        case .contentMediaType:
            keyword = "contentMediaType"
            message = "expected content that is a JSON document"
        case .maxItems(let limit):
            message = "expected at most \(limit) items, got \(count(instance))"
        case .minItems(let limit):
            message = "expected at least \(limit) items, got \(count(instance))"
        case .uniqueItems(let first, let second):
            message = "expected unique items, but items \(first) and \(second) are equal"
        case .maxProperties(let limit):
            message = "expected at most \(limit) properties, got \(count(instance))"
        case .minProperties(let limit):
            message = "expected at least \(limit) properties, got \(count(instance))"
        case .required(let name):
            message = "missing required property \(JSONSerializer.quoted(nameText(hot.nameList[Int(name)])))"
        case .dependentRequired(let name, let required):
            message = "property \(JSONSerializer.quoted(nameText(name))) requires property \(JSONSerializer.quoted(nameText(hot.nameList[Int(required)])))"
        case .not:
            message = "expected the value not to match the schema in \"not\", but it does"
        case .notAllowed(let key):
            message = "property \(JSONSerializer.quoted(string(key))) is not allowed"
        case .containsMinimum(let minimum, let matches):
            message = minimum == 1 ? "expected at least one item matching \"contains\"" : "expected at least \(minimum) items matching \"contains\", got \(matches)"
        case .containsMaximum(let maximum, let matches):
            message = "expected at most \(maximum) items matching \"contains\", got \(matches)"
        case .anyOf:
            message = "expected the value to match at least one schema in \"anyOf\"; the closest branch fails as follows"
        case .oneOfNone:
            message = "expected the value to match exactly one schema in \"oneOf\", but it matches none; the closest branch fails as follows"
        case .oneOfMany(let branches):
            message = "expected the value to match exactly one schema in \"oneOf\", but it matches branches \(branches.map(String.init).joined(separator: " and "))"
        }
        fail(node, pc, instance, message, keyword: keyword)
    }
}
