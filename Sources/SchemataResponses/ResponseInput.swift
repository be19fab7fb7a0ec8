import SchemataJSON

/// One input to check: where it came from and the choices it holds.
public struct ResponseInput: Sendable {
    /// What the input turned out to be.
    public enum Kind: String, Sendable {
        case completion
        case eventStream = "event_stream"
        case rawContent = "raw_content"
    }

    /// 1-based line, for JSON Lines inputs.
    public var line: Int?
    /// What it is.
    public var kind: Kind
    /// The choices it holds.
    public var choices: [CompletionChoice]
    /// A problem reading the input itself (a broken SSE chunk).
    public var readError: String?

    /// Detects what `text` is — a `chat.completion` JSON, an SSE transcript
    /// of `chat.completion.chunk` events, or raw content — and extracts its
    /// choices. JSON Lines are handled by the caller, line by line.
    public static func detect(_ text: String, line: Int? = nil) -> ResponseInput {
        if ServerSentEvents.looksLikeTranscript(text) {
            do {
                return ResponseInput(line: line, kind: .eventStream, choices: try ServerSentEvents.reassemble(text))
            } catch {
                return ResponseInput(line: line, kind: .eventStream, choices: [], readError: error.description)
            }
        }
        if let value = try? JSONParser().parse(text), ChatCompletion.isCompletion(value) {
            return ResponseInput(line: line, kind: .completion, choices: ChatCompletion.choices(of: value))
        }
        return ResponseInput(line: line, kind: .rawContent, choices: [CompletionChoice(index: 0, content: text)])
    }
}
