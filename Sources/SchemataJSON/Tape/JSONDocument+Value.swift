extension JSONDocument {
    /// The root as a ``JSONValue``.
    public var value: JSONValue { value(at: rootIndex) }

    /// Materialises the value at `index` (iteratively, so any depth is safe).
    public func value(at index: Int) -> JSONValue {
        TapeMaterializer(document: self).value(at: index, limit: nodes.count, openContainers: [])
    }
}

