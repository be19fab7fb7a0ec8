import Foundation
import Synchronization

/// Unicode property sets for `\p{…}`, built from the toolchain's Unicode
/// data and cached (building one scans all 1.1 million code points once).
enum UnicodeProperties {
    private static let cache = Mutex<[String: ScalarSet]>([:])

    /// Loose matching (UAX #44 LM3): case, spaces, `_` and `-` ignored.
    static func loose(_ name: String) -> String {
        String(name.lowercased().filter { $0 != "_" && $0 != "-" && $0 != " " })
    }

    /// The set of scalars satisfying `predicate`, cached under `key`.
    static func set(cacheKey key: String? = nil, _ predicate: (Unicode.Scalar) -> Bool) -> ScalarSet {
        if let key, let cached = cache.withLock({ $0[key] }) { return cached }
        var ranges: [ClosedRange<UInt32>] = []
        var start: UInt32?
        var value: UInt32 = 0
        while value <= 0x10FFFF {
            let inside = Unicode.Scalar(value).map(predicate) ?? false
            if inside {
                if start == nil { start = value }
            } else if let open = start {
                ranges.append(open...(value - 1))
                start = nil
            }
            value += 1
        }
        if let open = start { ranges.append(open...0x10FFFF) }
        let result = ScalarSet(ranges)
        if let key { cache.withLock { $0[key] = result } }
        return result
    }

    static func set(_ predicate: (Unicode.Scalar) -> Bool) -> ScalarSet {
        set(cacheKey: nil, predicate)
    }

    typealias Category = Unicode.GeneralCategory

    /// General_Category values (and the groups L, LC, M, N, P, S, Z, C) by
    /// any of their aliases.
    static func generalCategories(named name: String) -> Set<Category>? {
        let key = loose(name)
        let single: [([String], Category)] = [
            (["lu", "uppercaseletter"], .uppercaseLetter), (["ll", "lowercaseletter"], .lowercaseLetter),
            (["lt", "titlecaseletter"], .titlecaseLetter), (["lm", "modifierletter"], .modifierLetter),
            (["lo", "otherletter"], .otherLetter), (["mn", "nonspacingmark"], .nonspacingMark),
            (["mc", "spacingmark"], .spacingMark), (["me", "enclosingmark"], .enclosingMark),
            (["nd", "decimalnumber", "digit"], .decimalNumber), (["nl", "letternumber"], .letterNumber),
            (["no", "othernumber"], .otherNumber), (["pc", "connectorpunctuation"], .connectorPunctuation),
            (["pd", "dashpunctuation"], .dashPunctuation), (["ps", "openpunctuation"], .openPunctuation),
            (["pe", "closepunctuation"], .closePunctuation), (["pi", "initialpunctuation"], .initialPunctuation),
            (["pf", "finalpunctuation"], .finalPunctuation), (["po", "otherpunctuation"], .otherPunctuation),
            (["sm", "mathsymbol"], .mathSymbol), (["sc", "currencysymbol"], .currencySymbol),
            (["sk", "modifiersymbol"], .modifierSymbol), (["so", "othersymbol"], .otherSymbol),
            (["zs", "spaceseparator"], .spaceSeparator), (["zl", "lineseparator"], .lineSeparator),
            (["zp", "paragraphseparator"], .paragraphSeparator), (["cc", "control", "cntrl"], .control),
            (["cf", "format"], .format), (["cs", "surrogate"], .surrogate), (["co", "privateuse"], .privateUse),
            (["cn", "unassigned"], .unassigned),
        ]
        for (aliases, category) in single where aliases.contains(key) { return [category] }
        let groups: [([String], Set<Category>)] = [
            (["l", "letter"], [.uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter]),
            (["lc", "casedletter"], [.uppercaseLetter, .lowercaseLetter, .titlecaseLetter]),
            (["m", "mark", "combiningmark"], [.nonspacingMark, .spacingMark, .enclosingMark]),
            (["n", "number"], [.decimalNumber, .letterNumber, .otherNumber]),
            (["p", "punctuation", "punct"], [.connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
                .initialPunctuation, .finalPunctuation, .otherPunctuation]),
            (["s", "symbol"], [.mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol]),
            (["z", "separator"], [.spaceSeparator, .lineSeparator, .paragraphSeparator]),
            (["c", "other"], [.control, .format, .surrogate, .privateUse, .unassigned]),
        ]
        for (aliases, categories) in groups where aliases.contains(key) { return categories }
        return nil
    }

    /// Binary properties the standard library exposes.
    static func binary(named name: String) -> ((Unicode.Scalar) -> Bool)? {
        switch loose(name) {
        case "alphabetic", "alpha": return { $0.properties.isAlphabetic }
        case "whitespace", "wspace", "space": return { $0.properties.isWhitespace }
        case "uppercase", "upper": return { $0.properties.isUppercase }
        case "lowercase", "lower": return { $0.properties.isLowercase }
        case "math": return { $0.properties.isMath }
        case "hexdigit", "hex": return { $0.properties.isHexDigit }
        case "asciihexdigit", "ahex": return { $0.properties.isASCIIHexDigit }
        case "ideographic", "ideo": return { $0.properties.isIdeographic }
        case "dash": return { $0.properties.isDash }
        case "emoji": return { $0.properties.isEmoji }
        case "emojipresentation", "epres": return { $0.properties.isEmojiPresentation }
        case "cased": return { $0.properties.isCased }
        case "idstart", "ids": return { $0.properties.isIDStart }
        case "idcontinue", "idc": return { $0.properties.isIDContinue }
        case "noncharactercodepoint", "nchar": return { $0.properties.isNoncharacterCodePoint }
        case "ascii": return { $0.value < 0x80 }
        case "any": return { _ in true }
        case "assigned": return { $0.properties.generalCategory != .unassigned }
        case "defaultignorablecodepoint", "di": return { $0.properties.isDefaultIgnorableCodePoint }
        case "quotationmark", "qmark": return { $0.properties.isQuotationMark }
        case "diacritic", "dia": return { $0.properties.isDiacritic }
        case "extender", "ext": return { $0.properties.isExtender }
        case "variationselector", "vs": return { $0.properties.isVariationSelector }
        default: return nil
        }
    }

