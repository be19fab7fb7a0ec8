/// The vocabularies of drafts 2019-09 and 2020-12, which a meta-schema's
/// `$vocabulary` can switch on or off. Earlier drafts have every keyword on.
public struct VocabularySet: OptionSet, Sendable, Hashable {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    /// `$id`, `$ref`, `$defs`… (always on).
    public static let core = VocabularySet(rawValue: 1 << 0)
    /// `allOf`, `properties`, `items`….
    public static let applicator = VocabularySet(rawValue: 1 << 1)
    /// `unevaluatedProperties`, `unevaluatedItems`.
    public static let unevaluated = VocabularySet(rawValue: 1 << 2)
    /// `type`, `minimum`, `required`….
    public static let validation = VocabularySet(rawValue: 1 << 3)
    /// `title`, `default`, `examples`….
    public static let metaData = VocabularySet(rawValue: 1 << 4)
    /// `format` as an annotation.
    public static let formatAnnotation = VocabularySet(rawValue: 1 << 5)
    /// `format` as an assertion.
    public static let formatAssertion = VocabularySet(rawValue: 1 << 6)
    /// `contentEncoding`, `contentMediaType`, `contentSchema`.
    public static let content = VocabularySet(rawValue: 1 << 7)

    /// Everything a draft's own meta-schema turns on.
    public static let standard: VocabularySet = [
        .core, .applicator, .unevaluated, .validation, .metaData, .formatAnnotation, .content,
    ]

    /// The vocabulary a `$vocabulary` URI names, if known.
    static func named(_ uri: String) -> VocabularySet? {
        for prefix in ["https://json-schema.org/draft/2020-12/vocab/", "https://json-schema.org/draft/2019-09/vocab/"]
        where uri.hasPrefix(prefix) {
            switch uri.dropFirst(prefix.count) {
            case "core": return .core
            case "applicator":
                // 2019-09 keeps unevaluated* in the applicator vocabulary.
                return prefix.contains("2019-09") ? [.applicator, .unevaluated] : .applicator
            case "unevaluated": return .unevaluated
            case "validation": return .validation
            case "meta-data": return .metaData
            case "format-annotation", "format": return .formatAnnotation
            case "format-assertion": return .formatAssertion
            case "content": return .content
            default: return nil
            }
        }
        return nil
    }
}
