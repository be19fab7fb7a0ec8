import SchemataJSON
import SchemataValidator

/// Keywords no draft defines are ignored by validators: usually a typo.
struct UnknownKeywordRule: LintRule {
    let descriptor = RuleDescriptor(
        id: "unknown-keyword", severity: .warning,
        summary: "A keyword that no JSON Schema draft defines is ignored (usually a typo; `x-` extensions are exempt).",
        fix: .semanticsChanging)

    func check(_ schema: SchemaNode, in context: LintContext, into findings: inout [LintDiagnostic]) {
        for (keyword, value) in schema.object {
            guard !KnownKeywords.all.contains(keyword), !keyword.hasPrefix("x-") else { continue }
            if let profile = context.profile, profile.supportedKeywords.contains(keyword) { continue }
            let pointer = schema.at(keyword)
            switch keyword {
            case "nullable":
                // OpenAPI 3.0's spelling of "or null".
                var fix: LintFix?
                if value == .bool(true) {
                    fix = nullFix(schema)
                } else if value == .bool(false) {
                    fix = LintFix(safety: .safe, summary: "remove `nullable: false`", edits: [.remove(pointer)])
                }
                findings.append(finding(
                    "`nullable` is OpenAPI 3.0, not JSON Schema, and is ignored: allow null with \"type\": [..., \"null\"]",
                    at: pointer, key: true, fix: fix))
            case "example":
                findings.append(finding(
                    "`example` is OpenAPI, not JSON Schema: use `examples` (an array)", at: pointer, key: true,
                    fix: schema["examples"] == nil
                        ? LintFix(safety: .safe, summary: "replace `example` with `examples`", edits: [.remove(pointer), .set(schema.at("examples"), [value])])
                        : nil))
            default:
                let known = KnownKeywords.keywords(of: schema.draft)
                if let suggestion = Wording.closest(to: keyword, in: known), schema[suggestion] == nil {
                    findings.append(finding(
                        "unknown keyword \(Wording.code(keyword)) is ignored; did you mean \(Wording.code(suggestion))?", at: pointer, key: true,
                        fix: LintFix(safety: .semanticsChanging, summary: "rename \(Wording.code(keyword)) to \(Wording.code(suggestion))", edits: [.rename(pointer, to: suggestion)])))
                } else {
                    findings.append(finding("unknown keyword \(Wording.code(keyword)) is ignored by validators", at: pointer, key: true))
                }
            }
        }
    }

    /// Removes `nullable: true` and adds `null` to `type` (and `enum`).
    private func nullFix(_ schema: SchemaNode) -> LintFix? {
        var edits: [SchemaEdit] = [.remove(schema.at("nullable"))]
        switch schema["type"] {
        case .string(let name)?:
            if name != "null" { edits.append(.set(schema.at("type"), [.string(name), "null"])) }
        case .array(let names)?:
            if !names.contains("null") { edits.append(.set(schema.at("type").appending("-"), "null")) }
        case nil:
            return nil
        default:
            return nil
        }
        if case .array(let values)? = schema["enum"], !values.contains(.null) {
            edits.append(.set(schema.at("enum").appending("-"), .null))
        }
        return LintFix(safety: .semanticsChanging, summary: "replace `nullable: true` with \"null\" in `type`", edits: edits)
    }
}
