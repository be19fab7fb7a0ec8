/// The character classes ECMA-262 defines, and Unicode property classes.
extension ScalarSet {
    /// `\d`: ASCII digits only.
    static let digits = ScalarSet([0x30...0x39])
    /// `\w`: ASCII letters, digits and underscore only.
    static let word = ScalarSet([0x30...0x39, 0x41...0x5A, 0x5F...0x5F, 0x61...0x7A])
    /// `\s`: ECMA-262 WhiteSpace and LineTerminator.
    static let whitespace = ScalarSet([
        0x09...0x0D, 0x20...0x20, 0xA0...0xA0, 0x1680...0x1680, 0x2000...0x200A, 0x2028...0x2029,
        0x202F...0x202F, 0x205F...0x205F, 0x3000...0x3000, 0xFEFF...0xFEFF,
    ])
    /// `.`: everything but line terminators.
    static let dot = ScalarSet([0x0A...0x0A, 0x0D...0x0D, 0x2028...0x2029]).inverted()

    /// The set for a `\p{…}` body, or `nil` if the property is unknown.
    /// Supports General_Category values (short and long names, with or
    /// without `General_Category=` / `gc=`), binary properties the standard
    /// library exposes, and `Script=` / `sc=` / `scx=` for common scripts.
    static func property(_ text: String) -> ScalarSet? {
        var name = text
        var key: String?
        if let equals = text.firstIndex(of: "=") {
            key = String(text[..<equals])
            name = String(text[text.index(after: equals)...])
        }
        let cacheKey = UnicodeProperties.loose(name)
        switch key {
        case nil:
            if let categories = UnicodeProperties.generalCategories(named: name) {
                return UnicodeProperties.set(cacheKey: "gc=" + cacheKey) { categories.contains($0.properties.generalCategory) }
            }
            if let binary = UnicodeProperties.binary(named: name) {
                return UnicodeProperties.set(cacheKey: "binary=" + cacheKey, binary)
            }
            // Other binary properties (Emoji_Modifier, Regional_Indicator …)
            // from the ICU data in the toolchain's Foundation.
            return UnicodeProperties.icuSet(name)
        case "General_Category", "gc":
            guard let categories = UnicodeProperties.generalCategories(named: name) else { return nil }
            return UnicodeProperties.set(cacheKey: "gc=" + cacheKey) { categories.contains($0.properties.generalCategory) }
        case "Script", "sc":
            return UnicodeProperties.script(named: name, extensions: false)
        case "Script_Extensions", "scx":
            return UnicodeProperties.script(named: name, extensions: true)
        default:
            return nil
        }
    }
}
