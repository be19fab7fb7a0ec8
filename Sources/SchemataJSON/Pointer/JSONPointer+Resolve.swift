extension JSONValue {
    /// The value `pointer` refers to, or `nil` if there is none.
    public subscript(pointer pointer: JSONPointer) -> JSONValue? {
        var current = self
        for token in pointer.tokens {
            switch current {
            case .object(let object):
                guard let next = object[token] else { return nil }
                current = next
            case .array(let elements):
                guard let index = JSONPointer.arrayIndex(token), index < elements.count else { return nil }
                current = elements[index]
            default:
                return nil
            }
        }
        return current
    }
}

extension JSONDocument {
    /// The node index `pointer` refers to, or `nil` if there is none.
    public func index(of pointer: JSONPointer) -> Int? {
        var current = rootIndex
        guard !nodes.isEmpty else { return nil }
        for token in pointer.tokens {
            switch nodes[current].kind {
            case .object:
                guard let next = member(token, of: current) else { return nil }
                current = next
            case .array:
                guard let position = JSONPointer.arrayIndex(token), let next = element(position, of: current) else {
                    return nil
                }
                current = next
            default:
                return nil
            }
        }
        return current
    }
}
