import ArgumentParser
import SchemataJSON
import SchemataRepair
import SchemataValidator

extension SchemataCommand {
    /// `schemata repair [--schema S [--strict]] [FILE|-]`
    public struct Repair: ParsableCommand {
        public static let configuration = CommandConfiguration(
            abstract: "Repair damaged JSON from a model: print the JSON, and list every edit on standard error.",
            discussion: """
                Fixes text around JSON, code fences, comments, quotes, unquoted keys, Python literals, missing or \
                extra commas, and truncation (a dangling key is dropped, never invented). NaN, Infinity and \
                undefined become null. Of several JSON values in the text, the first complete one is kept; with \
                --schema, the one that validates. With --schema the value is also fitted to the schema: "42" ↔ 42, \
                "true" → true, x → [x], enum values matched ignoring case and whitespace, forbidden properties \
                dropped, missing required properties filled from default (or null); --strict refuses the lossy ones. \
                Exit codes: 0 JSON printed (valid input comes back unchanged; with --schema, it validates), \
                1 no JSON in the input or it still fails the schema, 2 usage or I/O error.
                """
        )

        @Argument(help: "The text to repair ('-' or nothing for standard input).")
        var input: String = "-"

        @Option(help: "A JSON Schema to fit the value to.")
        var schema: String?

        @Flag(help: "With --schema, refuse lossy changes (enum case matching, dropping properties).")
        var strict = false

        @Flag(help: "The text is a prefix of a stream: repair it so that repairs of longer prefixes only extend it.")
        var streamStable = false

        @Flag(help: "Print one JSON object with the value, whether JSON was found, and the edits.")
        var json = false

        @Flag(help: "Pretty-print the repaired JSON.")
        var pretty = false

        public init() {}

        public func validate() throws {
            if strict && schema == nil { throw ValidationError("--strict needs --schema") }
        }

        public func run() throws {
            let file = try InputFile.read(input)
            let text = String(decoding: file.bytes, as: UTF8.self)
            let result: SchemaGuidedRepairer.Result
            if let schema {
                let schemaValue = try InputFile.readJSON(schema, role: "schema").value
                do {
                    var textRepairer = JSONRepairer()
                    textRepairer.streamStable = streamStable
                    result = try SchemaGuidedRepairer(schema: schemaValue, strict: strict, repairer: textRepairer).repair(text)
                } catch {
                    throw CommandFailure.usage("schema: \(error)")
                }
            } else {
                var repairer = JSONRepairer()
                repairer.streamStable = streamStable
                let repair = repairer.repair(text)
                result = SchemaGuidedRepairer.Result(
                    value: repair.value, edits: repair.edits, coercions: [], isValid: repair.value != nil, failure: repair.failure)
            }
            let serializer = JSONSerializer(style: pretty ? .pretty : .compact)
            if json {
                var object: JSONObject = ["value": result.value ?? .null, "found": .bool(result.value != nil)]
                if let failure = result.failure { object["error"] = .string(failure) }
                object["edits"] = .array(result.edits.map(Repair.editJSON))
                if schema != nil {
                    object["coercions"] = .array(result.coercions.map(Repair.coercionJSON))
                    object["valid"] = .bool(result.isValid)
                }
                StandardStreams.writeOutput(serializer.string(from: .object(object)) + "\n")
            } else {
                if let value = result.value { StandardStreams.writeOutput(serializer.string(from: value) + "\n") }
                // One write for all the edits (there can be hundreds of thousands).
                var report = ""
                if result.failure != nil { report += "\(file.displayName): \(result.edits.count) edits before giving up\n" }
                if result.failure == nil { for edit in result.edits { report += "\(file.displayName): \(edit)\n" } }
                for coercion in result.coercions { report += "\(file.displayName): \(coercion)\n" }
                StandardStreams.writeError(report)
            }
            if result.value == nil {
                if !json {
                    let reason = result.failure ?? "no JSON found"
                    StandardStreams.writeError("schemata: error: \(file.displayName): \(reason)\n")
                }
                throw CommandFailure.checkFailed
            }
            if schema != nil, !result.isValid {
                if !json { StandardStreams.writeError("schemata: error: the repaired JSON still fails the schema\n") }
                throw CommandFailure.checkFailed
            }
        }

        static func editJSON(_ edit: RepairEdit) -> JSONValue {
            ["offset": .number(JSONNumber(edit.offset)), "kind": .string(edit.kind.rawValue), "detail": .string(edit.detail)]
        }

        static func coercionJSON(_ edit: CoercionEdit) -> JSONValue {
            ["pointer": .string(edit.pointer.description), "kind": .string(edit.kind.rawValue),
             "before": edit.before ?? .null, "after": edit.after ?? .null, "lossy": .bool(edit.isLossy)]
        }
    }
}
