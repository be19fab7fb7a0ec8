import SchemataJSON

/// Where a schema resource starts: what turns a node's location into its
/// absolute URI (the resource's URI and the pointer within the resource).
struct ResourceOrigin: Sendable {
    var uri: String
    var location: SchemaLocation

    /// The absolute URI of a location inside this resource.
    func absoluteURI(of location: SchemaLocation) -> String {
        let tokens = location.pointer.tokens
        let root = self.location.pointer.tokens
        guard location.document == self.location.document, tokens.count >= root.count, tokens.starts(with: root) else {
            return uri + location.pointer.uriFragment
        }
        return uri + JSONPointer(tokens: Array(tokens[root.count...])).uriFragment
    }
}
