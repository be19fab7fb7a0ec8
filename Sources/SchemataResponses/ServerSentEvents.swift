import SchemataJSON

/// Reassembles a server-sent-events transcript of `chat.completion.chunk`
/// events into complete choices: content, refusal and tool-call fragments
/// are joined by choice index (and tool calls by their own index); a final
/// usage-only chunk (`choices: []` or `null`) and `data: [DONE]` are
/// accepted.
public enum ServerSentEvents {
    /// Whether text looks like an SSE transcript.
    public static func looksLikeTranscript(_ text: String) -> Bool {
        // Only the first non-blank line decides: look at its first bytes.
        let bytes = text.utf8
        guard let start = bytes.firstIndex(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D && $0 != 0x0A }) else { return false }
        let head = bytes[start...].prefix(6)
        for field in ["data:", "event:", ":", "id:"] where head.starts(with: field.utf8) { return true }
        return false
    }

    /// A chunk that is not valid JSON, with its line.
    public struct ChunkError: Error, Sendable, CustomStringConvertible {
        /// The transcript line of the broken chunk.
        public var line: Int
        /// Why its JSON does not parse.
        public var error: JSONParseError
        public var description: String { "line \(line): invalid chunk: \(error.message)" }
    }

    /// The choices a transcript assembles to.
    public static func reassemble(_ text: String) throws(ChunkError) -> [CompletionChoice] {
        struct Partial {
            var content = ""
            var hasContent = false
            var refusal = ""
            var hasRefusal = false
            var calls: [Int: (id: String?, name: String, arguments: String)] = [:]
            var finishReason: String?
        }
        var partials: [Int: Partial] = [:]
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            var line = Substring(rawLine)
            if line.hasSuffix("\r") { line.removeLast() }
            guard line.hasPrefix("data:") else { continue }
            var payload = line.dropFirst(5)
            if payload.hasPrefix(" ") { payload.removeFirst() }
            if payload == "[DONE]" { break }
            let chunk: JSONValue
            do {
                chunk = try JSONParser().parse(String(payload))
            } catch {
                throw ChunkError(line: lineNumber, error: error)
            }
            for (position, choice) in (chunk["choices"]?.arrayValue ?? []).enumerated() {
                let index = choice["index"]?.numberValue?.int64Value.map { Int($0) } ?? position
                var partial = partials[index] ?? Partial()
                let delta = choice["delta"] ?? .null
                if let text = delta["content"]?.stringValue {
                    partial.content += text
                    partial.hasContent = true
                }
                if let text = delta["refusal"]?.stringValue {
                    partial.refusal += text
                    partial.hasRefusal = true
                }
                for call in delta["tool_calls"]?.arrayValue ?? [] {
                    let callIndex = call["index"]?.numberValue?.int64Value.map { Int($0) } ?? partial.calls.count
                    var entry = partial.calls[callIndex] ?? (nil, "", "")
                    if let id = call["id"]?.stringValue { entry.id = id }
                    if let name = call["function"]?["name"]?.stringValue { entry.name += name }
                    if let arguments = call["function"]?["arguments"]?.stringValue { entry.arguments += arguments }
                    partial.calls[callIndex] = entry
                }
                if let reason = choice["finish_reason"]?.stringValue { partial.finishReason = reason }
                partials[index] = partial
            }
        }
        return partials.keys.sorted().map { index in
            let partial = partials[index]!
            return CompletionChoice(
                index: index, content: partial.hasContent ? partial.content : nil,
                refusal: partial.hasRefusal ? partial.refusal : nil,
                toolCalls: partial.calls.keys.sorted().map { key in
                    let call = partial.calls[key]!
                    return CompletionChoice.ToolCall(id: call.id, name: call.name, arguments: call.arguments)
                },
                finishReason: partial.finishReason)
        }
    }
}
