import ArgumentParser
import SchemataJSON

extension SchemataCommand {
    /// `schemata locate`: prints where the values named by JSON Pointers are
    /// in a file, as `file:line:col-line:col`.
    public struct Locate: ParsableCommand {
        public static let configuration = CommandConfiguration(
            abstract: "Print the file:line:col range of the values at JSON Pointers.",
            discussion: """
                Pointers use RFC 6901 syntax ('/items/0/name') or its URI fragment form ('#/items/0/name'). \
                Exit codes: 0 all found, 1 some pointer names nothing, 2 usage, I/O or parse error.
                """
        )

        @Argument(help: "The JSON file ('-' for standard input).")
        var file: String

        @Argument(help: "JSON Pointers to locate.")
        var pointers: [String]

        @Flag(help: "Locate the member name instead of the value (for object members).")
        var key = false

        public init() {}

        public func run() throws {
            let input = try InputFile.read(file)
            let parsed: ParsedJSON
            do {
                parsed = try JSONParser().parseWithSourceMap(input.bytes)
            } catch {
                StandardStreams.writeError(error.inFile(input.displayName).description + "\n")
                throw CommandFailure(exitCode: CommandFailure.usageExitCode, message: nil)
            }
            var missing = 0
            for text in pointers {
                let pointer: JSONPointer
                do {
                    pointer = text.hasPrefix("#") ? try JSONPointer(uriFragment: text) : try JSONPointer(text)
                } catch {
                    throw CommandFailure.usage(error.description)
                }
                let range = key ? parsed.sourceMap.keyRange(of: pointer) : parsed.sourceMap.range(of: pointer)
                if let range {
                    StandardStreams.writeOutput("\(input.displayName):\(range.start.line):\(range.start.column)-\(range.end.line):\(range.end.column)\t\(pointer)\n")
                } else {
                    missing += 1
                    let nearest = parsed.sourceMap.nearestLocation(of: pointer)
                    StandardStreams.writeError("\(input.displayName):\(nearest.line):\(nearest.column): error: nothing at \(pointer)\(key ? " (or it is not an object member)" : "")\n")
                }
            }
            if missing > 0 { throw CommandFailure.checkFailed }
        }
    }
}
