import SchemataJSON
import SchemataValidator
import Testing
@testable import SchemataResponses

@Suite struct ResponseCheckerTests {
    let schema: JSONValue = [
        "type": "object", "properties": ["answer": ["type": "integer"]], "required": ["answer"], "additionalProperties": false,
    ]

    func checker() throws -> ResponseChecker {
        ResponseChecker(contentValidator: try Validator(schema: schema))
    }

    func completion(content: String?, refusal: String? = nil, finish: String = "stop") -> String {
        var message: JSONObject = ["role": "assistant", "content": content.map(JSONValue.string) ?? .null]
        if let refusal { message["refusal"] = .string(refusal) }
        let value: JSONValue = [
            "id": "x", "object": "chat.completion", "created": 1, "model": "meta/llama-4-scout",
            "choices": [["index": 0, "message": .object(message), "finish_reason": .string(finish)]],
        ]
        return JSONSerializer().string(from: value)
    }

    func kinds(_ text: String) throws -> [ResponseOutcome.Kind] {
        let input = ResponseInput.detect(text)
        return try input.choices.flatMap { try checker().check($0) }.map(\.kind)
    }

    @Test func everyOutcome() throws {
        #expect(try kinds(completion(content: #"{"answer": 42}"#)) == [.valid])
        #expect(try kinds(completion(content: #"{"answer": "42"}"#)) == [.schemaViolation])
        #expect(try kinds(completion(content: #"{"answer": 4"#)) == [.invalidJSON])
        #expect(try kinds(completion(content: nil, refusal: "I can't help with that.")) == [.refusal])
        #expect(try kinds(completion(content: #"{"ans"#, finish: "length")) == [.truncated])
        #expect(try kinds(completion(content: "", finish: "content_filter")) == [.contentFilter])
        #expect(try kinds(#"{"answer": 7}"#) == [.valid])  // raw content
        #expect(try kinds("Sure! Here it is: {\"answer\": 7}") == [.invalidJSON])
    }

    @Test func detectsInputKinds() {
        #expect(ResponseInput.detect(completion(content: "{}")).kind == .completion)
        #expect(ResponseInput.detect("data: {\"choices\": []}\n\ndata: [DONE]\n").kind == .eventStream)
        #expect(ResponseInput.detect("{\"answer\": 1}").kind == .rawContent)
    }

    @Test func invalidJSONIsLocatedInTheContent() throws {
        let outcome = try checker().check(CompletionChoice(index: 0, content: "{\n  \"answer\": 4 2\n}"))
        #expect(outcome.first?.parseError?.location.line == 2)
        #expect(outcome.first?.parseError?.location.column == 15)
    }

    @Test func reassemblesStreamedContentAndToolCalls() throws {
        let transcript = """
            data: {"object":"chat.completion.chunk","choices":[{"index":0,"delta":{"role":"assistant","tool_calls":[{"index":0,"id":"call_1","type":"function","function":{"name":"get_weather","arguments":""}}]}}]}

            data: {"object":"chat.completion.chunk","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"{\\"city\\": "}}]}}]}

            data: {"object":"chat.completion.chunk","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"\\"Oslo\\"}"}}]},"finish_reason":"tool_calls"}]}

            data: {"object":"chat.completion.chunk","choices":null,"usage":{"total_tokens":12}}

            data: [DONE]

            """
        let choices = try ServerSentEvents.reassemble(transcript)
        #expect(choices.count == 1)
        #expect(choices[0].toolCalls.first?.name == "get_weather")
        #expect(choices[0].toolCalls.first?.arguments == #"{"city": "Oslo"}"#)
        #expect(choices[0].finishReason == "tool_calls")
        #expect(choices[0].content == nil)
    }

    @Test func brokenChunksAreReported() {
        #expect(throws: ServerSentEvents.ChunkError.self) { try ServerSentEvents.reassemble("data: {\"choices\": [\n") }
    }

    @Test func requestSuppliesContentAndToolSchemas() throws {
        let request: JSONValue = [
            "model": "meta/llama-4-scout", "messages": [["role": "user", "content": "hi"]],
            "response_format": ["type": "json_schema", "json_schema": ["name": "answer", "schema": schema]],
            "tools": [["type": "function", "function": ["name": "get_weather", "parameters": [
                "type": "object", "properties": ["city": ["type": "string"]], "required": ["city"],
            ]]]],
        ]
        let checker = try ResponseChecker(request: request)
        let good = CompletionChoice(index: 0, content: nil, toolCalls: [.init(id: "1", name: "get_weather", arguments: #"{"city": "Oslo"}"#)], finishReason: "tool_calls")
        #expect(checker.check(good).map(\.kind) == [.valid])
        let bad = CompletionChoice(index: 0, content: nil, toolCalls: [.init(id: "1", name: "get_weather", arguments: #"{"town": "Oslo"}"#)], finishReason: "tool_calls")
        let outcome = checker.check(bad)
        #expect(outcome.map(\.kind) == [.schemaViolation])
        #expect(outcome.first?.toolCall == "get_weather")
        #expect(checker.check(CompletionChoice(index: 0, content: #"{"answer": 1}"#)).map(\.kind) == [.valid])
    }

    @Test func choicesAreReportedSeparately() throws {
        let value: JSONValue = [
            "object": "chat.completion",
            "choices": [
                ["index": 0, "message": ["role": "assistant", "content": #"{"answer": 1}"#], "finish_reason": "stop"],
                ["index": 1, "message": ["role": "assistant", "content": #"{"answer": "x"}"#], "finish_reason": "stop"],
            ],
        ]
        let input = ResponseInput.detect(JSONSerializer().string(from: value))
        let outcomes = try input.choices.flatMap { try checker().check($0) }
        #expect(outcomes.map(\.choice) == [0, 1])
        #expect(outcomes.map(\.kind) == [.valid, .schemaViolation])
    }
}
