import SchemataJSON

/// One reason an instance is invalid, in the terms of the JSON Schema
/// output formats.
public struct ValidationError: Sendable, Hashable, CustomStringConvertible {
    /// Where in the instance.
    public var instanceLocation: JSONPointer
    /// The keyword's path through the schema, following references.
    public var keywordLocation: JSONPointer
    /// The keyword's absolute location: the schema resource URI and a JSON
    /// Pointer fragment.
    public var absoluteKeywordLocation: String
    /// What is wrong, in words.
    public var message: String

    public init(instanceLocation: JSONPointer, keywordLocation: JSONPointer, absoluteKeywordLocation: String, message: String) {
        self.instanceLocation = instanceLocation
        self.keywordLocation = keywordLocation
        self.absoluteKeywordLocation = absoluteKeywordLocation
        self.message = message
    }

    /// `message at /pointer`.
    public var description: String {
        "\(message) at \(instanceLocation.isRoot ? "the root" : instanceLocation.description)"
    }
}
