import SchemataJSON
import SchemataLint
import Testing

/// Lints `text` with only `rule` enabled and returns (pointer, line:col) of each finding.
func findings(of rule: String, in text: String, profile: String? = nil) throws -> [(pointer: String, at: String)] {
    let parsed = try JSONParser().parseWithSourceMap(text)
    var options = LintOptions()
    options.only = [rule]
    if let profile { options.profile = try #require(ProviderProfile.builtIn[profile]) }
    let diagnostics = try Linter(options: options).lint(parsed.value, uri: "file:///fixture.json")
    let file = LintedFile(path: "fixture.json", diagnostics: diagnostics, sourceMap: parsed.sourceMap)
    return file.sortedDiagnostics.map { diagnostic in
        let start = file.range(of: diagnostic)!.start
        return (diagnostic.pointer.description, "\(start.line):\(start.column)")
    }
}

@Suite struct RuleFixtureTests {
    @Test func everyRuleHasFixtures() {
        let covered = Set(ruleFixtures.map(\.rule))
        let missing = Linter.rules.map(\.id).filter { !covered.contains($0) }
        #expect(missing.isEmpty, "rules without fixtures: \(missing)")
        #expect(covered.count == ruleFixtures.count, "a rule has two fixture entries")
    }

    @Test(arguments: ruleFixtures)
    func positiveFixtureFindsExactly(_ fixture: RuleFixture) throws {
        let found = try findings(of: fixture.rule, in: fixture.positive, profile: fixture.profile)
        #expect(found.map(\.pointer) == fixture.expected.map(\.pointer))
        #expect(found.map(\.at) == fixture.expected.map(\.at))
    }

    @Test(arguments: ruleFixtures)
    func negativeFixtureFindsNothing(_ fixture: RuleFixture) throws {
        let found = try findings(of: fixture.rule, in: fixture.negative, profile: fixture.profile)
        #expect(found.isEmpty, "\(found)")
    }
}
