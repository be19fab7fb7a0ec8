import ArgumentParser
import SchemataJSON

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The `schemata` command line: JSON Schema validation, linting and checking
/// of LLM responses.
///
/// Exit codes are the same for every subcommand:
/// - 0: success (every input passed the check);
/// - 1: an input failed the check;
/// - 2: a usage, I/O or schema error.
public struct SchemataCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "schemata",
        abstract: "JSON Schema tools for LLM structured output.",
        discussion: """
            Exit codes: 0 success, 1 an input failed the check, 2 usage, I/O or schema error.
            """,
        version: SchemataVersion.current,
        subcommands: [Validate.self, Lint.self, ValidateResponse.self, Repair.self, Parse.self, Locate.self]
    )

    public init() {}

    /// Runs the command line with `arguments` (the process's own when `nil`)
    /// and returns the exit code, printing errors as `schemata: error: …`.
    public static func exitCode(arguments: [String]? = nil) -> Int32 {
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            return 0
        } catch let failure as CommandFailure {
            failure.report()
            return failure.exitCode
        } catch let exit as ExitCode {
            return exit.rawValue
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                // --help and --version.
                StandardStreams.writeOutput(fullMessage(for: error) + "\n")
                return 0
            }
            var text = "schemata: error: \(message(for: error))\n"
            let usage = fullMessage(for: error).components(separatedBy: "\n").drop { !$0.hasPrefix("Usage:") }
            if let first = usage.first { text += first + "\n" }
            text += "See 'schemata --help'.\n"
            StandardStreams.writeError(text)
            return CommandFailure.usageExitCode
        }
    }
}

/// The version printed by `schemata --version`.
public enum SchemataVersion {
    public static let current = "0.1.0"
}
