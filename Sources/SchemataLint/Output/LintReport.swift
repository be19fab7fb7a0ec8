import SchemataJSON

/// Renders lint results: `text` (one line per finding, compiler style),
/// `json`, or `sarif` (SARIF 2.1.0, for code-scanning tools).
public enum LintReport {
    /// The output formats of `schemata lint --format`.
    public enum Format: String, Sendable, CaseIterable {
        case text, json, sarif
    }

    /// `file:line:col: severity: message [rule-id] at /pointer`, one line
    /// per finding, then a summary line.
    public static func text(_ files: [LintedFile]) -> String {
        var out = ""
        var totals: [Severity: Int] = [:]
        for file in files {
            if let failure = file.failure { out += "\(failure)\n" }
            for diagnostic in file.sortedDiagnostics {
                let position = file.range(of: diagnostic).map { "\($0.start.line):\($0.start.column)" } ?? "1:1"
                out += "\(file.path):\(position): \(diagnostic.severity.rawValue): \(diagnostic.message) [\(diagnostic.ruleID)] at \(show(diagnostic.pointer))\n"
                totals[diagnostic.severity, default: 0] += 1
            }
        }
        let parts = Severity.allCases.compactMap { severity in
            totals[severity].map { "\($0) \(severity.rawValue)\($0 == 1 ? "" : "s")" }
        }
        let fileCount = files.count == 1 ? "1 file" : "\(files.count) files"
        out += parts.isEmpty ? "\(fileCount) linted: no problems\n" : "\(fileCount) linted: \(parts.joined(separator: ", "))\n"
        return out
    }

    /// One JSON document: every file with its findings, positions, fixes.
    public static func json(_ files: [LintedFile]) -> JSONValue {
        var entries: [JSONValue] = []
        for file in files {
            var entry: JSONObject = ["path": .string(file.path)]
            if let failure = file.failure { entry["error"] = .string(failure) }
            entry["diagnostics"] = .array(file.sortedDiagnostics.map { diagnosticJSON($0, file) })
            if !file.fixed.isEmpty {
                entry["fixed"] = .array(file.fixed.map { fixed in
                    ["ruleId": .string(fixed.ruleID), "pointer": .string(fixed.pointer.description), "message": .string(fixed.message),
                     "fix": .string(fixed.fix?.summary ?? ""), "safety": .string(fixed.fix?.safety.rawValue ?? "")]
                })
            }
            entries.append(.object(entry))
        }
        var summary: JSONObject = [:]
        for severity in Severity.allCases {
            summary[severity.rawValue + "s"] = .number(JSONNumber(files.reduce(0) { $0 + $1.count(severity) }))
        }
        return ["files": .array(entries), "summary": .object(summary)]
    }

    private static func diagnosticJSON(_ diagnostic: LintDiagnostic, _ file: LintedFile) -> JSONValue {
        var object: JSONObject = [
            "ruleId": .string(diagnostic.ruleID),
            "severity": .string(diagnostic.severity.rawValue),
            "message": .string(diagnostic.message),
            "pointer": .string(diagnostic.pointer.description),
        ]
        if let range = file.range(of: diagnostic) {
            object["line"] = .number(JSONNumber(range.start.line))
            object["column"] = .number(JSONNumber(range.start.column))
            object["endLine"] = .number(JSONNumber(range.end.line))
            object["endColumn"] = .number(JSONNumber(range.end.column))
        }
        if let fix = diagnostic.fix {
            object["fix"] = ["summary": .string(fix.summary), "safety": .string(fix.safety.rawValue)]
        }
        return .object(object)
    }

    /// A SARIF 2.1.0 log with one run.
    public static func sarif(_ files: [LintedFile], rules: [RuleDescriptor], version: String) -> JSONValue {
        var ruleIndex: [String: Int] = [:]
        for (index, rule) in rules.enumerated() { ruleIndex[rule.id] = index }
        let ruleObjects: [JSONValue] = rules.map { rule in
            ["id": .string(rule.id), "shortDescription": ["text": .string(rule.summary)],
             "defaultConfiguration": ["level": .string(level(rule.severity))]]
        }
        var results: [JSONValue] = []
        for file in files {
            for diagnostic in file.sortedDiagnostics {
                var region: JSONObject = [:]
                if let range = file.range(of: diagnostic) {
                    region = ["startLine": .number(JSONNumber(range.start.line)), "startColumn": .number(JSONNumber(range.start.column)),
                              "endLine": .number(JSONNumber(range.end.line)), "endColumn": .number(JSONNumber(range.end.column))]
                }
                var result: JSONObject = [
                    "ruleId": .string(diagnostic.ruleID),
                    "level": .string(level(diagnostic.severity)),
                    "message": ["text": .string(diagnostic.message)],
                    "locations": [[
                        "physicalLocation": ["artifactLocation": ["uri": .string(file.path)], "region": .object(region)],
                        "logicalLocations": [["fullyQualifiedName": .string(diagnostic.pointer.description), "kind": "member"]],
                    ]],
                ]
                if let index = ruleIndex[diagnostic.ruleID] { result["ruleIndex"] = .number(JSONNumber(index)) }
                results.append(.object(result))
            }
        }
        let driver: JSONValue = [
            "name": "schemata", "version": .string(version), "rules": .array(ruleObjects),
        ]
        return [
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [["tool": ["driver": driver], "results": .array(results)]],
        ]
    }

    /// SARIF levels: error, warning, note.
    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: return "error"
        case .warning: return "warning"
        case .info, .hint: return "note"
        }
    }

    static func show(_ pointer: JSONPointer) -> String {
        pointer.isRoot ? "(root)" : pointer.description
    }
}
