import SchemataJSON

/// Where a string being read stands: what may follow its closing quote
/// depends on it.
enum StringContext {
    /// An object member's value: `,` + the next member, or `}`, follows.
    case memberValue
    /// An array element: `,` or `]` follows.
    case arrayElement
    /// An object key: `:` follows.
    case key
    /// Anything else (a top-level string, a tuple element).
    case other
}

/// The brackets opened and not yet closed inside a string's text, found
/// lazily (each byte is looked at once however often it is asked). The
/// open brackets are a bit stack in one word (no allocation per string);
/// past 64 levels only the innermost 64 are told apart.
struct BracketBalance {
    /// How far the text has been looked at.
    var scanned: Int
    /// One bit per open bracket, innermost lowest: 1 for `[`, 0 for `{`.
    private var kinds: UInt64 = 0
    private var depth = 0

    init(scanned: Int) {
        self.scanned = scanned
    }

    /// The innermost `{` or `[` still open in the text before `end`; a
    /// closer without its opener in the text is ignored.
    mutating func innermostOpen(upTo end: Int, in input: UnsafeBufferPointer<UInt8>) -> UInt8? {
        while scanned < end {
            switch input[scanned] {
            case UInt8(ascii: "{"): push(0)
            case UInt8(ascii: "["): push(1)
            case UInt8(ascii: "}"): if innermost == UInt8(ascii: "{") { pop() }
            case UInt8(ascii: "]"): if innermost == UInt8(ascii: "[") { pop() }
            default: break
            }
            scanned += 1
        }
        return innermost
    }

    private var innermost: UInt8? {
        depth == 0 ? nil : kinds & 1 == 1 ? UInt8(ascii: "[") : UInt8(ascii: "{")
    }

    private mutating func push(_ kind: UInt64) {
        kinds = kinds << 1 | kind
        depth += 1
    }

    private mutating func pop() {
        kinds >>= 1
        depth -= 1
    }
}

// Whether a quote inside a string closes it: the damaged-string heuristics.
extension RepairScanner {
    /// Whether the quote at `index` (not the first character of the text,
    /// which starts at `contentStart`) opens a quotation inside the text:
    /// it follows a space or an opening bracket (`say "hi"`, `("url")`,
    /// `{"k": 1}`) and comes before a word. Its partner is then text too.
    /// The start of the next member after a lost closing quote
    /// (`"first, "b": 2`) does not count.
    @inline(__always)
    func opensQuotation(at index: Int, length: Int, contentStart: Int) -> Bool {
        guard index > contentStart, index + length < limit else { return false }
        let before = input[index - 1]
        guard before == 0x20 || before == 0x09 || before == 0x0A || before == UInt8(ascii: "(") || before == UInt8(ascii: "{")
            || before == UInt8(ascii: "[") || before == UInt8(ascii: ",")
        else { return false }
        return opensQuotationAfterSeparator(at: index, length: length, contentStart: contentStart)
    }

    /// The rest of ``opensQuotation(at:length:contentStart:)``, once the
    /// quote follows a space or an opening bracket.
    func opensQuotationAfterSeparator(at index: Int, length: Int, contentStart: Int) -> Bool {
        let after = input[index + length]
        guard !RepairScanner.isSpace(after), quoteLength(at: index + length) == 0,
            !RepairScanner.valueStringTerminators.contains(after)
        else { return false }
        if startsMember(at: index) {
            var previous = index - 1
            while previous > contentStart, RepairScanner.isSpace(input[previous]) { previous -= 1 }
            if input[previous] == UInt8(ascii: ",") || input[index - 1] == 0x0A { return false }
        }
        return true
    }

    /// Whether the partner of a quotation's opening quote also ends the
    /// string: only where the value plainly ends there.
    func partnerCloses(next look: Int, context: StringContext) -> Bool {
        switch input[look] {
        case UInt8(ascii: ","): return context == .arrayElement || memberOrEndFollows(comma: look)
        case UInt8(ascii: "]"): return context == .arrayElement
        default: return false
        }
    }

