/// RFC 5321 mailboxes (`email`) and their RFC 6531 internationalised form
/// (`idn-email`): a dot-atom or quoted local part, and a hostname or an
/// address literal.
enum EmailFormat {
    static func isEmail(_ text: String, international: Bool) -> Bool {
        guard let at = text.lastIndex(of: "@") else { return false }
        let local = text[..<at]
        let domain = text[text.index(after: at)...]
        guard !local.isEmpty, !domain.isEmpty else { return false }
        return isLocalPart(local, international: international) && isDomain(domain, international: international)
    }

    static func isLocalPart(_ local: Substring, international: Bool) -> Bool {
        if local.hasPrefix("\"") {
            guard local.count >= 2, local.hasSuffix("\"") else { return false }
            var escaped = false
            for scalar in local.dropFirst().dropLast().unicodeScalars {
                if escaped {
                    escaped = false
                    continue
                }
                if scalar == "\\" {
                    escaped = true
                    continue
                }
                if scalar == "\"" { return false }
                if scalar.value < 0x20 || scalar.value == 0x7F { return false }
                if scalar.value >= 0x80 && !international { return false }
            }
            return !escaped
        }
        // dot-atom: atoms separated by single dots.
        let atoms = local.split(separator: ".", omittingEmptySubsequences: false)
        for atom in atoms {
            guard !atom.isEmpty else { return false }
            for scalar in atom.unicodeScalars {
                if scalar.value >= 0x80 {
                    if !international { return false }
                    continue
                }
                let allowed = "!#$%&'*+-/=?^_`{|}~"
                if !(scalar.properties.isAlphabetic && scalar.isASCII) && !("0"..."9").contains(Character(scalar))
                    && !allowed.unicodeScalars.contains(scalar)
                {
                    return false
                }
            }
        }
        return true
    }

    static func isDomain(_ domain: Substring, international: Bool) -> Bool {
        if domain.hasPrefix("[") {
            guard domain.hasSuffix("]") else { return false }
            let literal = domain.dropFirst().dropLast()
            if literal.lowercased().hasPrefix("ipv6:") { return IPFormats.isIPv6(String(literal.dropFirst(5))) }
            return IPFormats.isIPv4(Array(literal.utf8)[...])
        }
        return HostnameFormat.isHostname(String(domain), international: international)
    }
}
