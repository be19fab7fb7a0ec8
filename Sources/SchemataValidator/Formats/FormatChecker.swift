import SchemataRegex

/// Checks for the `format` values JSON Schema defines, each to its RFC.
public enum FormatChecker {
    /// Every format name Schemata checks.
    public static let knownFormats: [String] = [
        "date-time", "date", "time", "duration", "email", "idn-email", "hostname", "idn-hostname", "ipv4", "ipv6",
        "uri", "uri-reference", "iri", "iri-reference", "uri-template", "uuid", "json-pointer",
        "relative-json-pointer", "regex",
    ]

    /// The format names a draft defines (drafts 4–7 added them over time;
    /// a format of a later draft is unknown to an earlier one).
    public static func formats(definedBy draft: Draft) -> [String] {
        var names: Set<String> = ["date-time", "email", "hostname", "ipv4", "ipv6", "uri"]
        if draft >= .draft6 { names.formUnion(["uri-reference", "uri-template", "json-pointer"]) }
        if draft >= .draft7 {
            names.formUnion(["date", "time", "idn-email", "idn-hostname", "iri", "iri-reference", "relative-json-pointer", "regex"])
        }
        if draft >= .draft2019_09 { names.formUnion(["duration", "uuid"]) }
        return knownFormats.filter(names.contains)
    }

    /// A check of one string.
    public typealias Check = @Sendable (String) -> Bool

    /// The check for a format name, or `nil` for a format Schemata does not
    /// know (unknown formats are ignored, as the specification says).
    public static func check(named name: String, draft: Draft = .draft2020_12) -> Check? {
        switch name {
        case "hostname" where draft <= .draft6:
            // Drafts 4 and 6 name RFC 1123 alone, before IDNA2008 reserved "??--".
            return HostnameFormat.isRFC1123Hostname
        case "date-time": return DateTimeFormats.isDateTime
        case "date": return DateTimeFormats.isDate
        case "time": return DateTimeFormats.isTime
        case "duration": return DateTimeFormats.isDuration
        case "email": return { EmailFormat.isEmail($0, international: false) }
        case "idn-email": return { EmailFormat.isEmail($0, international: true) }
        case "hostname": return { HostnameFormat.isHostname($0, international: false) }
        case "idn-hostname": return { HostnameFormat.isHostname($0, international: true) }
        case "ipv4": return IPFormats.isIPv4
        case "ipv6": return IPFormats.isIPv6
        case "uri": return { URIFormats.isURI($0, requireScheme: true, international: false) }
        case "uri-reference": return { URIFormats.isURI($0, requireScheme: false, international: false) }
        case "iri": return { URIFormats.isURI($0, requireScheme: true, international: true) }
        case "iri-reference": return { URIFormats.isURI($0, requireScheme: false, international: true) }
        case "uri-template": return URIFormats.isURITemplate
        case "uuid": return isUUID
        case "json-pointer": return PointerFormats.isJSONPointer
        case "relative-json-pointer": return PointerFormats.isRelativeJSONPointer
        case "regex": return { (try? ECMARegex($0)) != nil }
        default: return nil
        }
    }

    /// RFC 9562: 8-4-4-4-12 hexadecimal digits.
    static func isUUID(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 36 else { return false }
        for (index, byte) in bytes.enumerated() {
            if index == 8 || index == 13 || index == 18 || index == 23 {
                if byte != UInt8(ascii: "-") { return false }
            } else if !isHexDigit(byte) {
                return false
            }
        }
        return true
    }

    static func isHexDigit(_ byte: UInt8) -> Bool {
        (48...57).contains(byte) || (65...70).contains(byte) || (97...102).contains(byte)
    }

    static func isDigit(_ byte: UInt8) -> Bool { (48...57).contains(byte) }

    static func isAlpha(_ byte: UInt8) -> Bool { (65...90).contains(byte) || (97...122).contains(byte) }
}
