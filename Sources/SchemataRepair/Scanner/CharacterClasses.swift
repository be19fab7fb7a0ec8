import SchemataJSON

// Byte classes and quote recognition.
extension RepairScanner {

    // Delimiter sets as constant masks (computed properties: no lazy
    // initialisation check on the hot path).
    /// '}],\n#)`'
    static var afterClosingQuote: ByteSet { ByteSet(low: 0x0000120800000400, high: 0x2000000120000000) }
    /// '+-.eE_'
    static var numberPunctuation: ByteSet { ByteSet(low: 0x0000680000000000, high: 0x0000002080000020) }
    /// ',}])'
    static var afterNumber: ByteSet { ByteSet(low: 0x0000120000000000, high: 0x2000000020000000) }
    /// ',}]'
    static var valueTerminators: ByteSet { ByteSet(low: 0x0000100000000000, high: 0x2000000020000000) }
    /// ',}]:'
    static var valueStringTerminators: ByteSet { ByteSet(low: 0x0400100000000000, high: 0x2000000020000000) }
    /// ':'
    static var colon: ByteSet { ByteSet(low: 0x0400000000000000, high: 0x0000000000000000) }
    /// ':,}'
    static var keyTerminators: ByteSet { ByteSet(low: 0x0400100000000000, high: 0x2000000000000000) }
    /// '}'
    static var closingBrace: ByteSet { ByteSet(low: 0x0000000000000000, high: 0x2000000000000000) }
    /// ',]:"\''
    static var elementStringTerminators: ByteSet { ByteSet(low: 0x0400108400000000, high: 0x0000000020000000) }
    /// '\\\n"\'`'
    static var stringRunEnds: ByteSet { ByteSet(low: 0x0000008400000400, high: 0x0000000110000000) }

    @inline(__always)
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 || byte == 0x0B || byte == 0x0C
    }

    @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// ASCII letters, and any non-ASCII character (which starts words in prose).
    @inline(__always)
    static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A || byte >= 0x80 }

    /// The length of the quote character at `index` (`"`, `'`, `` ` ``, or
    /// a typographic quote as three bytes), or 0.
    @inline(__always)
    func quoteLength(at index: Int) -> Int {
        guard index < limit else { return 0 }
        switch input[index] {
        case 0x22, 0x27, 0x60: return 1
        case 0xE2:
            guard index + 2 < limit, input[index + 1] == 0x80 else { return 0 }
            switch input[index + 2] {
            case 0x98, 0x99, 0x9C, 0x9D: return 3
            default: return 0
            }
        default: return 0
        }
    }

    /// Whether a quote starting at `index` closes a string opened by the
    /// quote at `open` (typographic quotes close with either of their pair).
    @inline(__always)
    func closes(_ index: Int, opener open: Int, openerLength: Int) -> Int {
        if openerLength == 1 { return index < limit && input[index] == input[open] ? 1 : 0 }
        guard quoteLength(at: index) == 3 else { return 0 }
        // “ ” (0x9C, 0x9D) close each other, and ‘ ’ (0x98, 0x99) each other.
        let a = input[open + 2] >= 0x9C
        let b = input[index + 2] >= 0x9C
        return a == b ? 3 : 0
    }

    func starts(with literal: StaticString, at index: Int) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard index + count <= limit else { return false }
        return literal.withUTF8Buffer { buffer in
            for offset in 0..<count where input[index + offset] != buffer[offset] { return false }
            return true
        }
    }
}
