import SchemataJSON

extension LintContext {
    /// The active profile (provider rules only run with one).
    var activeProfile: ProviderProfile { profile! }
}

/// Edits that move a keyword into the schema's `description`, so that the
/// model still reads the intent the provider will not enforce.
func moveIntoDescription(_ keyword: String, of schema: SchemaNode) -> LintFix {
    let value = schema[keyword] ?? .null
    let note = "\(keyword): \(Wording.show(value, limit: 500))"
    var description = schema["description"]?.stringValue ?? ""
    description += description.isEmpty ? note : "\n" + note
    return LintFix(
        safety: .semanticsChanging, summary: "move \(Wording.code(keyword)) into `description`",
        edits: [.remove(schema.at(keyword)), .set(schema.at("description"), .string(description))])
}

/// What a provider does with something it does not support, in words.
func unsupportedVerb(_ profile: ProviderProfile) -> String {
    profile.unsupportedSeverity == .error ? "rejects" : "ignores"
}
