/// RFC 3986 URIs and references, RFC 3987 IRIs, RFC 6570 URI templates.
enum URIFormats {
    static let unreserved = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~".utf8)
    static let subDelimiters = Set("!$&'()*+,;=".utf8)

    /// Whether every character of `part` is allowed (`extra` beyond
    /// unreserved, sub-delims and percent-encodings).
    static func allowed(_ part: Substring, extra: String, international: Bool) -> Bool {
        let bytes = Array(part.utf8)
        var index = 0
        let extraBytes = Set(extra.utf8)
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "%") {
                guard index + 2 < bytes.count, FormatChecker.isHexDigit(bytes[index + 1]), FormatChecker.isHexDigit(bytes[index + 2]) else {
                    return false
                }
                index += 3
                continue
            }
            if byte >= 0x80 {
                if !international { return false }
                index += 1
                continue
            }
            if !(unreserved.contains(byte) || subDelimiters.contains(byte) || extraBytes.contains(byte)) { return false }
            index += 1
        }
        return true
    }

    static func isURI(_ text: String, requireScheme: Bool, international: Bool) -> Bool {
        var rest = Substring(text)
        if let hash = rest.firstIndex(of: "#") {
            guard allowed(rest[rest.index(after: hash)...], extra: ":@/?", international: international) else { return false }
            rest = rest[..<hash]
        }
        if let question = rest.firstIndex(of: "?") {
            guard allowed(rest[rest.index(after: question)...], extra: ":@/?", international: international) else { return false }
            rest = rest[..<question]
        }
        var hasScheme = false
        if let colon = rest.firstIndex(of: ":"), !rest[..<colon].contains("/") {
            let scheme = rest[..<colon]
            guard let first = scheme.utf8.first, FormatChecker.isAlpha(first),
                scheme.utf8.allSatisfy({ FormatChecker.isAlpha($0) || FormatChecker.isDigit($0) || "+-.".utf8.contains($0) })
            else { return false }
            hasScheme = true
            rest = rest[rest.index(after: colon)...]
        }
        if requireScheme && !hasScheme { return false }
        if rest.hasPrefix("//") {
            rest = rest.dropFirst(2)
            let end = rest.firstIndex(of: "/") ?? rest.endIndex
            guard isAuthority(rest[..<end], international: international) else { return false }
            rest = rest[end...]
        } else if !hasScheme, let firstSegment = rest.split(separator: "/", omittingEmptySubsequences: false).first,
            firstSegment.contains(":")
        {
            return false  // a relative path's first segment cannot contain ':'
        }
        return allowed(rest, extra: ":@/", international: international)
    }

    static func isAuthority(_ authority: Substring, international: Bool) -> Bool {
        var host = authority
        if let at = host.lastIndex(of: "@") {
            guard allowed(host[..<at], extra: ":", international: international) else { return false }
            host = host[host.index(after: at)...]
        }
        if host.hasPrefix("[") {
            guard let close = host.firstIndex(of: "]") else { return false }
            let literal = host[host.index(after: host.startIndex)..<close]
            guard IPFormats.isIPv6(String(literal)) || (literal.hasPrefix("v") || literal.hasPrefix("V")) else { return false }
            host = host[host.index(after: close)...]
            if host.isEmpty { return true }
            guard host.hasPrefix(":") else { return false }
            return host.dropFirst().utf8.allSatisfy(FormatChecker.isDigit)
        }
        if let colon = host.lastIndex(of: ":") {
            guard host[host.index(after: colon)...].utf8.allSatisfy(FormatChecker.isDigit) else { return false }
            host = host[..<colon]
        }
        return allowed(host, extra: "", international: international)
    }

    /// RFC 6570: literals and `{…}` expressions with operators, variable
    /// names, prefixes and explode modifiers.
    static func isURITemplate(_ text: String) -> Bool {
        var inside = false
        var expression = ""
        for character in text {
            if inside {
                if character == "}" {
                    guard isExpression(expression) else { return false }
                    inside = false
                    expression = ""
                } else if character == "{" {
                    return false
                } else {
                    expression.append(character)
                }
            } else if character == "{" {
                inside = true
            } else if character == "}" {
                return false
            } else if character.unicodeScalars.contains(where: { $0.value < 0x21 || $0.value == 0x7F })
                || "\"<>\\^`|".contains(character)
            {
                return false
            }
        }
        return !inside
    }

    static func isExpression(_ text: String) -> Bool {
        var body = Substring(text)
        if let first = body.first, "+#./;?&=,!@|".contains(first) { body = body.dropFirst() }
        guard !body.isEmpty else { return false }
        for variable in body.split(separator: ",", omittingEmptySubsequences: false) {
            var name = variable
            if name.hasSuffix("*") {
                name = name.dropLast()
            } else if let colon = name.firstIndex(of: ":") {
                let length = name[name.index(after: colon)...]
                guard (1...4).contains(length.count), length.utf8.allSatisfy(FormatChecker.isDigit), length.first != "0" else { return false }
                name = name[..<colon]
            }
            guard !name.isEmpty else { return false }
            // varname: dot-separated runs of ALPHA / DIGIT / "_" / pct-encoded.
            for part in name.split(separator: ".", omittingEmptySubsequences: false) {
                let bytes = Array(part.utf8)
                guard !bytes.isEmpty else { return false }
                var index = 0
                while index < bytes.count {
                    let byte = bytes[index]
                    if byte == UInt8(ascii: "%") {
                        guard index + 2 < bytes.count, FormatChecker.isHexDigit(bytes[index + 1]), FormatChecker.isHexDigit(bytes[index + 2]) else {
                            return false
                        }
                        index += 3
                        continue
                    }
                    guard FormatChecker.isAlpha(byte) || FormatChecker.isDigit(byte) || byte == UInt8(ascii: "_") else { return false }
                    index += 1
                }
            }
        }
        return true
    }
}

