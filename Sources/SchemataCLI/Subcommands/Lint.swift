import ArgumentParser
import SchemataJSON
import SchemataLint
import SchemataValidator

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension SchemataCommand {
    /// `schemata lint SCHEMA_OR_DIR…`
    public struct Lint: ParsableCommand {
        public static let configuration = CommandConfiguration(
            abstract: "Lint JSON Schemas: hygiene rules, and provider compatibility with --profile.",
            discussion: """
                Directories are searched for .json files. Findings print as \
                'file:line:col: severity: message [rule-id] at /pointer'. \
                --fix applies safe fixes (and, with --profile, the provider's transformations; \
                add --unsafe-fixes for every other fix) and reports what it changed and what is left. \
                Exit codes: 0 no errors, 1 errors found, 2 usage or unreadable input.
                """
        )

        @Argument(help: "Schema files or directories ('-' for standard input).")
        var inputs: [String] = []

        @Option(help: ArgumentHelp("Lint for a provider: \(ProviderProfile.builtIn.keys.sorted().joined(separator: ", ")).", valueName: "PROFILE"))
        var profile: String?

        @Flag(help: "Rewrite each schema in place with the available fixes.")
        var fix = false

        @Flag(name: .customLong("unsafe-fixes"), help: "With --fix, also apply fixes that change what the schema accepts.")
        var unsafeFixes = false

        @Option(help: "With --fix and one schema, write the fixed schema here instead of in place ('-' for standard output).")
        var output: String?

        @Option(help: "Report format: text, json or sarif.")
        var format: LintReport.Format = .text

        @Option(help: ArgumentHelp("Run only these rules (comma-separated; repeatable).", valueName: "RULES"))
        var only: [String] = []

        @Option(help: ArgumentHelp("Skip these rules (comma-separated; repeatable).", valueName: "RULES"))
        var exclude: [String] = []

        @Flag(name: .customLong("list-rules"), help: "List the rules and exit.")
        var listRules = false

        @Option(name: .customLong("registry"), help: ArgumentHelp("Map a URI prefix to a local directory for $ref (PREFIX=DIR; repeatable).", valueName: "PREFIX=DIR"))
        var registryMappings: [String] = []

        @Option(name: .customLong("default-dialect"), help: "The meta-schema URI for schemas without $schema (default: 2020-12).")
        var defaultDialect: String?

        public init() {}

        public func validate() throws {
            if !listRules, inputs.isEmpty { throw ValidationError("no schemas to lint (name files or directories, or '-' for standard input)") }
            if let profile, ProviderProfile.builtIn[profile] == nil {
                throw ValidationError("unknown profile '\(profile)' (one of: \(ProviderProfile.builtIn.keys.sorted().joined(separator: ", ")))")
            }
            let known = Set(Linter.rules.map(\.id))
            for id in ruleList(only) + ruleList(exclude) where !known.contains(id) {
                let hint = closestRule(to: id, in: known).map { "; did you mean '\($0)'?" } ?? ""
                throw ValidationError("unknown rule '\(id)'\(hint) (see --list-rules)")
            }
            if output != nil, !fix { throw ValidationError("--output needs --fix") }
            if unsafeFixes, !fix { throw ValidationError("--unsafe-fixes needs --fix") }
            if output != nil, inputs.count != 1 { throw ValidationError("--output needs exactly one schema") }
            for mapping in registryMappings where !mapping.contains("=") {
                throw ValidationError("--registry takes PREFIX=DIR, got '\(mapping)'")
            }
            if let defaultDialect, Draft(metaSchemaURI: defaultDialect) == nil {
                throw ValidationError("unknown --default-dialect '\(defaultDialect)' (use a draft 4, 6, 7, 2019-09 or 2020-12 meta-schema URI)")
            }
        }

        public func run() throws {
            if listRules {
                printRules()
                return
            }
            let linter = Linter(options: makeOptions())
            var files: [LintedFile] = []
            for path in try expandInputs() {
                files.append(lint(path, linter))
            }
            switch format {
            case .text:
                StandardStreams.writeOutput(LintReport.text(files))
                if fix { StandardStreams.writeOutput(fixSummary(files)) }
            case .json:
                StandardStreams.writeOutput(JSONSerializer(style: .pretty).string(from: LintReport.json(files)) + "\n")
            case .sarif:
                let sarif = LintReport.sarif(files, rules: Linter.rules, version: SchemataVersion.current)
                StandardStreams.writeOutput(JSONSerializer(style: .pretty).string(from: sarif) + "\n")
            }
            if files.contains(where: { $0.failure != nil }) { throw CommandFailure(exitCode: CommandFailure.usageExitCode, message: nil) }
            if files.contains(where: { $0.count(.error) > 0 }) { throw CommandFailure.checkFailed }
        }

        private func makeOptions() -> LintOptions {
            var options = LintOptions()
            options.profile = profile.flatMap { ProviderProfile.builtIn[$0] }
            let onlyRules = ruleList(only)
            if !onlyRules.isEmpty { options.only = Set(onlyRules) }
            options.exclude = Set(ruleList(exclude))
            options.appliesUnsafeFixes = unsafeFixes
            if let defaultDialect, let draft = Draft(metaSchemaURI: defaultDialect) { options.defaultDraft = draft }
            var registry = SchemaRegistry()
            for mapping in registryMappings {
                let parts = mapping.split(separator: "=", maxSplits: 1)
                registry.map(prefix: String(parts[0]), toDirectory: String(parts[1]))
            }
            // Files linted together (and their neighbours) refer to each other by path.
            registry.map(prefix: "file:///", toDirectory: "/")
            options.registry = registry
            return options
        }

        /// Lints (and with --fix, fixes) one file; never throws: problems
        /// reading it become the file's failure.
        private func lint(_ path: String, _ linter: Linter) -> LintedFile {
            let file: InputFile
            do {
                file = try InputFile.read(path)
            } catch {
                return LintedFile(path: path, diagnostics: [], sourceMap: nil, failure: "\(path): error: \(error.message ?? "cannot read")")
            }
            let parsed: ParsedJSON
            do {
                parsed = try JSONParser().parseWithSourceMap(file.bytes)
            } catch {
                return LintedFile(path: file.displayName, diagnostics: [], sourceMap: nil, failure: "\(error.inFile(file.displayName))")
            }
            let uri = fileURI(file)
            do {
                guard fix else {
                    return LintedFile(path: file.displayName, diagnostics: try linter.lint(parsed.value, uri: uri), sourceMap: parsed.sourceMap)
                }
                let result = try linter.fix(parsed.value, uri: uri)
                guard !result.applied.isEmpty else {
                    return LintedFile(path: file.displayName, diagnostics: result.remaining, sourceMap: parsed.sourceMap)
                }
                var serializer = JSONSerializer(style: .pretty)
                serializer.inlineScalarArrayWidth = 72
                let text = serializer.string(from: result.value) + "\n"
                let destination = output ?? path
                if destination == "-" {
                    StandardStreams.writeOutput(text)
                } else {
                    guard FileManager.default.createFile(atPath: destination, contents: Data(text.utf8)) else {
                        return LintedFile(path: file.displayName, diagnostics: result.remaining, sourceMap: nil, fixed: result.applied,
                                          failure: "\(destination): error: cannot write the fixed schema")
                    }
                }
                // Positions of what is left refer to the fixed text.
                let reparsed = try? JSONParser().parseWithSourceMap(text)
                let shownPath = destination == "-" ? file.displayName : destination
                return LintedFile(path: shownPath, diagnostics: result.remaining, sourceMap: reparsed?.sourceMap, fixed: result.applied)
            } catch {
                return LintedFile(path: file.displayName, diagnostics: [], sourceMap: nil, failure: "\(file.displayName): error: \(error)")
            }
        }

        private func fixSummary(_ files: [LintedFile]) -> String {
            var text = ""
            for file in files {
                for fixed in file.fixed {
                    text += "\(file.path): fixed [\(fixed.ruleID)] at \(fixed.pointer.isRoot ? "(root)" : fixed.pointer.description): \(fixed.fix?.summary ?? "")\n"
                }
            }
            let fixedCount = files.reduce(0) { $0 + $1.fixed.count }
            let left = files.reduce(0) { $0 + $1.diagnostics.count }
            let fixable = files.reduce(0) { $0 + $1.diagnostics.filter { $0.fix != nil }.count }
            text += "\(fixedCount) fixed, \(left) left"
            text += fixable > 0 ? " (\(fixable) with a fix that changes what the schema accepts: --unsafe-fixes)\n" : "\n"
            return text
        }

        private func printRules() {
            let linter = Linter(options: makeOptions())
            let enabled = Set(linter.enabledRuleIDs)
            if format == .text {
                let width = Linter.rules.map(\.id.count).max() ?? 0
                for rule in Linter.rules {
                    let fix = rule.fix.map { " (fix: \($0.rawValue))" } ?? ""
                    let scope = rule.needsProfile ? " [--profile]" : ""
                    let off = enabled.contains(rule.id) || rule.needsProfile ? "" : " [off]"
                    let padded = rule.id.padding(toLength: width, withPad: " ", startingAt: 0)
                    StandardStreams.writeOutput("\(padded)  \(rule.severity.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0))  \(rule.summary)\(fix)\(scope)\(off)\n")
                }
            } else {
                let rules: [JSONValue] = Linter.rules.map { rule in
                    ["id": .string(rule.id), "severity": .string(rule.severity.rawValue), "summary": .string(rule.summary),
                     "fix": rule.fix.map { .string($0.rawValue) } ?? .null, "profileOnly": .bool(rule.needsProfile),
                     "enabled": .bool(enabled.contains(rule.id))]
                }
                StandardStreams.writeOutput(JSONSerializer(style: .pretty).string(from: .array(rules)) + "\n")
            }
        }

        /// Files named, and the .json files under directories named (sorted).
        private func expandInputs() throws(CommandFailure) -> [String] {
            var result: [String] = []
            for input in inputs {
                if input != "-", isDirectory(input) {
                    guard let subpaths = try? FileManager.default.subpathsOfDirectory(atPath: input) else {
                        throw .usage("cannot read directory '\(input)'")
                    }
                    var found: [String] = []
                    for relative in subpaths {
                        if relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
                        if relative.hasSuffix(".json") { found.append(input.hasSuffix("/") ? input + relative : input + "/" + relative) }
                    }
                    if found.isEmpty { throw .usage("no .json files under '\(input)'") }
                    result += found.sorted()
                } else {
                    result.append(input)
                }
            }
            return result
        }

        private func isDirectory(_ path: String) -> Bool {
            var info = stat()
            return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
        }

        private func fileURI(_ file: InputFile) -> String {
            guard file.displayName != "<stdin>" else { return "urn:schemata:stdin" }
            let path = file.displayName.hasPrefix("/") ? file.displayName : FileManager.default.currentDirectoryPath + "/" + file.displayName
            return "file://" + path
        }

        private func ruleList(_ values: [String]) -> [String] {
            values.flatMap { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }.filter { !$0.isEmpty }
        }

        private func closestRule(to id: String, in known: Set<String>) -> String? {
            known.min { a, b in commonPrefix(a, id) > commonPrefix(b, id) }.flatMap { commonPrefix($0, id) >= 3 ? $0 : nil }
        }

        private func commonPrefix(_ a: String, _ b: String) -> Int {
            zip(a, b).prefix { $0 == $1 }.count
        }
    }
}

extension LintReport.Format: ExpressibleByArgument {}
