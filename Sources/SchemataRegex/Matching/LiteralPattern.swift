/// A pattern that is a plain string, optionally anchored at either end
/// (`^x-`, `^application/json$`, `foo`): matched by comparing UTF-8 bytes.
struct LiteralPattern: Sendable {
    let bytes: [UInt8]
    let anchoredAtStart: Bool
    let anchoredAtEnd: Bool

    init?(_ node: RegexNode) {
        var items: [RegexNode]
        switch node {
        case .sequence(let nodes): items = nodes
        case .scalar, .startAnchor, .endAnchor: items = [node]
        default: return nil
        }
        var start = false
        var end = false
        if case .startAnchor? = items.first {
            start = true
            items.removeFirst()
        }
        if case .endAnchor? = items.last {
            end = true
            items.removeLast()
        }
        var text = ""
        for item in items {
            guard case .scalar(let value) = item, let scalar = Unicode.Scalar(value) else { return nil }
            text.unicodeScalars.append(scalar)
        }
        guard !text.isEmpty else { return nil }
        bytes = Array(text.utf8)
        anchoredAtStart = start
        anchoredAtEnd = end
    }

    func matches(_ input: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = bytes.count
        guard input.count >= count else { return false }
        if anchoredAtStart && anchoredAtEnd { return input.count == count && equal(input, at: 0) }
        if anchoredAtStart { return equal(input, at: 0) }
        if anchoredAtEnd { return equal(input, at: input.count - count) }
        var offset = 0
        while offset + count <= input.count {
            if input[offset] == bytes[0], equal(input, at: offset) { return true }
            offset += 1
        }
        return false
    }

    private func equal(_ input: UnsafeBufferPointer<UInt8>, at offset: Int) -> Bool {
        for index in 0..<bytes.count where input[offset + index] != bytes[index] { return false }
        return true
    }
}
