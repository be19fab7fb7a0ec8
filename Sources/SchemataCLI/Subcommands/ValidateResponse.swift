import ArgumentParser
import Dispatch
import SchemataJSON
import SchemataRepair
import SchemataResponses
import SchemataValidator
import Synchronization

extension SchemataCommand {
    /// `schemata validate-response --schema S [FILE…|-]`
    public struct ValidateResponse: ParsableCommand {
        public static let configuration = CommandConfiguration(
            commandName: "validate-response",
            abstract: "Check what a model returned against the schema it was asked for.",
            discussion: """
                Each input is detected: a chat.completion JSON, a server-sent-events transcript of \
                chat.completion.chunk events, a .jsonl file of responses (checked on all cores, reported in order), \
                or raw content text. Each choice is reported on its own: valid, invalid JSON, schema violations, \
                refusal, truncated (finish_reason length) or content_filter. With --repair, each invalid, violating or \
                truncated text is also repaired and fitted to its schema, and the repaired JSON and the edits are printed \
                (the outcome still counts as a failure). \
                Exit codes: 0 all valid, 1 something not valid, 2 usage, I/O or schema error.
                """
        )

        @Option(help: "The JSON Schema the content must follow.")
        var schema: String?

        @Option(help: "The chat completion request: its response_format.json_schema and its tools' parameters are used.")
        var request: String?

        @Argument(help: "Responses to check ('-' for standard input).")
        var inputs: [String] = ["-"]

        @Flag(help: "Print machine-readable JSON, one object per outcome.")
        var json = false

        @Flag(help: "Repair failed texts: print the repaired JSON and the edits made.")
        var repair = false

        public init() {}

        public func validate() throws {
            if schema != nil && request != nil { throw ValidationError("give --schema or --request, not both") }
        }

        public func run() throws {
            let (checker, repairs) = try makeChecker()
            var failures = 0
            for path in inputs {
                let file = try InputFile.read(path)
                let checked: [(input: ResponseInput, outcomes: [ResponseOutcome])]
                if file.isJSONLines {
                    checked = ValidateResponse.checkLines(file.bytes, checker: checker)
                } else {
                    let input = ResponseInput.detect(String(decoding: file.bytes, as: UTF8.self))
                    checked = [(input, input.choices.flatMap { checker.check($0) })]
                }
                for (input, results) in checked {
                    failures += report(input, results, file: file.displayName, repairs: repair ? repairs : nil)
                }
            }
            if failures > 0 { throw CommandFailure.checkFailed }
        }

        func makeChecker() throws -> (ResponseChecker, ResponseRepairs) {
            do {
                if let request {
                    let value = try InputFile.readJSON(request, role: "request").value
                    var tools: [String: JSONValue] = [:]
                    for tool in value["tools"]?.arrayValue ?? [] {
                        if let name = tool["function"]?["name"]?.stringValue { tools[name] = tool["function"]?["parameters"] ?? .object([:]) }
                    }
                    let repairs = ResponseRepairs(contentSchema: value["response_format"]?["json_schema"]?["schema"], toolSchemas: tools)
                    return (try ResponseChecker(request: value), repairs)
                }
                if let schema {
                    let value = try InputFile.readJSON(schema, role: "schema").value
                    return (ResponseChecker(contentValidator: try Validator(schema: value)), ResponseRepairs(contentSchema: value, toolSchemas: [:]))
                }
            } catch let error as SchemaCompileError {
                throw CommandFailure.usage("\(error)")
            }
            // No schema: only well-formedness and finish reasons are checked.
            return (ResponseChecker(contentValidator: nil), ResponseRepairs(contentSchema: nil, toolSchemas: [:]))
        }

        /// Checks JSON Lines input, one response per non-blank line, on all
        /// cores in chunks, keeping input order. Lines are found on the
        /// bytes (splitting a `String` walks grapheme clusters).
        static func checkLines(_ bytes: [UInt8], checker: ResponseChecker) -> [(input: ResponseInput, outcomes: [ResponseOutcome])] {
            let lines = lineRanges(bytes)
            if lines.count < 64 { return lines.map { checkLine(bytes, $0, checker: checker) } }
            let chunkSize = max(64, lines.count / 64)
            let chunks = (lines.count + chunkSize - 1) / chunkSize
            let slots = CheckedSlots(count: lines.count)
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                let range = chunk * chunkSize..<min(lines.count, (chunk + 1) * chunkSize)
                slots.set(range.lowerBound, range.map { checkLine(bytes, lines[$0], checker: checker) })
            }
            return slots.results
        }

        /// The non-blank lines of JSON Lines input: 1-based number and byte
        /// range without the line break (a CR before LF is dropped too).
        static func lineRanges(_ bytes: [UInt8]) -> [(number: Int, range: Range<Int>)] {
            var lines: [(number: Int, range: Range<Int>)] = []
            var lineNumber = 0
            var start = 0
            while start <= bytes.count {
                lineNumber += 1
                var end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
                let next = end + 1
                if end > start, bytes[end - 1] == 0x0D { end -= 1 }
                if bytes[start..<end].contains(where: { $0 != 0x20 && $0 != 0x09 }) { lines.append((lineNumber, start..<end)) }
                start = next
            }
            return lines
        }

