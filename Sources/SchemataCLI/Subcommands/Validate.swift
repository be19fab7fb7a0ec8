import ArgumentParser
import SchemataJSON
import SchemataValidator

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension SchemataCommand {
    /// `schemata validate SCHEMA INSTANCE…`
    public struct Validate: ParsableCommand {
        public static let configuration = CommandConfiguration(
            abstract: "Validate JSON instances against a JSON Schema (drafts 4, 6, 7, 2019-09, 2020-12).",
            discussion: """
                Instances are files, '-' for standard input, or .jsonl files with one instance per line. \
                Messages name file:line:col and the instance's JSON Pointer. \
                Exit codes: 0 all valid, 1 something invalid, 2 usage, I/O or schema error.
                """
        )

        @Argument(help: "The schema file.")
        var schema: String

        @Argument(help: "Instance files ('-' for standard input; .jsonl: one instance per line).")
        var instances: [String] = []

        @Option(name: .customLong("registry"), help: ArgumentHelp("Map a URI prefix to a local directory for $ref (PREFIX=DIR; repeatable).", valueName: "PREFIX=DIR"))
        var registryMappings: [String] = []

        @Option(name: .customLong("default-dialect"), help: "The meta-schema URI for schemas without $schema (default: 2020-12).")
        var defaultDialect: String?

        @Flag(name: .customLong("format-assertion"), help: "Check 'format' values (by default they are annotations).")
        var formatAssertion = false

        @Option(help: "Output format: flag, basic, detailed or verbose.")
        var output: OutputStyle = .basic

        @Flag(help: "Print machine-readable JSON, one object per instance.")
        var json = false

        @Flag(help: "Print compile time and validation throughput (parsing excluded) instead of results.")
        var benchmark = false

        @Option(help: "Validation passes over the instances for --benchmark.")
        var loop: Int = 100

        /// The output formats, for the option.
        public enum OutputStyle: String, ExpressibleByArgument, CaseIterable {
            case flag, basic, detailed, verbose
        }

        public init() {}

        public func validate() throws {
            if instances.isEmpty { throw ValidationError("no instances to validate (name files, or '-' for standard input)") }
            if loop < 1 { throw ValidationError("--loop must be at least 1") }
            for mapping in registryMappings where !mapping.contains("=") {
                throw ValidationError("--registry takes PREFIX=DIR, got '\(mapping)'")
            }
            if let defaultDialect, Draft(metaSchemaURI: defaultDialect) == nil {
                throw ValidationError("unknown --default-dialect '\(defaultDialect)' (use a draft 4, 6, 7, 2019-09 or 2020-12 meta-schema URI)")
            }
        }

        public func run() throws {
            let (schemaFile, schemaValue) = try InputFile.readJSON(schema, role: "schema")
            var registry = SchemaRegistry()
            for mapping in registryMappings {
                let parts = mapping.split(separator: "=", maxSplits: 1)
                registry.map(prefix: String(parts[0]), toDirectory: String(parts[1]))
            }
            var options = ValidatorOptions()
            options.formatAssertion = formatAssertion
            if let defaultDialect, let draft = Draft(metaSchemaURI: defaultDialect) { options.defaultDraft = draft }
            let start = Clock.now
            let validator: Validator
            do {
                validator = try Validator(schema: schemaValue, registry: registry, options: options, uri: schemaURI(schemaFile))
            } catch {
                throw CommandFailure.usage("\(schemaFile.displayName): \(error)")
            }
            let compileSeconds = Clock.since(start)
            for pattern in validator.backtrackingPatterns {
                StandardStreams.writeError("schemata: note: pattern \(JSONSerializer.quoted(pattern)) uses backreferences or lookaround: it runs on the backtracking matcher with a step budget, not in linear time\n")
            }

            var items: [Instance] = []
            for path in instances {
                let file = try InputFile.read(path)
                items += try Instance.read(file)
            }
            if benchmark {
                // Warm compiles: the meta-schemas are parsed and compiled once per
                // process, so a service compiling many schemas pays this figure.
                // The best of as many as fit in a quarter of a second (at least
                // five, at most a thousand): for schemas compiled in tens of
                // microseconds, the best of five swung twofold between runs.
                var warmSeconds = Double.infinity
                var warmCompiles = 0
                let warmStart = Clock.now
                while warmCompiles < 5 || (warmCompiles < 1000 && Clock.since(warmStart) < 0.25) {
                    let again = Clock.now
                    _ = try? Validator(schema: schemaValue, registry: registry, options: options, uri: schemaURI(schemaFile))
                    warmSeconds = min(warmSeconds, Clock.since(again))
                    warmCompiles += 1
                }
                runBenchmark(
                    validator, items, compileSeconds: compileSeconds, warmCompileSeconds: warmSeconds, warmCompiles: warmCompiles)
                return
            }
            var invalid = 0
            for item in items {
                guard let document = item.document else {
                    invalid += 1
                    continue
                }
                let format = OutputFormat(rawValue: output.rawValue)!
                if format == .flag && !json {
                    let valid = validator.isValid(document)
                    if !valid { invalid += 1 }
                    StandardStreams.writeOutput("\(item.name): \(valid ? "valid" : "invalid")\n")
                    continue
                }
                let passes: [SchemataValidator.ValidationError]
                let result: ValidationResult
                if format == .verbose {
                    (result, passes) = validator.validateVerbose(document)
                } else {
                    result = validator.validate(document)
                    passes = []
                }
                if !result.isValid { invalid += 1 }
                if json {
                    var object: JSONObject = ["instance": .string(item.name)]
                    if let line = item.line { object["line"] = .number(JSONNumber(line)) }
                    object["output"] = format.render(result, passes: passes)
                    StandardStreams.writeOutput(JSONSerializer().string(from: .object(object)) + "\n")
                } else {
                    report(result, item: item, document: document)
                }
            }
            if invalid > 0 { throw CommandFailure.checkFailed }
        }

        func schemaURI(_ file: InputFile) -> String? {
            guard file.displayName != "<stdin>" else { return nil }
            let path = file.displayName.hasPrefix("/") ? file.displayName : currentDirectory() + "/" + file.displayName
            return "file://" + path
        }

        func report(_ result: ValidationResult, item: Instance, document: JSONDocument) {
            if result.isValid {
                StandardStreams.writeOutput("\(item.name): valid\n")
                return
            }
            for error in result.errors {
                let location = item.location(of: error.instanceLocation, in: document)
                StandardStreams.writeError(
                    "\(item.file):\(location.line):\(location.column): error: \(error.message) at \(error.instanceLocation.isRoot ? "the root" : error.instanceLocation.description) [\(error.keywordLocation)]\n")
            }
        }
    }
}

