/// RFC 1123 host names (`hostname`) and IDNA2008 names (`idn-hostname`,
/// checked structurally: label lengths, hyphen rules, and for A-labels the
/// Punycode prefix).
enum HostnameFormat {
    static func isHostname(_ text: String, international: Bool) -> Bool {
        var name = text
        // A trailing dot (the DNS root) is not part of a host name here, as
        // the test suite and most validators agree.
        guard !name.isEmpty, !name.hasSuffix(".") else { return false }
        if international {
            // IDNA separators: ideographic and fullwidth full stops too.
            name = String(name.map { "\u{3002}\u{FF0E}\u{FF61}".contains($0) ? "." : $0 })
        }
        let labels = name.split(separator: ".", omittingEmptySubsequences: false)
        var total = 0
        for label in labels {
            guard isLabel(label, international: international) else { return false }
            total += label.utf8.count + 1
        }
        return international || total - 1 <= 253
    }

    static func isLabel(_ label: Substring, international: Bool) -> Bool {
        guard !label.isEmpty, label.utf8.count <= 63 || international else { return false }
        guard !label.hasPrefix("-"), !label.hasSuffix("-") else { return false }
        let scalars = Array(label.unicodeScalars)
        if scalars.count >= 4, scalars[2] == "-", scalars[3] == "-" {
            // "xn--" A-labels only; other "??--" labels are reserved.
            guard label.lowercased().hasPrefix("xn--"), scalars.count > 4 else { return false }
            return scalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains(Character($0)) || $0 == "-") }
        }
        for scalar in scalars {
            if scalar.isASCII {
                let character = Character(scalar)
                if !(character.isLetter || character.isNumber || character == "-") { return false }
            } else {
                guard international else { return false }
                let properties = scalar.properties
                // Disallow what IDNA2008 never allows in a label.
                switch properties.generalCategory {
                case .spaceSeparator, .lineSeparator, .paragraphSeparator, .control, .format, .unassigned,
                    .privateUse, .surrogate, .otherPunctuation, .dashPunctuation, .openPunctuation,
                    .closePunctuation, .initialPunctuation, .finalPunctuation, .mathSymbol, .currencySymbol,
                    .modifierSymbol, .otherSymbol:
                    if scalar.value == 0x00B7 || scalar.value == 0x0375 || scalar.value == 0x05F3 || scalar.value == 0x05F4
                        || scalar.value == 0x30FB
                    {
                        continue  // contextual characters, checked below
                    }
                    return false
                default:
                    break
                }
            }
        }
        if let first = scalars.first, [.nonspacingMark, .spacingMark, .enclosingMark].contains(first.properties.generalCategory) {
            return false
        }
        return contextRulesHold(scalars)
    }

    /// The IDNA2008 contextual rules (RFC 5892 appendix A) that the test
    /// suites exercise.
    static func contextRulesHold(_ scalars: [Unicode.Scalar]) -> Bool {
        for (index, scalar) in scalars.enumerated() {
            switch scalar.value {
            case 0x00B7:  // MIDDLE DOT: between two 'l'
                guard index > 0, index + 1 < scalars.count, scalars[index - 1] == "l", scalars[index + 1] == "l" else { return false }
            case 0x0375:  // GREEK KERAIA: followed by Greek
                guard index + 1 < scalars.count, (0x370...0x3FF).contains(scalars[index + 1].value) || (0x1F00...0x1FFF).contains(scalars[index + 1].value) else { return false }
            case 0x05F3, 0x05F4:  // HEBREW GERESH/GERSHAYIM: after Hebrew
                guard index > 0, (0x591...0x5F4).contains(scalars[index - 1].value) else { return false }
            case 0x30FB:  // KATAKANA MIDDLE DOT: some Hiragana, Katakana or Han in the label
                let japanese = scalars.contains { s in
                    s.value != 0x30FB && ((0x3040...0x309F).contains(s.value) || (0x30A0...0x30FF).contains(s.value) || (0x4E00...0x9FFF).contains(s.value))
                }
                if !japanese { return false }
            case 0x200D:  // ZERO WIDTH JOINER: after a virama
                guard index > 0, scalars[index - 1].properties.canonicalCombiningClass.rawValue == 9 else { return false }
            case 0x0660...0x0669:  // Arabic-Indic digits cannot mix with extended ones
                if scalars.contains(where: { (0x06F0...0x06F9).contains($0.value) }) { return false }
            case 0x06F0...0x06F9:
                if scalars.contains(where: { (0x0660...0x0669).contains($0.value) }) { return false }
            default:
                break
            }
        }
        return true
    }
}
