import SchemataJSON

/// A schema that cannot be compiled, with every problem found and where.
public struct SchemaCompileError: Error, Sendable, CustomStringConvertible {
    /// One problem.
    public struct Problem: Sendable, Hashable, CustomStringConvertible {
        /// Where in the schema (absolute URI with a JSON Pointer fragment).
        public var location: String
        /// The JSON Pointer within the schema document.
        public var pointer: JSONPointer
        /// What is wrong.
        public var message: String

        public var description: String { "\(pointer.isRoot ? "(root)" : pointer.description): \(message)" }

        public init(location: String, pointer: JSONPointer, message: String) {
            self.location = location
            self.pointer = pointer
            self.message = message
        }
    }

    /// Everything that is wrong.
    public var problems: [Problem]

    public init(problems: [Problem]) {
        self.problems = problems
    }

    public var description: String {
        "invalid schema:\n" + problems.map { "  " + $0.description }.joined(separator: "\n")
    }
}
