/// Host names: RFC 1123 (`hostname`, where `xn--` A-labels must decode to
/// valid IDNA2008 labels) and RFC 5890 IDNA2008 (`idn-hostname`), with the
/// code-point exceptions and contextual rules of RFC 5892 and the Bidi rule
/// of RFC 5893. The toolchain has no IDNA tables, so code-point classes are
/// derived from general categories plus the RFC's exception lists.
enum HostnameFormat {
    static func isHostname(_ text: String, international: Bool) -> Bool {
        var name = text
        if international {
            // IDNA label separators: ideographic, fullwidth and halfwidth full stops.
            name = String(name.map { "\u{3002}\u{FF0E}\u{FF61}".contains($0) ? "." : $0 })
        }
        guard !name.isEmpty, !name.hasSuffix("."), !name.hasPrefix(".") else { return false }
        let labels = name.split(separator: ".", omittingEmptySubsequences: false)
        var uLabels: [[Unicode.Scalar]] = []
        var total = 0
        for label in labels {
            guard !label.isEmpty else { return false }
            let scalars = Array(label.unicodeScalars)
            if scalars.allSatisfy(\.isASCII) {
                guard label.utf8.count <= 63 else { return false }
                let lower = label.lowercased()
                if lower.hasPrefix("xn--") {
                    let encoded = String(lower.dropFirst(4))
                    guard let decoded = Punycode.decode(encoded), decoded.contains(where: { $0 >= 0x80 }),
                        Punycode.encode(decoded) == encoded
                    else { return false }
                    let unicode = decoded.compactMap(Unicode.Scalar.init)
                    guard unicode.count == decoded.count, isULabel(unicode) else { return false }
                    uLabels.append(unicode)
                } else {
                    guard isLDHLabel(scalars) else { return false }
                    uLabels.append(scalars)
                }
                total += label.utf8.count + 1
            } else {
                guard international, isULabel(scalars), let encoded = Punycode.encode(scalars.map(\.value)) else { return false }
                let aLabelLength = 4 + encoded.utf8.count
                guard aLabelLength <= 63 else { return false }
                uLabels.append(scalars)
                total += aLabelLength + 1
            }
        }
        guard total - 1 <= 253 else { return false }
        return Bidi.domainSatisfiesRule(uLabels)
    }

