import SchemataJSON
import SchemataValidator

/// Keywords that validators skip where they stand: `then` without `if`,
/// `maxContains` without `contains`, `additionalItems` beside a schema-form
/// `items`, keywords of another draft (`$recursiveRef` outside 2019-09,
/// `prefixItems` before 2020-12, `$id` in draft 4 …).
struct IgnoredKeywordRule: LintRule {
    let descriptor = RuleDescriptor(
        id: "ignored-keyword", severity: .warning,
        summary: "A keyword that has no effect where it stands (missing partner keyword, or a keyword of another draft).",
        fix: .safe)

    func check(_ schema: SchemaNode, in context: LintContext, into findings: inout [LintDiagnostic]) {
        let draft = schema.draft
        func ignored(_ keyword: String, _ reason: String, removable: Bool = true) {
            let fix = removable && !context.isReferenced(within: schema.at(keyword))
                ? LintFix(safety: .safe, summary: "remove \(Wording.code(keyword))", edits: [.remove(schema.at(keyword))]) : nil
            findings.append(finding("\(Wording.code(keyword)) is ignored: \(reason)", at: schema.at(keyword), key: true, fix: fix))
        }
        if draft >= .draft7 {
            if schema["if"] == nil {
                for keyword in ["then", "else"] where schema[keyword] != nil { ignored(keyword, "there is no `if` beside it") }
            } else if schema["then"] == nil, schema["else"] == nil {
                ignored("if", "there is neither `then` nor `else` beside it")
            }
        }
        if draft >= .draft2019_09, schema["contains"] == nil {
            for keyword in ["minContains", "maxContains"] where schema[keyword] != nil {
                ignored(keyword, "there is no `contains` beside it")
            }
        }
        if draft <= .draft2019_09, schema["additionalItems"] != nil, schema["items"]?.kind != .array {
            ignored("additionalItems", schema["items"] == nil
                ? "it only applies after an array-form `items`, and there is no `items`"
                : "`items` is a single schema that already applies to every element")
        }
        let known = KnownKeywords.keywords(of: draft)
        for (keyword, _) in schema.object where !known.contains(keyword) {
            let drafts = KnownKeywords.drafts(defining: keyword)
            guard let newest = drafts.last else { continue }  // unknown-keyword's business
            if draft >= .draft2019_09, keyword == "definitions" || keyword == "dependencies" { continue }  // deprecated-keyword
            let where_ = drafts.count == 1 ? "only \(newest)" : "\(drafts.first!)–\(newest)"
            var reason = "this schema follows \(draft), and \(Wording.code(keyword)) belongs to \(where_)"
            switch keyword {
            case "id" where draft >= .draft6: reason += "; use `$id`"
            case "$id" where draft == .draft4: reason += "; draft 4 uses `id`"
            case "additionalItems" where draft >= .draft2020_12: reason += "; use `items` after `prefixItems`"
            case "$recursiveRef", "$recursiveAnchor": reason += draft >= .draft2020_12 ? "; use `$dynamicRef`/`$dynamicAnchor`" : ""
            case "$dynamicRef", "$dynamicAnchor": reason += draft == .draft2019_09 ? "; use `$recursiveRef`/`$recursiveAnchor`" : ""
            default: break
            }
            // A keyword of another draft may hold subschemas that references point into.
            ignored(keyword, reason, removable: false)
        }
    }
}
