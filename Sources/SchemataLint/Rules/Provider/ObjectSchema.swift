import SchemataJSON

extension SchemaNode {
    /// Whether this subschema describes objects: `type` says object, or it
    /// has `properties` and no `type`.
    var describesObjects: Bool {
        if let types { return types.contains("object") }
        return self["properties"] != nil && self["$ref"] == nil
    }
}