    /// RFC 1123 alone: dot-separated labels of letters, digits and hyphens.
    static func isRFC1123Hostname(_ text: String) -> Bool {
        guard !text.isEmpty, !text.hasSuffix("."), text.utf8.count <= 253 else { return false }
        return text.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { label in
            let scalars = Array(label.unicodeScalars)
            return !scalars.isEmpty && scalars.count <= 63 && scalars.first != "-" && scalars.last != "-"
                && scalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains(Character($0)) || $0 == "-") }
        }
    }

    /// Letters, digits and hyphens; no hyphen at either end; `??--` only as `xn--`.
    static func isLDHLabel(_ scalars: [Unicode.Scalar]) -> Bool {
        guard scalars.first != "-", scalars.last != "-" else { return false }
        if scalars.count >= 4, scalars[2] == "-", scalars[3] == "-" { return false }
        return scalars.allSatisfy { $0.properties.isAlphabetic && $0.isASCII || ("0"..."9").contains(Character($0)) || $0 == "-" }
    }

    /// RFC 5891 §5.4 / RFC 5892: a U-label's code points and contexts.
    static func isULabel(_ scalars: [Unicode.Scalar]) -> Bool {
        guard let first = scalars.first, scalars.first != "-", scalars.last != "-" else { return false }
        if scalars.count >= 4, scalars[2] == "-", scalars[3] == "-" { return false }
        if [.nonspacingMark, .spacingMark, .enclosingMark].contains(first.properties.generalCategory) { return false }
        for (index, scalar) in scalars.enumerated() {
            switch IDNAClass.of(scalar) {
            case .pvalid: continue
            case .disallowed: return false
            case .contextJ, .contextO:
                if !contextRuleHolds(scalars, at: index) { return false }
            }
        }
        return true
    }

    /// RFC 5892 appendix A.
    static func contextRuleHolds(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        let scalar = scalars[index].value
        let previous = index > 0 ? scalars[index - 1] : nil
        let next = index + 1 < scalars.count ? scalars[index + 1] : nil
        switch scalar {
        case 0x200C:  // ZERO WIDTH NON-JOINER: after a virama, or between joining letters
            if let previous, previous.properties.canonicalCombiningClass.rawValue == 9 { return true }
            let before = scalars[..<index].last { Joining.type(of: $0) != .transparent }
            let after = scalars[(index + 1)...].first { Joining.type(of: $0) != .transparent }
            guard let before, let after else { return false }
            let left = Joining.type(of: before)
            let right = Joining.type(of: after)
            return (left == .left || left == .dual) && (right == .right || right == .dual)
        case 0x200D:  // ZERO WIDTH JOINER: after a virama
            return previous?.properties.canonicalCombiningClass.rawValue == 9
        case 0x00B7:  // MIDDLE DOT: between two 'l'
            return previous == "l" && next == "l"
        case 0x0375:  // GREEK LOWER NUMERAL SIGN: followed by Greek
            guard let next else { return false }
            return (0x0370...0x03FF).contains(next.value) || (0x1F00...0x1FFF).contains(next.value)
        case 0x05F3, 0x05F4:  // HEBREW GERESH / GERSHAYIM: after Hebrew
            guard let previous else { return false }
            return (0x0590...0x05FF).contains(previous.value)
        case 0x30FB:  // KATAKANA MIDDLE DOT: with Hiragana, Katakana or Han in the label
            return scalars.contains { s in
                s.value != 0x30FB && ((0x3040...0x309F).contains(s.value) || (0x30A0...0x30FF).contains(s.value)
                    || (0x3400...0x4DBF).contains(s.value) || (0x4E00...0x9FFF).contains(s.value))
            }
        case 0x0660...0x0669:  // ARABIC-INDIC DIGITS: not with extended ones
            return !scalars.contains { (0x06F0...0x06F9).contains($0.value) }
        case 0x06F0...0x06F9:  // EXTENDED ARABIC-INDIC DIGITS: not with the others
            return !scalars.contains { (0x0660...0x0669).contains($0.value) }
        default:
            return false
        }
    }
}

/// IDNA2008 derived property of a code point (RFC 5892), approximated from
/// the general category, case stability and the RFC's exception table.
enum IDNAClass {
    case pvalid, disallowed, contextJ, contextO

    static func of(_ scalar: Unicode.Scalar) -> IDNAClass {
        let value = scalar.value
        switch value {
        case 0x00DF, 0x03C2, 0x06FD, 0x06FE, 0x0F0B, 0x3007: return .pvalid  // exceptions, PVALID
        case 0x0640, 0x07FA, 0x302E, 0x302F, 0x3031...0x3035, 0x303B: return .disallowed  // exceptions, DISALLOWED
        case 0x00B7, 0x0375, 0x05F3, 0x05F4, 0x0660...0x0669, 0x06F0...0x06F9, 0x30FB: return .contextO
        case 0x200C, 0x200D: return .contextJ
        default: break
        }
        if scalar.isASCII {
            let character = Character(scalar)
            return character.isLowercase || character.isNumber || character == "-" ? .pvalid : .disallowed
        }
        let properties = scalar.properties
        // Characters that case folding changes are not stable: DISALLOWED.
        if properties.changesWhenCaseFolded { return .disallowed }
        switch properties.generalCategory {
        case .lowercaseLetter, .otherLetter, .modifierLetter, .nonspacingMark, .spacingMark, .decimalNumber:
            return .pvalid
        default:
            return .disallowed
        }
    }
}

/// Arabic joining types, for the ZERO WIDTH NON-JOINER rule.
enum Joining {
    enum Kind { case dual, right, left, transparent, none }

