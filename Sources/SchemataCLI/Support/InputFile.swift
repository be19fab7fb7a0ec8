#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif
import SchemataJSON

/// One input named on the command line: a file path, or `-` for standard
/// input.
struct InputFile {
    /// The name used in messages (`<stdin>` for `-`).
    let displayName: String
    /// The bytes.
    let bytes: [UInt8]

    /// Whether the name says JSON Lines (`.jsonl`, `.ndjson`).
    var isJSONLines: Bool {
        displayName.hasSuffix(".jsonl") || displayName.hasSuffix(".ndjson")
    }

    /// Reads `path`, or standard input for `-`.
    static func read(_ path: String) throws(CommandFailure) -> InputFile {
        if path == "-" {
            return InputFile(displayName: "<stdin>", bytes: readStandardInput())
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            if FileManager.default.fileExists(atPath: path) {
                throw .usage("cannot read '\(path)': it is a directory or not readable")
            }
            throw .usage("cannot read '\(path)': no such file")
        }
        return InputFile(displayName: path, bytes: [UInt8](data))
    }

    /// Reads and parses a JSON document that configures the command (a
    /// schema, a request); a parse error is a usage error naming `role`.
    static func readJSON(_ path: String, role: String) throws(CommandFailure) -> (file: InputFile, value: JSONValue) {
        let file = try read(path)
        do {
            return (file, try JSONParser().parse(file.bytes))
        } catch {
            throw .usage("\(role): \(error.inFile(file.displayName))")
        }
    }

    private static func readStandardInput() -> [UInt8] {
        var result: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(0, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { break }
            result.append(contentsOf: buffer[0..<count])
        }
        return result
    }
}
