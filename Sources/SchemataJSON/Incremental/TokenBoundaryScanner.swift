/// Tracks, byte by byte, whether a streamed JSON text currently ends inside
/// a token (string, number or literal), and where that token started.
///
/// yajl re-lexes a buffered, unfinished token from its first byte on every
/// `yajl_parse` call, so handing it a long string four bytes at a time costs
/// O(n²). The incremental parser therefore hands yajl only whole tokens:
/// everything up to the start of the trailing unfinished token. Each byte is
/// scanned once here.
struct TokenBoundaryScanner {
    enum State: UInt8 {
        case between
        case string
        /// Inside a string, just after a backslash.
        case stringEscape
        case number
        case literal
    }

    private(set) var state: State = .between
    /// Where the current token started (meaningful when not `between`).
    private(set) var tokenStart = 0
    /// How far the scan has got.
    private(set) var position = 0
    /// Set when a byte inside a string can never be valid (a control
    /// character): the text should go to yajl at once so that it fails fast.
    private(set) var sawInvalidStringByte = false

    /// Whether the scan ends inside a string token (escape or not).
    var isInString: Bool { state == .string || state == .stringEscape }

    /// Scans `bytes[position...]`, which extend the text seen so far. The
    /// state lives in locals for the loop: a few bytes per call is the
    /// common case, so the per-call cost matters as much as the per-byte one.
    mutating func scan(_ bytes: UnsafeRawBufferPointer) {
        var index = position
        let end = bytes.count
        var state = self.state
        var tokenStart = self.tokenStart
        while index < end {
            switch state {
            case .between:
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") {
                    state = .string
                    tokenStart = index
                } else if byte == UInt8(ascii: "-") || (byte &- UInt8(ascii: "0")) < 10 {
                    state = .number
                    tokenStart = index
                } else if ((byte | 0x20) &- UInt8(ascii: "a")) < 26 {
                    state = .literal
                    tokenStart = index
                }
                index += 1
            case .string:
                // Skip ordinary string bytes quickly.
                while index < end {
                    let next = bytes[index]
                    if next == UInt8(ascii: "\"") || next == UInt8(ascii: "\\") || next < 0x20 { break }
                    index += 1
                }
                guard index < end else { break }
                let next = bytes[index]
                if next == UInt8(ascii: "\"") {
                    state = .between
                } else if next == UInt8(ascii: "\\") {
                    state = .stringEscape
                } else {
                    sawInvalidStringByte = true
                }
                index += 1
            case .stringEscape:
                state = .string
                index += 1
            case .number:
                while index < end, Self.continuesNumber(bytes[index]) { index += 1 }
                if index < end { state = .between }  // re-examine this byte between tokens
            case .literal:
                while index < end, ((bytes[index] | 0x20) &- UInt8(ascii: "a")) < 26 { index += 1 }
                if index < end { state = .between }
            }
        }
        self.state = state
        self.tokenStart = tokenStart
        position = end
    }

    @inline(__always)
    private static func continuesNumber(_ byte: UInt8) -> Bool {
        (byte &- UInt8(ascii: "0")) < 10 || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e")
            || byte == UInt8(ascii: "E") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
    }

    /// Where the text handed to yajl may end: before the trailing unfinished
    /// token, or everything when there is none (or when the text is already
    /// known to be invalid).
    func safeEnd(textLength: Int) -> Int {
        if state == .between || sawInvalidStringByte { return textLength }
        return tokenStart
    }
}
