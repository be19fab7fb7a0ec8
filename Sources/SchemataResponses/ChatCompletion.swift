import SchemataJSON

/// One choice of a chat completion, as far as checking it is concerned.
public struct CompletionChoice: Sendable, Hashable {
    /// A tool call the model made.
    public struct ToolCall: Sendable, Hashable {
        /// The call's id, when the provider sent one.
        public var id: String?
        /// The function called.
        public var name: String
        /// The arguments as the model wrote them (JSON text, possibly broken).
        public var arguments: String
    }

    /// The choice's `index`.
    public var index: Int
    /// The message content (the structured output), if any.
    public var content: String?
    /// The model's refusal, if it refused.
    public var refusal: String?
    /// The tool calls, in order.
    public var toolCalls: [ToolCall]
    /// `stop`, `length`, `tool_calls`, `content_filter`, or `nil`.
    public var finishReason: String?

    /// A choice with these parts.
    public init(index: Int, content: String?, refusal: String? = nil, toolCalls: [ToolCall] = [], finishReason: String? = nil) {
        self.index = index
        self.content = content
        self.refusal = refusal
        self.toolCalls = toolCalls
        self.finishReason = finishReason
    }
}

/// Reading choices out of `chat.completion` objects.
public enum ChatCompletion {
    /// Whether a value looks like a chat completion (it has `choices`).
    public static func isCompletion(_ value: JSONValue) -> Bool {
        value["choices"]?.arrayValue != nil || value["object"]?.stringValue == "chat.completion"
    }

    /// The choices of a `chat.completion` object.
    public static func choices(of completion: JSONValue) -> [CompletionChoice] {
        var result: [CompletionChoice] = []
        for (position, choice) in (completion["choices"]?.arrayValue ?? []).enumerated() {
            let message = choice["message"] ?? .null
            let calls = (message["tool_calls"]?.arrayValue ?? []).map { call in
                CompletionChoice.ToolCall(
                    id: call["id"]?.stringValue, name: call["function"]?["name"]?.stringValue ?? "",
                    arguments: call["function"]?["arguments"]?.stringValue ?? "")
            }
            let index = choice["index"]?.numberValue?.int64Value.map { Int($0) } ?? position
            result.append(
                CompletionChoice(
                    index: index, content: message["content"]?.stringValue, refusal: message["refusal"]?.stringValue,
                    toolCalls: calls, finishReason: choice["finish_reason"]?.stringValue))
        }
        return result
    }
}
