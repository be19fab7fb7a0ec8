/// How a subcommand ends unsuccessfully: a message for standard error and
/// the exit code that goes with it.
public struct CommandFailure: Error {
    /// The exit code for an input that failed the check.
    public static let checkFailedExitCode: Int32 = 1
    /// The exit code for usage, I/O and schema errors.
    public static let usageExitCode: Int32 = 2

    /// The exit code.
    public var exitCode: Int32
    /// Printed as `schemata: error: <message>`; `nil` when the subcommand
    /// already reported everything.
    public var message: String?

    /// The input failed the check; the details were already printed.
    public static let checkFailed = CommandFailure(exitCode: checkFailedExitCode, message: nil)

    /// A usage, I/O or schema error.
    public static func usage(_ message: String) -> CommandFailure {
        CommandFailure(exitCode: usageExitCode, message: message)
    }

    func report() {
        if let message {
            StandardStreams.writeError("schemata: error: \(message)\n")
        }
    }
}
