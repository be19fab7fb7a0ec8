import ArgumentParser
import SchemataJSON

extension SchemataCommand {
    /// `schemata parse`: checks that files are well-formed JSON, reporting
    /// every error at `file:line:col`, and optionally re-prints them.
    public struct Parse: ParsableCommand {
        public static let configuration = CommandConfiguration(
            abstract: "Check that inputs are well-formed JSON (and optionally re-print them).",
            discussion: """
                Files ending in .jsonl or .ndjson are read as JSON Lines (one value per line). \
                Exit codes: 0 all inputs parse, 1 some input does not, 2 usage or I/O error.
                """
        )

        /// How to re-print parsed values.
        public enum OutputStyle: String, ExpressibleByArgument, CaseIterable {
            case none, compact, pretty, canonical
        }

        @Argument(help: "JSON files to check; '-' reads standard input.")
        var inputs: [String] = ["-"]

        @Option(help: "Re-print each parsed value: none, compact, pretty or canonical (sorted keys).")
        var output: OutputStyle = .none

        @Flag(help: "Read every input as JSON Lines.")
        var lines = false

        @Flag(help: "Read every input as a sequence of concatenated JSON values.")
        var concatenated = false

        @Flag(name: .customLong("keep-last-duplicate"), help: "Accept duplicate object keys, keeping the last value.")
        var keepLastDuplicate = false

        @Option(help: "Maximum nesting depth.")
        var maxDepth: Int = JSONParseOptions().maximumDepth

        @Flag(name: [.short, .long], help: "Print nothing for valid inputs.")
        var quiet = false

        public init() {}

        public func validate() throws {
            if lines && concatenated {
                throw ValidationError("--lines and --concatenated cannot be combined")
            }
            if maxDepth < 1 {
                throw ValidationError("--max-depth must be at least 1")
            }
        }

        public func run() throws {
            var options = JSONParseOptions()
            options.maximumDepth = maxDepth
            if keepLastDuplicate { options.duplicateKeys = .keepLast }
            let parser = JSONParser(options: options)
            var failures = 0
            for path in inputs {
                let input = try InputFile.read(path)
                let framing: JSONParser.Framing? =
                    lines || (input.isJSONLines && !concatenated) ? .lines : (concatenated ? .concatenated : nil)
                if let framing {
                    let elements = parser.parseSequence(input.bytes, framing: framing)
                    var bad = 0
                    for element in elements {
                        switch element.result {
                        case .success(let document): emit(document.value)
                        case .failure(let error):
                            bad += 1
                            report(error, in: input)
                        }
                    }
                    failures += bad
                    if !quiet && output == .none {
                        StandardStreams.writeOutput("\(input.displayName): \(elements.count - bad) of \(elements.count) values parse\n")
                    }
                } else {
                    do {
                        let value = try parser.parse(input.bytes)
                        emit(value)
                        if !quiet && output == .none {
                            StandardStreams.writeOutput("\(input.displayName): ok (\(value.kind.rawValue))\n")
                        }
                    } catch {
                        failures += 1
                        report(error, in: input)
                    }
                }
            }
            if failures > 0 { throw CommandFailure.checkFailed }
        }

        private func emit(_ value: JSONValue) {
            let style: JSONSerializer.Style
            switch output {
            case .none: return
            case .compact: style = .compact
            case .pretty: style = .pretty
            case .canonical: style = .canonical
            }
            var bytes = JSONSerializer(style: style).bytes(from: value)
            if style != .pretty { bytes.append(UInt8(ascii: "\n")) }
            StandardStreams.writeOutput(bytes: bytes)
        }

        private func report(_ error: JSONParseError, in input: InputFile) {
            StandardStreams.writeError(error.inFile(input.displayName).description + "\n")
        }
    }
}
