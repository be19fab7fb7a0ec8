/// The meta-schemas Schemata ships (see `Schemas/meta/`).
enum MetaSchemas {
    /// The top-level meta-schema text for a draft.
    static func text(for draft: Draft) -> String? {
        let uri = draft.metaSchemaURI.hasSuffix("#") ? String(draft.metaSchemaURI.dropLast()) : draft.metaSchemaURI
        return embedded.first { $0.uri == uri || $0.uri == uri + "#" }?.text
    }
}
