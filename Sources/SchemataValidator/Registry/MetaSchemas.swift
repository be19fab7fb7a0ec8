import SchemataJSON

/// The meta-schemas Schemata ships (see `Schemas/meta/`).
enum MetaSchemas {
    /// The top-level meta-schema text for a draft.
    static func text(for draft: Draft) -> String? {
        let uri = draft.metaSchemaURI.hasSuffix("#") ? String(draft.metaSchemaURI.dropLast()) : draft.metaSchemaURI
        return embedded.first { $0.uri == uri || $0.uri == uri + "#" }?.text
    }

    /// The embedded documents parsed, each under its normalized URI (no
    /// fragment, no trailing `#`). Parsed once per process: registries are
    /// values, and each compile would otherwise parse again every
    /// meta-schema its schema refers to.
    static let parsed: [(normalizedURI: String, uri: String, value: JSONValue)] = embedded.compactMap { entry in
        guard let value = try? JSONParser().parse(entry.text) else { return nil }
        var uri = URIReference(entry.uri)
        uri.fragment = nil
        var normalized = uri.description
        if normalized.hasSuffix("#") { normalized.removeLast() }
        return (normalized, entry.uri, value)
    }
}
