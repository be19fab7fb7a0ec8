/// RFC 2673 dotted-quad IPv4 and RFC 4291 IPv6 text forms.
enum IPFormats {
    static func isIPv4(_ text: String) -> Bool {
        isIPv4(Array(text.utf8)[...])
    }

    static func isIPv4(_ bytes: ArraySlice<UInt8>) -> Bool {
        let parts = bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard parts.count == 4 else { return false }
        for part in parts {
            guard (1...3).contains(part.count), part.allSatisfy(FormatChecker.isDigit) else { return false }
            if part.count > 1 && part.first == UInt8(ascii: "0") { return false }  // no leading zeros
            if part.reduce(0, { $0 * 10 + Int($1 - 48) }) > 255 { return false }
        }
        return true
    }

    static func isIPv6(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty, bytes.allSatisfy({ $0 < 0x80 }) else { return false }
        // At most one "::", which stands for one or more zero groups.
        var halves: [[UInt8]] = []
        var current: [UInt8] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: ":"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: ":") {
                halves.append(current)
                current = []
                index += 2
                if halves.count > 1 { return false }
                continue
            }
            current.append(bytes[index])
            index += 1
        }
        halves.append(current)
        var total = 0
        for (half, part) in halves.enumerated() {
            if part.isEmpty { continue }
            let groups = part.split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false)
            for (position, group) in groups.enumerated() {
                let isLastOfAddress = half == halves.count - 1 && position == groups.count - 1
                if isLastOfAddress, group.contains(UInt8(ascii: ".")) {
                    guard isIPv4(group) else { return false }
                    total += 2
                } else {
                    guard isGroup(Array(group)) else { return false }
                    total += 1
                }
            }
        }
        return halves.count == 1 ? total == 8 : total <= 7
    }

    static func isGroup(_ group: [UInt8]) -> Bool {
        (1...4).contains(group.count) && group.allSatisfy(FormatChecker.isHexDigit)
    }
}
