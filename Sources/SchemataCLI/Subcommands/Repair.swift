import ArgumentParser
import SchemataJSON
import SchemataRepair

extension SchemataCommand {
    /// `schemata repair [FILE|-]`
    public struct Repair: ParsableCommand {
        public static let configuration = CommandConfiguration(
            abstract: "Repair damaged JSON from a model: print the JSON, and list every edit on standard error.",
            discussion: """
                Fixes text around JSON, code fences, comments, quotes, unquoted keys, Python literals, missing or \
                extra commas, and truncation (a dangling key is dropped, never invented). NaN, Infinity and \
                undefined become null; several values become an array. \
                Exit codes: 0 JSON printed (valid input comes back unchanged), 1 no JSON in the input, 2 usage or I/O error.
                """
        )

        @Argument(help: "The text to repair ('-' or nothing for standard input).")
        var input: String = "-"

        @Flag(help: "Print one JSON object with the value, whether JSON was found, and the edits.")
        var json = false

        @Flag(help: "Pretty-print the repaired JSON.")
        var pretty = false

        public init() {}

        public func run() throws {
            let file = try InputFile.read(input)
            let result = JSONRepairer().repair(String(decoding: file.bytes, as: UTF8.self))
            let serializer = JSONSerializer(style: pretty ? .pretty : .compact)
            if json {
                let edits: [JSONValue] = result.edits.map {
                    ["offset": .number(JSONNumber($0.offset)), "kind": .string($0.kind.rawValue), "detail": .string($0.detail)]
                }
                StandardStreams.writeOutput(serializer.string(from: ["value": result.value ?? .null, "found": .bool(result.value != nil), "edits": .array(edits)]) + "\n")
            } else {
                if let value = result.value { StandardStreams.writeOutput(serializer.string(from: value) + "\n") }
                for edit in result.edits { StandardStreams.writeError("\(file.displayName): \(edit)\n") }
            }
            if result.value == nil {
                if !json { StandardStreams.writeError("schemata: error: no JSON found in \(file.displayName)\n") }
                throw CommandFailure.checkFailed
            }
        }
    }
}
