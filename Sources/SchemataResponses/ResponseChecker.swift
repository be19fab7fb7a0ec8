import SchemataJSON
import SchemataValidator

/// What a model returned, judged against the schema it was asked for.
public struct ResponseOutcome: Sendable {
    /// The verdict for one choice (or one tool call).
    public enum Kind: String, Sendable, Hashable {
        case valid
        /// The content (or tool arguments) is not JSON.
        case invalidJSON = "invalid_json"
        /// JSON, but it violates the schema.
        case schemaViolation = "schema_violation"
        /// The model refused (`message.refusal`).
        case refusal
        /// Cut off by the token limit (`finish_reason: length`).
        case truncated
        /// Stopped by the content filter.
        case contentFilter = "content_filter"
        /// Neither content nor tool calls to check.
        case empty
    }

    /// The choice's index.
    public var choice: Int
    /// The tool call checked, when the outcome is about one.
    public var toolCall: String?
    /// The verdict.
    public var kind: Kind
    /// Parse error (for invalid JSON), in the content's own coordinates.
    public var parseError: JSONParseError?
    /// Schema violations.
    public var violations: [SchemataValidator.ValidationError]
    /// A note for refusal/truncation/filter outcomes.
    public var detail: String?
    /// The text that was checked (content or tool arguments), when there is one.
    public var text: String?

    /// Whether the verdict is ``Kind/valid``.
    public var isValid: Bool { kind == .valid }
}

/// Checks completions against a response schema and tool parameter schemas.
public struct ResponseChecker: Sendable {
    /// The validator for message content, if a schema was given.
    public var contentValidator: Validator?
    /// Validators for tool arguments, by function name.
    public var toolValidators: [String: Validator]

    /// A checker with these validators (content, and tool arguments by
    /// function name); without a content validator only well-formedness
    /// and finish reasons are checked.
    public init(contentValidator: Validator?, toolValidators: [String: Validator] = [:]) {
        self.contentValidator = contentValidator
        self.toolValidators = toolValidators
    }

    /// A checker from a chat completion request: its
    /// `response_format.json_schema.schema` and each function tool's
    /// `parameters`.
    public init(request: JSONValue, registry: SchemaRegistry = SchemaRegistry()) throws(SchemaCompileError) {
        var content: Validator?
        if let schema = request["response_format"]?["json_schema"]?["schema"] {
            content = try Validator(schema: schema, registry: registry)
        }
        var tools: [String: Validator] = [:]
        for tool in request["tools"]?.arrayValue ?? [] {
            guard let name = tool["function"]?["name"]?.stringValue else { continue }
            tools[name] = try Validator(schema: tool["function"]?["parameters"] ?? .object([:]), registry: registry)
        }
        self.init(contentValidator: content, toolValidators: tools)
    }

    /// The outcomes for one choice: one for its content, and one per tool
    /// call when there are tool schemas.
    public func check(_ choice: CompletionChoice) -> [ResponseOutcome] {
        func outcome(_ kind: ResponseOutcome.Kind, tool: String? = nil, detail: String? = nil) -> ResponseOutcome {
            ResponseOutcome(choice: choice.index, toolCall: tool, kind: kind, parseError: nil, violations: [], detail: detail, text: nil)
        }
        if let refusal = choice.refusal, !refusal.isEmpty {
            return [outcome(.refusal, detail: refusal)]
        }
        if choice.finishReason == "content_filter" {
            return [outcome(.contentFilter, detail: "the provider's content filter stopped the response")]
        }
        var results: [ResponseOutcome] = []
        if choice.finishReason == "length" {
            var truncated = outcome(.truncated, detail: "finish_reason is \"length\": the output was cut off at the token limit")
            truncated.text = choice.content ?? choice.toolCalls.first?.arguments
            truncated.toolCall = choice.content == nil ? choice.toolCalls.first?.name : nil
            results.append(truncated)
            return results
        }
        if let content = choice.content, !content.isEmpty || choice.toolCalls.isEmpty {
            results.append(check(text: content, against: contentValidator, choice: choice.index, tool: nil))
        }
        for call in choice.toolCalls {
            results.append(check(text: call.arguments, against: toolValidators[call.name], choice: choice.index, tool: call.name))
        }
        if results.isEmpty { results.append(outcome(.empty, detail: "no content and no tool calls")) }
        return results
    }

    /// Parses `text` as JSON and validates it.
    public func check(text: String, against validator: Validator?, choice: Int, tool: String?) -> ResponseOutcome {
        let document: JSONDocument
        do {
            document = try JSONParser().parseDocument(text)
        } catch {
            return ResponseOutcome(choice: choice, toolCall: tool, kind: .invalidJSON, parseError: error, violations: [], detail: nil, text: text)
        }
        guard let validator else {
            return ResponseOutcome(choice: choice, toolCall: tool, kind: .valid, parseError: nil, violations: [], detail: nil, text: text)
        }
        if validator.isValid(document) {
            return ResponseOutcome(choice: choice, toolCall: tool, kind: .valid, parseError: nil, violations: [], detail: nil, text: text)
        }
        let result = validator.validate(document)
        return ResponseOutcome(choice: choice, toolCall: tool, kind: .schemaViolation, parseError: nil, violations: result.errors, detail: nil, text: text)
    }
}
