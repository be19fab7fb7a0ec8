import SchemataJSON
import SchemataLint
import Testing

@Suite struct ProfileTests {
    static let profilesDirectory = URLPath.repository + "/Schemas/profiles"

    @Test func theFiveProfilesShip() {
        #expect(Set(ProviderProfile.builtIn.keys) == ["openai-strict", "anthropic-strict", "gemini", "llamacpp", "compilelabs"])
    }

    @Test(arguments: ["openai-strict", "anthropic-strict", "gemini", "llamacpp", "compilelabs"])
    func embeddedProfileMatchesItsFile(_ id: String) throws {
        let bytes = try JSONParser.readBytes(atPath: "\(ProfileTests.profilesDirectory)/\(id).json")
        let fromFile = try ProviderProfile(json: try JSONParser().parse(bytes))
        let embedded = try #require(ProviderProfile.builtIn[id])
        #expect(fromFile.supportedKeywords == embedded.supportedKeywords, "run scripts/embed-schemas.py")
        #expect(fromFile.supportedFormats == embedded.supportedFormats)
        #expect(fromFile.disabledRules == embedded.disabledRules)
    }

    @Test func openAIStrictFacts() throws {
        let profile = try #require(ProviderProfile.builtIn["openai-strict"])
        #expect(profile.supportedFormats.count == 9)
        #expect(profile.limits.totalProperties == 5000)
        #expect(profile.limits.nestingDepth == 10)
        #expect(profile.limits.totalStringLength == 120_000)
        #expect(profile.limits.totalEnumValues == 1000)
        #expect(profile.limits.largeStringEnumValues == 250)
        #expect(profile.limits.largeStringEnumCharacters == 15_000)
        for keyword in ["allOf", "not", "if", "then", "else", "dependentRequired", "dependentSchemas"] {
            #expect(!profile.supportedKeywords.contains(keyword))
        }
    }

    @Test func aProfileTurnsOffRulesItContradicts() throws {
        var options = LintOptions()
        options.profile = ProviderProfile.builtIn["openai-strict"]
        let ids = Linter(options: options).enabledRuleIDs
        #expect(!ids.contains("redundant-type"))
        #expect(ids.contains("profile-optional-property"))
        #expect(!Linter().enabledRuleIDs.contains("profile-optional-property"))
    }

    @Test func largeStringEnumLimit() throws {
        let values = (0..<300).map { JSONValue.string(String(repeating: "v", count: 50) + "\($0)") }
        let schema: JSONValue = ["type": "object", "properties": ["e": ["type": "string", "enum": .array(values)]], "required": ["e"], "additionalProperties": false]
        var options = LintOptions()
        options.profile = ProviderProfile.builtIn["openai-strict"]
        options.only = ["profile-limits"]
        let findings = try Linter(options: options).lint(schema, uri: "file:///e.json")
        #expect(findings.map(\.pointer.description) == ["/properties/e/enum"])
    }

    @Test func unknownQuirkIsAnError() throws {
        #expect(throws: ProfileError.self) {
            try ProviderProfile(json: ["id": "x", "name": "x", "supportedKeywords": [], "supportedFormats": [], "quirks": ["nope"]])
        }
    }
}

/// Paths in this repository, found from this file's location.
enum URLPath {
    static let repository: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)  // Tests/SchemataLintTests/ProfileTests.swift
        return parts.joined(separator: "/")
    }()
}
