#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A file that could not be read.
public struct JSONFileError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The path (or `<stdin>`).
    public var path: String
    /// The system's reason.
    public var reason: String

    public var description: String { "cannot read '\(path)': \(reason)" }
}

extension JSONParser {
    /// Reads all bytes of a file, or of standard input when `path` is `-`.
    public static func readBytes(atPath path: String) throws(JSONFileError) -> [UInt8] {
        let descriptor: Int32 = path == "-" ? 0 : open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw JSONFileError(path: path, reason: String(cString: strerror(errno)))
        }
        defer { if descriptor != 0 { close(descriptor) } }
        var result: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw JSONFileError(path: path == "-" ? "<stdin>" : path, reason: String(cString: strerror(errno)))
            }
            if count == 0 { break }
            result.append(contentsOf: buffer[0..<count])
        }
        return result
    }

    /// Parses the file at `path` (standard input for `-`); parse errors name
    /// the file.
    public func parseFile(atPath path: String) throws -> JSONValue {
        let bytes = try JSONParser.readBytes(atPath: path)
        do {
            return try parse(bytes)
        } catch {
            throw error.inFile(path == "-" ? "<stdin>" : path)
        }
    }

    /// Parses standard input.
    public func parseStandardInput() throws -> JSONValue {
        try parseFile(atPath: "-")
    }
}