    static func type(of scalar: Unicode.Scalar) -> Kind {
        let value = scalar.value
        if [.nonspacingMark, .enclosingMark, .format].contains(scalar.properties.generalCategory) { return .transparent }
        switch value {
        case 0x0622...0x0625, 0x0627, 0x0629, 0x062F...0x0632, 0x0648, 0x0671...0x0673, 0x0675...0x0677, 0x0688...0x0699,
            0x06C0, 0x06C3...0x06CB, 0x06CD, 0x06CF, 0x06D2, 0x06D3, 0x06D5, 0x06EE, 0x06EF:
            return .right
        case 0x0620, 0x0626, 0x0628, 0x062A...0x062E, 0x0633...0x063F, 0x0641...0x0647, 0x0649, 0x064A, 0x066E, 0x066F,
            0x0678...0x0687, 0x069A...0x06BF, 0x06C1, 0x06C2, 0x06CC, 0x06CE, 0x06D0, 0x06D1, 0x06FA...0x06FC, 0x06FF,
            0x0750...0x077F:
            return .dual
        default:
            return .none
        }
    }
}

/// The Bidi rule (RFC 5893 §2), with bidirectional classes approximated by
/// script block (the toolchain exposes no Bidi_Class).
enum Bidi {
    enum Class { case l, r, al, an, en, es, cs, et, on, bn, nsm }

    static func classOf(_ scalar: Unicode.Scalar) -> Class {
        let value = scalar.value
        let category = scalar.properties.generalCategory
        if category == .nonspacingMark || category == .enclosingMark { return .nsm }
        switch value {
        case 0x30...0x39, 0x06F0...0x06F9: return .en
        case 0x0660...0x0669, 0x066B, 0x066C: return .an
        case 0x2B, 0x2D: return .es
        case 0x2C, 0x2E, 0x2F, 0x3A: return .cs
        case 0x0590...0x05FF, 0x07C0...0x07FF, 0x0800...0x085F, 0xFB1D...0xFB4F: return .r
        case 0x0600...0x06FF, 0x0700...0x074F, 0x0750...0x077F, 0x08A0...0x08FF, 0xFB50...0xFDFF, 0xFE70...0xFEFF: return .al
        case 0x200B...0x200D: return .bn
        default: break
        }
        switch category {
        case .currencySymbol: return .et
        case .otherPunctuation, .mathSymbol, .otherSymbol, .dashPunctuation, .openPunctuation, .closePunctuation: return .on
        default: return .l
        }
    }

    /// Whether every label satisfies the Bidi rule, when the domain is a
    /// "Bidi domain name" (some label holds an R, AL or AN character).
    static func domainSatisfiesRule(_ labels: [[Unicode.Scalar]]) -> Bool {
        let classes = labels.map { $0.map(classOf) }
        let isBidiDomain = classes.contains { $0.contains { $0 == .r || $0 == .al || $0 == .an } }
        guard isBidiDomain else { return true }
        return classes.allSatisfy(labelSatisfiesRule)
    }

    static func labelSatisfiesRule(_ classes: [Class]) -> Bool {
        guard let first = classes.first else { return false }
        let trimmed = Array(classes.reversed().drop { $0 == .nsm }.reversed())
        guard let last = trimmed.last else { return false }
        switch first {
        case .r, .al:
            let allowed: Set<Class> = [.r, .al, .an, .en, .es, .cs, .et, .on, .bn, .nsm]
            guard classes.allSatisfy(allowed.contains) else { return false }
            guard [.r, .al, .en, .an].contains(last) else { return false }
            return !(classes.contains(.en) && classes.contains(.an))
        case .l:
            let allowed: Set<Class> = [.l, .en, .es, .cs, .et, .on, .bn, .nsm]
            guard classes.allSatisfy(allowed.contains) else { return false }
            return last == .l || last == .en
        default:
            return false
        }
    }
}
