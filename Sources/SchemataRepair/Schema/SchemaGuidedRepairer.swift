import SchemataJSON
import SchemataValidator

/// Repair with a schema: the text is repaired (``JSONRepairer``), the value
/// that validates is chosen when the text held several, and the result is
/// fitted to the schema (``SchemaCoercer``).
///
/// ```swift
/// let repairer = try SchemaGuidedRepairer(schema: schema)
/// let result = repairer.repair("Sure! {\"age\": \"42\",}")
/// result.value        // {"age": 42}
/// result.coercions    // [/age: string_to_number: "42" → 42]
/// result.isValid      // true
/// ```
public final class SchemaGuidedRepairer {
    /// The outcome.
    public struct Result: Sendable {
        /// The repaired value (`nil` when the text holds no JSON).
        public var value: JSONValue?
        /// Changes to the text.
        public var edits: [RepairEdit]
        /// Changes made to fit the schema.
        public var coercions: [CoercionEdit]
        /// Whether `value` is valid against the schema.
        public var isValid: Bool
        /// Why the repair gave up (see ``JSONRepairer/Repair/failure``).
        public var failure: String?

        public init(value: JSONValue?, edits: [RepairEdit], coercions: [CoercionEdit], isValid: Bool, failure: String? = nil) {
            self.value = value
            self.edits = edits
            self.coercions = coercions
            self.isValid = isValid
            self.failure = failure
        }
    }

    private let coercer: SchemaCoercer
    /// The text repairer used before fitting (its options apply).
    public let repairer: JSONRepairer

    /// Prepares the schema once; `strict` refuses lossy coercions;
    /// `repairer` carries the text repair's options (e.g. `streamStable`).
    public init(schema: JSONValue, strict: Bool = false, repairer: JSONRepairer = JSONRepairer()) throws(SchemaCompileError) {
        coercer = try SchemaCoercer(schema: schema, strict: strict)
        self.repairer = repairer
    }

    /// Repairs `text` and fits it to the schema.
    public func repair(_ text: String) -> Result {
        let repair = repairer.repair(text)
        guard var value = repair.value else {
            return Result(value: nil, edits: repair.edits, coercions: [], isValid: false, failure: repair.failure)
        }
        var edits = repair.edits
        if coercer.isValid(value) { return Result(value: value, edits: edits, coercions: [], isValid: true) }
        // Several values: the one that validates, as written or once coerced.
        if repair.candidates.count > 1 {
            if let index = repair.candidates.firstIndex(where: coercer.isValid) {
                edits.append(RepairEdit(offset: 0, kind: .choseValue, detail: "kept value \(index + 1) of \(repair.candidates.count): the one that validates against the schema"))
                return Result(value: repair.candidates[index], edits: edits, coercions: [], isValid: true)
            }
            for (index, candidate) in repair.candidates.enumerated() {
                let fitted = coercer.coerce(candidate)
                if coercer.isValid(fitted.value) {
                    edits.append(RepairEdit(offset: 0, kind: .choseValue, detail: "kept value \(index + 1) of \(repair.candidates.count): the one that validates once fitted to the schema"))
                    return Result(value: fitted.value, edits: edits, coercions: fitted.edits, isValid: true)
                }
            }
        }
        let fitted = coercer.coerce(value)
        value = fitted.value
        return Result(value: value, edits: edits, coercions: fitted.edits, isValid: coercer.isValid(value))
    }
}
