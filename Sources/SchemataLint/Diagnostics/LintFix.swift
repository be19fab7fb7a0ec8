import SchemataJSON

/// Whether applying a fix keeps what the schema accepts.
public enum FixSafety: String, Sendable, Hashable {
    /// The schema accepts exactly the same instances afterwards.
    case safe
    /// The schema accepts different instances afterwards (usually what the
    /// author meant, or what a provider requires).
    case semanticsChanging = "semantics-changing"
}

/// One change to a schema document.
public enum SchemaEdit: Sendable, Hashable {
    /// Sets the value at a pointer (adding an object member at the end, or
    /// appending to an array with the token `-`).
    case set(JSONPointer, JSONValue)
    /// Removes the value at a pointer.
    case remove(JSONPointer)
    /// Renames an object member in place.
    case rename(JSONPointer, to: String)

    /// The location the edit changes.
    public var pointer: JSONPointer {
        switch self {
        case .set(let pointer, _), .remove(let pointer), .rename(let pointer, _): return pointer
        }
    }

    /// Whether the edit's target (or, for a set, its container) exists.
    func canApply(to value: JSONValue) -> Bool {
        switch self {
        case .set(let pointer, _):
            guard let parent = pointer.parent else { return true }
            guard let container = value[pointer: parent] else { return false }
            if case .array(let elements) = container, let last = pointer.tokens.last, last != "-" {
                return JSONPointer.arrayIndex(last).map { $0 < elements.count } ?? false
            }
            return container.kind == .object || container.kind == .array
        case .remove(let pointer):
            return value[pointer: pointer] != nil && !pointer.isRoot
        case .rename(let pointer, let newName):
            guard let parent = pointer.parent, case .object(let object)? = value[pointer: parent],
                let oldName = pointer.tokens.last
            else { return false }
            return object.contains(oldName) && !object.contains(newName)
        }
    }

    /// Applies the edit; `false` when its target no longer exists.
    func apply(to value: inout JSONValue) -> Bool {
        switch self {
        case .set(let pointer, let newValue):
            return value.set(newValue, at: pointer)
        case .remove(let pointer):
            return value.set(nil, at: pointer)
        case .rename(let pointer, let newName):
            guard let parent = pointer.parent, let oldName = pointer.tokens.last,
                case .object(var object)? = value[pointer: parent], object.renameMember(oldName, to: newName)
            else { return false }
            return value.set(.object(object), at: parent)
        }
    }
}

/// A fix for one finding: what it does, whether it is safe, and the edits.
public struct LintFix: Sendable, Hashable {
    /// Whether the fix keeps the schema's meaning.
    public var safety: FixSafety
    /// What the fix does, for a person ("replace the one-value enum with const").
    public var summary: String
    /// The edits, applied in order.
    public var edits: [SchemaEdit]

    public init(safety: FixSafety, summary: String, edits: [SchemaEdit]) {
        self.safety = safety
        self.summary = summary
        self.edits = edits
    }

    /// The subtree the fix touches: the longest common prefix of its edits.
    var scope: JSONPointer {
        guard var tokens = edits.first?.pointer.tokens else { return .root }
        for edit in edits.dropFirst() {
            let other = edit.pointer.tokens
            var common = 0
            while common < tokens.count, common < other.count, tokens[common] == other[common] { common += 1 }
            tokens = Array(tokens.prefix(common))
        }
        // An edit changes its target's parent container too.
        if edits.contains(where: { $0.pointer.tokens.count == tokens.count }), !tokens.isEmpty { tokens.removeLast() }
        return JSONPointer(tokens: tokens)
    }
}