        /// Detects and checks the response on one line.
        static func checkLine(_ bytes: [UInt8], _ line: (number: Int, range: Range<Int>), checker: ResponseChecker) -> (input: ResponseInput, outcomes: [ResponseOutcome]) {
            let input = ResponseInput.detect(String(decoding: bytes[line.range], as: UTF8.self), line: line.number)
            return (input, input.choices.flatMap { checker.check($0) })
        }

        /// Prints the outcomes of one input; returns how many are not valid.
        func report(_ item: ResponseInput, _ outcomes: [ResponseOutcome], file: String, repairs: ResponseRepairs?) -> Int {
            let place = item.line.map { "\(file):\($0)" } ?? file
            if let problem = item.readError {
                if json {
                    StandardStreams.writeOutput(JSONSerializer().string(from: ["input": .string(place), "outcome": "invalid_input", "detail": .string(problem)]) + "\n")
                } else {
                    StandardStreams.writeError("\(place): error: \(problem)\n")
                }
                return 1
            }
            var failures = 0
            for outcome in outcomes {
                let subject = "choice \(outcome.choice)" + (outcome.toolCall.map { " tool \($0)" } ?? "")
                if !outcome.isValid { failures += 1 }
                let repaired = repairs?.repair(outcome)
                if json {
                    var object = jsonOutcome(outcome, place: place, kind: item.kind)
                    if let repaired, case .object(var members) = object {
                        members["repair"] = ResponseRepairs.json(repaired)
                        object = .object(members)
                    }
                    StandardStreams.writeOutput(JSONSerializer().string(from: object) + "\n")
                    continue
                }
                defer {
                    if let repaired { printRepair(repaired, subject: "\(place): \(subject)") }
                }
                switch outcome.kind {
                case .valid:
                    StandardStreams.writeOutput("\(place): \(subject): valid\n")
                case .invalidJSON:
                    let error = outcome.parseError!
                    StandardStreams.writeError("\(place): \(subject): invalid JSON at \(error.location.line):\(error.location.column): \(error.message)\n")
                case .schemaViolation:
                    for violation in outcome.violations {
                        StandardStreams.writeError("\(place): \(subject): schema violation: \(violation) [\(violation.keywordLocation)]\n")
                    }
                case .refusal, .truncated, .contentFilter, .empty:
                    StandardStreams.writeError("\(place): \(subject): \(outcome.kind.rawValue): \(outcome.detail ?? "")\n")
                }
            }
            return failures
        }

        func printRepair(_ repaired: SchemaGuidedRepairer.Result, subject: String) {
            guard let value = repaired.value else {
                StandardStreams.writeError("\(subject): repair: no JSON found\n")
                return
            }
            let verdict = repaired.isValid ? "valid" : "still invalid"
            StandardStreams.writeOutput("\(subject): repaired (\(verdict)): \(JSONSerializer().string(from: value))\n")
            for edit in repaired.edits { StandardStreams.writeError("\(subject): repair: \(edit)\n") }
            for coercion in repaired.coercions { StandardStreams.writeError("\(subject): repair: \(coercion)\n") }
        }

        func jsonOutcome(_ outcome: ResponseOutcome, place: String, kind: ResponseInput.Kind) -> JSONValue {
            var object: JSONObject = ["input": .string(place), "format": .string(kind.rawValue), "choice": .number(JSONNumber(outcome.choice))]
            if let tool = outcome.toolCall { object["tool"] = .string(tool) }
            object["outcome"] = .string(outcome.kind.rawValue)
            object["valid"] = .bool(outcome.isValid)
            if let error = outcome.parseError {
                object["error"] = [
                    "message": .string(error.message), "line": .number(JSONNumber(error.location.line)),
                    "column": .number(JSONNumber(error.location.column)), "offset": .number(JSONNumber(error.location.offset)),
                ]
            }
            if !outcome.violations.isEmpty {
                object["errors"] = .array(outcome.violations.map {
                    [
                        "instanceLocation": .string($0.instanceLocation.description), "keywordLocation": .string($0.keywordLocation.description),
                        "absoluteKeywordLocation": .string($0.absoluteKeywordLocation), "error": .string($0.message),
                    ]
                })
            }
            if let detail = outcome.detail { object["detail"] = .string(detail) }
            return .object(object)
        }
    }
}

/// Results written by parallel workers, each chunk to its own slots.
final class CheckedSlots: Sendable {
    private let storage: Mutex<[(input: ResponseInput, outcomes: [ResponseOutcome])?]>

    init(count: Int) {
        storage = Mutex(Array(repeating: nil, count: count))
    }

    /// Stores a chunk's results from position `start` on.
    func set(_ start: Int, _ values: [(input: ResponseInput, outcomes: [ResponseOutcome])]) {
        storage.withLock { slots in
            for (offset, value) in values.enumerated() { slots[start + offset] = value }
        }
    }

    var results: [(input: ResponseInput, outcomes: [ResponseOutcome])] { storage.withLock { $0.compactMap { $0 } } }
}
