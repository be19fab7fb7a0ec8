extension JSONValue {
    /// Sets (or, with `nil`, removes) the value at `pointer`, in place.
    ///
    /// A new object member is appended; the array token `-` appends an
    /// element; an existing member keeps its position. Returns `false`, and
    /// changes nothing, when the pointer's parent does not exist or is not a
    /// container (so edits planned on an older version of a value can be
    /// skipped safely).
    @discardableResult
    public mutating func set(_ newValue: JSONValue?, at pointer: JSONPointer) -> Bool {
        guard !pointer.tokens.isEmpty else {
            guard let newValue else { return false }
            self = newValue
            return true
        }
        return set(newValue, tokens: pointer.tokens[...])
    }

    private mutating func set(_ newValue: JSONValue?, tokens: ArraySlice<String>) -> Bool {
        let token = tokens[tokens.startIndex]
        let rest = tokens.dropFirst()
        switch self {
        case .object(var object):
            // Take the storage out of `self` so that it stays uniquely referenced.
            self = .null
            defer { self = .object(object) }
            if rest.isEmpty {
                if newValue == nil, !object.contains(token) { return false }
                object[token] = newValue
                return true
            }
            guard var child = object[token] else { return false }
            object[token] = .null
            defer { object[token] = child }
            return child.set(newValue, tokens: rest)
        case .array(var elements):
            self = .null
            defer { self = .array(elements) }
            if rest.isEmpty, token == "-" {
                guard let newValue else { return false }
                elements.append(newValue)
                return true
            }
            guard let index = JSONPointer.arrayIndex(token), index < elements.count else { return false }
            if rest.isEmpty {
                if let newValue { elements[index] = newValue } else { elements.remove(at: index) }
                return true
            }
            var child = elements[index]
            elements[index] = .null
            defer { elements[index] = child }
            return child.set(newValue, tokens: rest)
        default:
            return false
        }
    }
}

extension JSONObject {
    /// Renames a member in place, keeping its position. Returns `false` when
    /// there is no member `oldName` or a member `newName` already exists.
    @discardableResult
    public mutating func renameMember(_ oldName: String, to newName: String) -> Bool {
        guard contains(oldName), !contains(newName) else { return false }
        var members = Array(self)
        for index in members.indices where JSONKey.exactlyEqual(members[index].key, oldName) {
            members[index].key = newName
        }
        self = JSONObject(members.map { ($0.key, $0.value) })
        return true
    }
}