    /// `Script` / `Script_Extensions` values, from the ICU data that ships
    /// with the toolchain's Foundation (the standard library exposes no
    /// Script property): the set is read off one ICU scan of every code
    /// point, once per property, then cached.
    static func script(named name: String, extensions: Bool) -> ScalarSet? {
        icuSet((extensions ? "scx=" : "sc=") + name) ?? blockScript(named: name)
    }

    /// The set ICU gives for a `\p{…}` body (e.g. `sc=Tamil`,
    /// `Extended_Pictographic`), or `nil` if ICU does not know it.
    static func icuSet(_ body: String) -> ScalarSet? {
        let key = "icu:" + loose(body)
        if let cached = cache.withLock({ $0[key] }) { return cached }
        guard body.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == " " || $0 == "-" || $0 == "=" }),
            let expression = try? NSRegularExpression(pattern: "\\p{\(body)}+")
        else { return nil }
        // Every code point in order, with the UTF-16 offset of each (ICU
        // reports matches in UTF-16 units).
        var text = ""
        var scalars: [UInt32] = []
        var offsets: [Int] = []
        text.unicodeScalars.reserveCapacity(1_112_064)
        scalars.reserveCapacity(1_112_064)
        offsets.reserveCapacity(1_112_064)
        var offset = 0
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            text.unicodeScalars.append(scalar)
            scalars.append(value)
            offsets.append(offset)
            offset += value > 0xFFFF ? 2 : 1
        }
        var ranges: [ClosedRange<UInt32>] = []
        for match in expression.matches(in: text, range: NSRange(location: 0, length: offset)) {
            // First scalar at or after the match start.
            var low = 0
            var high = offsets.count
            while low < high {
                let mid = (low + high) / 2
                if offsets[mid] < match.range.location { low = mid + 1 } else { high = mid }
            }
            var index = low
            let end = match.range.location + match.range.length
            while index < offsets.count, offsets[index] < end {
                let value = scalars[index]
                if let last = ranges.last, last.upperBound + 1 == value {
                    ranges[ranges.count - 1] = last.lowerBound...value
                } else {
                    ranges.append(value...value)
                }
                index += 1
            }
        }
        guard !ranges.isEmpty else { return nil }
        let result = ScalarSet(ranges)
        cache.withLock { $0[key] = result }
        return result
    }

    /// Fallback for a few scripts, by the Unicode blocks that hold them.
    static func blockScript(named name: String) -> ScalarSet? {
        let blocks: [([String], [ClosedRange<UInt32>])] = [
            (["latin", "latn"], [0x41...0x5A, 0x61...0x7A, 0xAA...0xAA, 0xBA...0xBA, 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x24F,
                0x1E00...0x1EFF, 0x2C60...0x2C7F, 0xA720...0xA7FF, 0xFF21...0xFF3A, 0xFF41...0xFF5A]),
            (["greek", "grek"], [0x370...0x373, 0x375...0x377, 0x37A...0x37D, 0x37F...0x37F, 0x384...0x384, 0x386...0x386,
                0x388...0x3E1, 0x3F0...0x3FF, 0x1F00...0x1FFF]),
            (["cyrillic", "cyrl"], [0x400...0x52F, 0x1C80...0x1C8F, 0x2DE0...0x2DFF, 0xA640...0xA69F]),
            (["armenian", "armn"], [0x531...0x58F, 0xFB13...0xFB17]),
            (["hebrew", "hebr"], [0x591...0x5F4, 0xFB1D...0xFB4F]),
            (["arabic", "arab"], [0x600...0x604, 0x606...0x60B, 0x60D...0x61A, 0x61C...0x61E, 0x620...0x63F, 0x641...0x64A,
                0x656...0x66F, 0x671...0x6DC, 0x6DE...0x6FF, 0x750...0x77F, 0x8A0...0x8FF, 0xFB50...0xFDFF, 0xFE70...0xFEFC]),
            (["devanagari", "deva"], [0x900...0x950, 0x955...0x963, 0x966...0x97F, 0xA8E0...0xA8FF]),
            (["bengali", "beng"], [0x980...0x9FF]),
            (["thai"], [0xE01...0xE3A, 0xE40...0xE5B]),
            (["georgian", "geor"], [0x10A0...0x10FF, 0x2D00...0x2D2F]),
            (["hangul", "hang"], [0x1100...0x11FF, 0x3131...0x318E, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xD7B0...0xD7FF]),
            (["hiragana", "hira"], [0x3041...0x3096, 0x309D...0x309F]),
            (["katakana", "kana"], [0x30A1...0x30FA, 0x30FD...0x30FF, 0x31F0...0x31FF, 0xFF66...0xFF6F, 0xFF71...0xFF9D]),
            (["han", "hani"], [0x2E80...0x2FD5, 0x3005...0x3005, 0x3007...0x3007, 0x3021...0x3029, 0x3038...0x303B,
                0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FA1F, 0x30000...0x323AF]),
        ]
        let key = loose(name)
        for (aliases, ranges) in blocks where aliases.contains(key) { return ScalarSet(ranges) }
        return nil
    }
}
