import SchemataJSON

extension LintContext {
    /// The active profile (provider rules only run with one).
    var activeProfile: ProviderProfile { profile! }
}

/// Edits that move keywords into the schema's `description`, so that the
/// model still reads the intent the provider will not enforce.
func moveIntoDescription(_ keywords: [String], of schema: SchemaNode) -> LintFix {
    var description = schema["description"]?.stringValue ?? ""
    var edits: [SchemaEdit] = []
    for keyword in keywords {
        let note = "\(keyword): \(Wording.show(schema[keyword] ?? .null, limit: 500))"
        description += description.isEmpty ? note : "\n" + note
        edits.append(.remove(schema.at(keyword)))
    }
    edits.append(.set(schema.at("description"), .string(description)))
    let names = keywords.map(Wording.code).joined(separator: ", ")
    return LintFix(safety: .semanticsChanging, summary: "move \(names) into `description`", edits: edits)
}

/// Moves one keyword into `description` (see ``moveIntoDescription(_:of:)``).
func moveIntoDescription(_ keyword: String, of schema: SchemaNode) -> LintFix {
    moveIntoDescription([keyword], of: schema)
}

/// What a provider does with something it does not support, in words.
func unsupportedVerb(_ profile: ProviderProfile) -> String {
    profile.unsupportedSeverity == .error ? "rejects" : "ignores"
}