    /// Whether the quote at `index` closes the string, judged by what
    /// follows it (`look`, after spaces and tabs) in the string's context.
    /// `openBracket` is the innermost bracket still open in the text, when
    /// a closing bracket follows (`"[a-z"]"`: that `]` is the text's own).
    func quoteCloses(
        at index: Int, length: Int, next look: Int, context: StringContext, terminators: ByteSet, openBracket: UInt8?
    ) -> Bool {
        guard look < limit else { return true }
        let c = input[look]
        if c == UInt8(ascii: "}") || c == UInt8(ascii: "]") {
            let opener = c == UInt8(ascii: "}") ? UInt8(ascii: "{") : UInt8(ascii: "[")
            return openBracket != opener
        }
        if c == 0x0A || c == 0x0D || quoteLength(at: look) > 0 {
            return closesBeforeQuote(at: index, next: look, context: context, terminators: terminators)
        }
        switch context {
        case .memberValue:
            if c == UInt8(ascii: ",") { return memberFollowsComma(at: look) }
            if terminators.contains(c) || RepairScanner.afterClosingQuote.contains(c) { return true }
            // `"a" b: 1`: a member whose comma was left out; `"xxxxx" true}`: stray text before the end.
            return (look > index + length && startsMember(at: look)) || strayWordEnds(at: look, context: context)
        case .arrayElement:
            if terminators.contains(c) || RepairScanner.afterClosingQuote.contains(c) { return true }
            return closesArrayElement(quoteAt: index, next: look) || strayWordEnds(at: look, context: context)
        case .key, .other:
            return terminators.contains(c) || RepairScanner.afterClosingQuote.contains(c)
        }
    }

    /// A quote followed by a line break or another quote: it closes unless
    /// the next quote is the one that ends the value (`"a"\n", "b": …` —
    /// the first quote is text). Before the next member (a comma left out)
    /// it closes.
    func closesBeforeQuote(at index: Int, next look: Int, context: StringContext, terminators: ByteSet) -> Bool {
        var next = look
        while next < limit, RepairScanner.isSpace(input[next]) { next += 1 }
        guard next < limit else { return true }
        let quote = quoteLength(at: next)
        guard quote > 0 else {
            return context == .key ? terminators.contains(input[look]) || RepairScanner.afterClosingQuote.contains(input[look]) : true
        }
        // A key: `"key" "value"` lacks its colon; `""key"":` doubles its quotes.
        if context == .key { return next > index + 1 || byte(at: next + quote) == UInt8(ascii: ":") }
        if startsMember(at: next) { return true }
        var after = next + quote
        while after < limit, input[after] == 0x20 || input[after] == 0x09 { after += 1 }
        // The next quote ends the value when a comma and more values follow it
        // (before a trailing comma, it is a stray quote instead).
        guard after < limit, input[after] == UInt8(ascii: ",") else { return true }
        after += 1
        while after < limit, RepairScanner.isSpace(input[after]) { after += 1 }
        return after >= limit || input[after] == UInt8(ascii: "}") || input[after] == UInt8(ascii: "]")
    }

    /// Where a bare word (letters, digits, `_`, `-`) starting at `index`
    /// ends (`index` itself when there is none).
    func endOfBareWord(from index: Int) -> Int {
        var look = index
        while look < limit, RepairScanner.isLetter(input[look]) || RepairScanner.isDigit(input[look])
            || input[look] == UInt8(ascii: "_") || input[look] == UInt8(ascii: "-")
        {
            look += 1
        }
        return look
    }

    /// Whether a word (and spaces) at `index` runs into the end of the
    /// value: the end of the text, the container's closer, or a comma
    /// before the next member — stray text after a closed string.
    func strayWordEnds(at index: Int, context: StringContext) -> Bool {
        var look = endOfBareWord(from: index)
        guard look > index else { return false }
        while look < limit, input[look] == 0x20 || input[look] == 0x09 { look += 1 }
        guard look < limit else { return true }
        switch input[look] {
        case UInt8(ascii: "}"): return context == .memberValue
        case UInt8(ascii: "]"): return context == .arrayElement
        case UInt8(ascii: ","): return context == .arrayElement || memberOrEndFollows(comma: look)
        default: return false
        }
    }

    /// Whether the next member, the object's `}` or the end of the text
    /// follows the comma at `comma`.
    func memberOrEndFollows(comma: Int) -> Bool {
        var after = comma + 1
        while after < limit, RepairScanner.isSpace(input[after]) { after += 1 }
        return after >= limit || input[after] == UInt8(ascii: "}") || startsMember(at: after)
    }
}
