import SchemataJSON

/// What one LLM provider's structured-output mode accepts, read from
/// `Schemas/profiles/<id>.json` (embedded into the binary).
public struct ProviderProfile: Sendable {
    /// The `--profile` name (`openai-strict`, `anthropic-strict`, …).
    public var id: String
    /// A readable name.
    public var name: String
    /// Where the facts come from.
    public var source: String
    /// `error` when the provider rejects a schema with unsupported parts,
    /// `warning` when it silently ignores them.
    public var unsupportedSeverity: Severity
    /// Keywords the provider understands.
    public var supportedKeywords: Set<String>
    /// Keywords the provider takes under another name (`oneOf` → `anyOf`).
    public var keywordRewrites: [String: String]
    /// Formats the provider understands.
    public var supportedFormats: Set<String>
    /// Types the root schema may have (`nil`: any).
    public var rootTypes: Set<String>?
    /// Whether the root may be an `anyOf`.
    public var rootMayBeAnyOf: Bool
    /// Whether every property must be listed in `required`.
    public var requiresAllProperties: Bool
    /// Whether every object must say `additionalProperties: false`.
    public var requiresClosedObjects: Bool
    /// Whether `$ref` cycles (recursive schemas) are accepted.
    public var allowsRecursion: Bool
    /// Pattern restrictions.
    public var patterns: PatternRules
    /// Size limits (`nil`: none known).
    public var limits: Limits
    /// Keyword values the provider accepts, when restricted (`minItems`: 0 or 1).
    public var allowedKeywordValues: [String: [JSONValue]]
    /// Known mishandlings to flag.
    public var quirks: Set<Quirk>
    /// Generic rules that contradict the provider's advice, turned off under it.
    public var disabledRules: Set<String>

    /// What patterns the provider takes.
    public struct PatternRules: Sendable {
        /// Whether patterns must be anchored with `^…$` to mean what JSON Schema says.
        public var mustBeAnchored: Bool
        /// Whether backreferences and lookaround are rejected.
        public var mustBeRegular: Bool
        /// Whether `\b` and `\B` are rejected.
        public var rejectsWordBoundaries: Bool
    }

    /// Size limits, each `nil` when the provider documents none.
    public struct Limits: Sendable {
        /// Properties across the whole schema.
        public var totalProperties: Int?
        /// Levels of object/array nesting.
        public var nestingDepth: Int?
        /// Characters across property names, definition names, enum and const values.
        public var totalStringLength: Int?
        /// Enum values across the whole schema.
        public var totalEnumValues: Int?
        /// A string enum with more than this many values …
        public var largeStringEnumValues: Int?
        /// … may have at most this many characters in total.
        public var largeStringEnumCharacters: Int?
    }

    /// Provider behaviours worth a warning.
    public enum Quirk: String, Sendable, CaseIterable {
        /// `properties` beside `anyOf`/`oneOf` in the same schema is mishandled.
        case propertiesBesideUnion = "properties-beside-union"
        /// `prefixItems` is mishandled.
        case prefixItems = "prefix-items"
        /// Non-integer `minimum`/`maximum` bounds are mishandled.
        case nonIntegerBounds = "non-integer-bounds"
    }
}

extension ProviderProfile {
    /// Reads a profile document.
    public init(json: JSONValue) throws(ProfileError) {
        func strings(_ key: String) throws(ProfileError) -> Set<String> {
            guard let array = json[key]?.arrayValue else { throw ProfileError(message: "\(key) must be an array of strings") }
            return Set(array.compactMap(\.stringValue))
        }
        func integer(_ object: JSONValue?, _ key: String) -> Int? {
            object?[key]?.numberValue?.int64Value.map(Int.init)
        }
        guard let id = json["id"]?.stringValue, let name = json["name"]?.stringValue else {
            throw ProfileError(message: "a profile needs \"id\" and \"name\"")
        }
        self.id = id
        self.name = name
        source = json["source"]?.stringValue ?? ""
        guard let severity = Severity(rawValue: json["unsupportedSeverity"]?.stringValue ?? "error") else {
            throw ProfileError(message: "unsupportedSeverity must be a severity")
        }
        unsupportedSeverity = severity
        supportedKeywords = try strings("supportedKeywords")
        supportedFormats = try strings("supportedFormats")
        var rewrites: [String: String] = [:]
        for (from, to) in json["keywordRewrites"]?.objectValue ?? JSONObject() {
            if let to = to.stringValue { rewrites[from] = to }
        }
        keywordRewrites = rewrites
        let root = json["root"]
        rootTypes = root?["types"]?.arrayValue.map { Set($0.compactMap(\.stringValue)) }
        rootMayBeAnyOf = root?["mayBeAnyOf"]?.boolValue ?? true
        requiresAllProperties = json["requireAllProperties"]?.boolValue ?? false
        requiresClosedObjects = json["requireAdditionalPropertiesFalse"]?.boolValue ?? false
        allowsRecursion = json["allowRecursion"]?.boolValue ?? true
        let patternRules = json["patterns"]
        patterns = PatternRules(
            mustBeAnchored: patternRules?["mustBeAnchored"]?.boolValue ?? false,
            mustBeRegular: patternRules?["mustBeRegular"]?.boolValue ?? false,
            rejectsWordBoundaries: patternRules?["rejectWordBoundaries"]?.boolValue ?? false
        )
        let limitValues = json["limits"]
        limits = Limits(
            totalProperties: integer(limitValues, "totalProperties"),
            nestingDepth: integer(limitValues, "nestingDepth"),
            totalStringLength: integer(limitValues, "totalStringLength"),
            totalEnumValues: integer(limitValues, "totalEnumValues"),
            largeStringEnumValues: integer(limitValues?["largeStringEnum"], "values"),
            largeStringEnumCharacters: integer(limitValues?["largeStringEnum"], "characters")
        )
        var allowed: [String: [JSONValue]] = [:]
        for (keyword, values) in json["allowedKeywordValues"]?.objectValue ?? JSONObject() {
            allowed[keyword] = values.arrayValue ?? []
        }
        allowedKeywordValues = allowed
        var quirks: Set<Quirk> = []
        for name in json["quirks"]?.arrayValue ?? [] {
            guard let text = name.stringValue, let quirk = Quirk(rawValue: text) else {
                throw ProfileError(message: "unknown quirk \(name)")
            }
            quirks.insert(quirk)
        }
        self.quirks = quirks
        disabledRules = Set((json["disabledRules"]?.arrayValue ?? []).compactMap(\.stringValue))
    }

    /// The profiles that ship with Schemata, by id.
    public static let builtIn: [String: ProviderProfile] = {
        var result: [String: ProviderProfile] = [:]
        for (id, text) in EmbeddedProfiles.documents {
            guard let value = try? JSONParser().parse(text), let profile = try? ProviderProfile(json: value) else {
                preconditionFailure("embedded profile \(id) does not load; run scripts/embed-schemas.py")
            }
            result[profile.id] = profile
        }
        return result
    }()
}

/// A profile document that cannot be read.
public struct ProfileError: Error, Sendable, CustomStringConvertible {
    /// What is wrong.
    public var message: String
    public var description: String { "invalid profile: \(message)" }
}