/// One instance to validate: from a file, or a line of a JSON Lines file.
struct Instance {
    var file: String
    var line: Int?
    var document: JSONDocument?
    var lineIndex: LineIndex?
    var byteCount: Int

    var name: String { line.map { "\(file):\($0)" } ?? file }

    /// Reads the instances of one input, reporting parse errors.
    static func read(_ input: InputFile) throws -> [Instance] {
        if input.isJSONLines {
            var result: [Instance] = []
            let index = LineIndex(input.bytes)
            for element in JSONParser().parseSequence(input.bytes, framing: .lines) {
                switch element.result {
                case .success(let document):
                    result.append(Instance(file: input.displayName, line: element.line, document: document, lineIndex: index, byteCount: document.span(at: document.rootIndex).range.count))
                case .failure(let error):
                    StandardStreams.writeError(error.inFile(input.displayName).description + "\n")
                    result.append(Instance(file: input.displayName, line: element.line, document: nil, lineIndex: nil, byteCount: 0))
                }
            }
            return result
        }
        do {
            let document = try JSONParser().parseDocument(input.bytes)
            return [Instance(file: input.displayName, line: nil, document: document, lineIndex: LineIndex(input.bytes), byteCount: input.bytes.count)]
        } catch {
            StandardStreams.writeError(error.inFile(input.displayName).description + "\n")
            return [Instance(file: input.displayName, line: nil, document: nil, lineIndex: nil, byteCount: 0)]
        }
    }

    /// Where the value at `pointer` (or its nearest existing ancestor) starts.
    func location(of pointer: JSONPointer, in document: JSONDocument) -> SourceLocation {
        guard let lineIndex else { return SourceLocation(offset: 0, line: line ?? 1, column: 1) }
        var current: JSONPointer? = pointer
        while let candidate = current {
            if let index = document.index(of: candidate) {
                return lineIndex.location(ofOffset: Int(document.span(at: index).start))
            }
            current = candidate.parent
        }
        return lineIndex.location(ofOffset: 0)
    }
}

/// A monotonic clock in seconds.
enum Clock {
    /// The monotonic clock in seconds.
    static var now: Double { Double(nanoseconds) / 1e9 }

    static func since(_ start: Double) -> Double { now - start }

    /// The monotonic clock in nanoseconds.
    static var nanoseconds: Int64 {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Int64(spec.tv_sec) * 1_000_000_000 + Int64(spec.tv_nsec)
    }
}

func currentDirectory() -> String {
    var buffer = [CChar](repeating: 0, count: 4096)
    guard getcwd(&buffer, buffer.count) != nil else { return "." }
    let bytes = buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
    return String(decoding: bytes, as: UTF8.self)
}
