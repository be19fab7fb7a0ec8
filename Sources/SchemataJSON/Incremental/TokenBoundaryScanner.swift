/// Tracks, byte by byte, whether a streamed JSON text currently ends inside
/// a token (string, number or literal), and where that token started.
///
/// yajl re-lexes a buffered, unfinished token from its first byte on every
/// `yajl_parse` call, so handing it a long string four bytes at a time costs
/// O(n²). The incremental parser therefore hands yajl only whole tokens:
/// everything up to the start of the trailing unfinished token. Each byte is
/// scanned once here.
struct TokenBoundaryScanner {
    enum State: Equatable {
        case between
        case string(escaped: Bool)
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

    /// Scans `bytes[position...]`, which extend the text seen so far.
    mutating func scan(_ bytes: UnsafeRawBufferPointer) {
        var index = position
        let end = bytes.count
        while index < end {
            let byte = bytes[index]
            switch state {
            case .between:
                switch byte {
                case UInt8(ascii: "\""):
                    state = .string(escaped: false)
                    tokenStart = index
                case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                    state = .number
                    tokenStart = index
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
                    state = .literal
                    tokenStart = index
                default:
                    break
                }
                index += 1
            case .string(let escaped):
                if escaped {
                    state = .string(escaped: false)
                    index += 1
                    continue
                }
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
                    state = .string(escaped: true)
                } else {
                    sawInvalidStringByte = true
                }
                index += 1
            case .number:
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"),
                    UInt8(ascii: "+"), UInt8(ascii: "-"):
                    index += 1
                default:
                    state = .between  // re-examine this byte between tokens
                }
            case .literal:
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
                    index += 1
                default:
                    state = .between
                }
            }
        }
        position = end
    }

    /// Where the text handed to yajl may end: before the trailing unfinished
    /// token, or everything when there is none (or when the text is already
    /// known to be invalid).
    func safeEnd(textLength: Int) -> Int {
        if state == .between || sawInvalidStringByte { return textLength }
        return tokenStart
    }
}
