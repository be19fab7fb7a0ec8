/// A pattern that is not valid ECMA-262 (with the `u` flag).
public struct RegexSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong.
    public var message: String
    /// Where, as an offset in Unicode scalars from the start of the pattern.
    public var offset: Int

    public var description: String { "\(message) (at character \(offset + 1))" }
}

/// Parses ECMA-262 pattern syntax with `u`-flag semantics, as JSON Schema
/// uses it: strict escapes (`\a` is an error), `\u{…}`, `\p{…}`, named
/// groups, lookaround and backreferences.
struct RegexParser {
    let scalars: [UInt32]
    var position = 0
    var captureCount = 0
    var groupNames: [String: Int] = [:]
    /// Named backreferences seen before their group, checked at the end.
    var pendingNames: [(name: String, offset: Int)] = []
    var maximumBackreference = 0

    init(_ pattern: String) {
        scalars = pattern.unicodeScalars.map(\.value)
    }

    static let syntaxCharacters: Set<UInt32> = Set("^$\\.*+?()[]{}|/".unicodeScalars.map(\.value))

    mutating func parse() throws(RegexSyntaxError) -> RegexNode {
        let node = try parseAlternation()
        if position < scalars.count {
            throw error(scalars[position] == 0x29 ? "unmatched ')'" : "unexpected '\(character(scalars[position]))'")
        }
        for pending in pendingNames where groupNames[pending.name] == nil {
            throw RegexSyntaxError(message: "no group named '\(pending.name)'", offset: pending.offset)
        }
        if maximumBackreference > captureCount {
            throw RegexSyntaxError(message: "backreference \\\(maximumBackreference) names a group that does not exist", offset: 0)
        }
        return pendingNames.isEmpty ? node : resolveForwardNames(node)
    }

    /// Replaces placeholders for `\k<name>` written before the group.
    func resolveForwardNames(_ node: RegexNode) -> RegexNode {
        switch node {
        case .backreference(let index) where index < 0:
            return .backreference(groupNames[pendingNames[-index - 1].name] ?? 0)
        case .sequence(let nodes): return .sequence(nodes.map(resolveForwardNames))
        case .alternation(let nodes): return .alternation(nodes.map(resolveForwardNames))
        case .repetition(let inner, let minimum, let maximum, let greedy):
            return .repetition(resolveForwardNames(inner), minimum: minimum, maximum: maximum, greedy: greedy)
        case .group(let inner, let index): return .group(resolveForwardNames(inner), index: index)
        case .lookaround(let inner, let ahead, let negated):
            return .lookaround(resolveForwardNames(inner), ahead: ahead, negated: negated)
        default: return node
        }
    }

    func error(_ message: String) -> RegexSyntaxError {
        RegexSyntaxError(message: message, offset: position)
    }

    func character(_ value: UInt32) -> String {
        Unicode.Scalar(value).map { String(Character($0)) } ?? "?"
    }

    var atEnd: Bool { position >= scalars.count }
    var current: UInt32? { atEnd ? nil : scalars[position] }

    mutating func eat(_ scalar: Character) -> Bool {
        if current == scalar.unicodeScalars.first!.value {
            position += 1
            return true
        }
        return false
    }

    // MARK: Alternation, sequence, quantifiers

    mutating func parseAlternation() throws(RegexSyntaxError) -> RegexNode {
        var branches = [try parseSequence()]
        while eat("|") { branches.append(try parseSequence()) }
        return branches.count == 1 ? branches[0] : .alternation(branches)
    }

    mutating func parseSequence() throws(RegexSyntaxError) -> RegexNode {
        var items: [RegexNode] = []
        while let next = current, next != 0x7C, next != 0x29 {  // '|' ')'
            let start = position
            var atom = try parseTerm()
            if case .some(let quantifier) = try parseQuantifier() {
                switch atom {
                case .startAnchor, .endAnchor, .wordBoundary:
                    throw RegexSyntaxError(message: "nothing to repeat", offset: start)
                case .lookaround(_, let ahead, _) where !ahead:
                    throw RegexSyntaxError(message: "a lookbehind cannot be repeated", offset: start)
                default:
                    break
                }
                atom = .repetition(atom, minimum: quantifier.minimum, maximum: quantifier.maximum, greedy: quantifier.greedy)
            }
            items.append(atom)
        }
        if items.isEmpty { return .empty }
        return items.count == 1 ? items[0] : .sequence(items)
    }

    mutating func parseQuantifier() throws(RegexSyntaxError) -> (minimum: Int, maximum: Int?, greedy: Bool)? {
        guard let next = current else { return nil }
        var minimum = 0
        var maximum: Int?
        switch next {
        case 0x2A: position += 1  // *
        case 0x2B: minimum = 1; position += 1  // +
        case 0x3F: maximum = 1; position += 1  // ?
        case 0x7B:  // {
            let start = position
            position += 1
            guard let low = parseDecimal() else { throw RegexSyntaxError(message: "incomplete quantifier '{'", offset: start) }
            minimum = low
            maximum = low
            if eat(",") {
                maximum = current == 0x7D ? nil : parseDecimal()
                if current != 0x7D { throw RegexSyntaxError(message: "incomplete quantifier '{'", offset: start) }
            }
            guard eat("}") else { throw RegexSyntaxError(message: "incomplete quantifier '{'", offset: start) }
            if let maximum, maximum < minimum {
                throw RegexSyntaxError(message: "numbers out of order in {} quantifier", offset: start)
            }
        default:
            return nil
        }
        let greedy = !eat("?")
        if let next = current, next == 0x2A || next == 0x2B || next == 0x3F || next == 0x7B {
            throw error("nothing to repeat")
        }
        return (minimum, maximum, greedy)
    }

    mutating func parseDecimal() -> Int? {
        var value = 0
        var digits = 0
        while let next = current, next >= 0x30, next <= 0x39 {
            value = min(value * 10 + Int(next - 0x30), 1_000_000_000)
            digits += 1
            position += 1
        }
        return digits == 0 ? nil : value
    }

    // MARK: Terms

    mutating func parseTerm() throws(RegexSyntaxError) -> RegexNode {
        guard let next = current else { return .empty }
        switch next {
        case 0x5E: position += 1; return .startAnchor  // ^
        case 0x24: position += 1; return .endAnchor  // $
        case 0x2E: position += 1; return .set(.dot)  // .
        case 0x28: return try parseGroup()
        case 0x5B: return try parseClass()
        case 0x5C: return try parseAtomEscape()
        case 0x2A, 0x2B, 0x3F: throw error("nothing to repeat")
        case 0x7B: throw error("lone '{' (write \\{)")
        case 0x7D: throw error("lone '}' (write \\})")
        case 0x5D: throw error("lone ']' (write \\])")
        default:
            position += 1
            return .scalar(next)
        }
    }

    mutating func parseGroup() throws(RegexSyntaxError) -> RegexNode {
        let start = position
        position += 1  // (
        var node: RegexNode
        if eat("?") {
            if eat(":") {
                node = .group(try parseAlternation(), index: nil)
            } else if eat("=") {
                node = .lookaround(try parseAlternation(), ahead: true, negated: false)
            } else if eat("!") {
                node = .lookaround(try parseAlternation(), ahead: true, negated: true)
            } else if eat("<") {
                if eat("=") {
                    node = .lookaround(try parseAlternation(), ahead: false, negated: false)
                } else if eat("!") {
                    node = .lookaround(try parseAlternation(), ahead: false, negated: true)
                } else {
                    let name = try parseGroupName()
                    if groupNames[name] != nil { throw RegexSyntaxError(message: "duplicate group name '\(name)'", offset: start) }
                    captureCount += 1
                    let index = captureCount
                    groupNames[name] = index
                    node = .group(try parseAlternation(), index: index)
                }
            } else {
                throw RegexSyntaxError(message: "invalid group: '(?' must be followed by ':', '=', '!', '<=', '<!' or '<name>'", offset: start)
            }
        } else {
            captureCount += 1
            let index = captureCount
            node = .group(try parseAlternation(), index: index)
        }
        guard eat(")") else { throw RegexSyntaxError(message: "unterminated group", offset: start) }
        return node
    }

    mutating func parseGroupName() throws(RegexSyntaxError) -> String {
        var name = ""
        while let next = current, next != 0x3E {
            guard let scalar = Unicode.Scalar(next), scalar.properties.isIDContinue || next == 0x24 || next == 0x5F else {
                throw error("invalid character in group name")
            }
            if name.isEmpty, !(scalar.properties.isIDStart || next == 0x24 || next == 0x5F) {
                throw error("invalid group name")
            }
            name.unicodeScalars.append(scalar)
            position += 1
        }
        guard !name.isEmpty, eat(">") else { throw error("invalid group name") }
        return name
    }

    // MARK: Escapes

    mutating func parseAtomEscape() throws(RegexSyntaxError) -> RegexNode {
        let start = position
        position += 1  // backslash
        guard let next = current else { throw RegexSyntaxError(message: "\\ at end of pattern", offset: start) }
        switch next {
        case 0x62: position += 1; return .wordBoundary(negated: false)  // \b
        case 0x42: position += 1; return .wordBoundary(negated: true)  // \B
        case 0x31...0x39:  // \1 … backreference
            let number = parseDecimal() ?? 0
            maximumBackreference = max(maximumBackreference, number)
            return .backreference(number)
        case 0x6B:  // \k<name>
            position += 1
            guard eat("<") else { throw RegexSyntaxError(message: "invalid named reference", offset: start) }
            let name = try parseGroupName()
            if let index = groupNames[name] { return .backreference(index) }
            pendingNames.append((name, start))
            return .backreference(-pendingNames.count)
        default:
            if let set = try parseClassEscape() { return .set(set) }
            return .scalar(try parseCharacterEscape(inClass: false, start: start))
        }
    }

    /// `\d \D \w \W \s \S \p{…} \P{…}`, or `nil` (nothing consumed).
    mutating func parseClassEscape() throws(RegexSyntaxError) -> ScalarSet? {
        guard let next = current else { return nil }
        switch next {
        case 0x64: position += 1; return .digits
        case 0x44: position += 1; return ScalarSet.digits.inverted()
        case 0x77: position += 1; return .word
        case 0x57: position += 1; return ScalarSet.word.inverted()
        case 0x73: position += 1; return .whitespace
        case 0x53: position += 1; return ScalarSet.whitespace.inverted()
        case 0x70, 0x50:  // p, P
            let start = position - 1
            position += 1
            guard eat("{") else { throw RegexSyntaxError(message: "\\p must be followed by {property}", offset: start) }
            var name = ""
            while let scalar = current, scalar != 0x7D {
                name.unicodeScalars.append(Unicode.Scalar(scalar)!)
                position += 1
            }
            guard eat("}") else { throw RegexSyntaxError(message: "unterminated \\p{…}", offset: start) }
            guard let set = ScalarSet.property(name) else {
                throw RegexSyntaxError(message: "unknown Unicode property '\(name)'", offset: start)
            }
            return next == 0x50 ? set.inverted() : set
        default:
            return nil
        }
    }

    /// A character escape after the backslash: control escapes, `\cX`,
    /// `\0`, `\xHH`, `\uHHHH`, `\u{…}`, and syntax characters.
    mutating func parseCharacterEscape(inClass: Bool, start: Int) throws(RegexSyntaxError) -> UInt32 {
        guard let next = current else { throw RegexSyntaxError(message: "\\ at end of pattern", offset: start) }
        position += 1
        switch next {
        case 0x74: return 0x09  // t
        case 0x6E: return 0x0A  // n
        case 0x76: return 0x0B  // v
        case 0x66: return 0x0C  // f
        case 0x72: return 0x0D  // r
        case 0x63:  // cX
            guard let letter = current, (0x41...0x5A).contains(letter) || (0x61...0x7A).contains(letter) else {
                throw RegexSyntaxError(message: "\\c must be followed by a letter", offset: start)
            }
            position += 1
            return letter % 32
        case 0x30:  // \0 not followed by a digit
            if let digit = current, (0x30...0x39).contains(digit) {
                throw RegexSyntaxError(message: "invalid decimal escape", offset: start)
            }
            return 0
        case 0x78:  // xHH
            guard let value = parseHex(count: 2) else { throw RegexSyntaxError(message: "invalid \\x escape", offset: start) }
            return value
        case 0x75:  // u
            if eat("{") {
                var value: UInt32 = 0
                var digits = 0
                while let digit = current, let nibble = hexValue(digit) {
                    value = value * 16 + nibble
                    digits += 1
                    position += 1
                    if value > 0x10FFFF { throw RegexSyntaxError(message: "\\u{…} above U+10FFFF", offset: start) }
                }
                guard digits > 0, eat("}") else { throw RegexSyntaxError(message: "invalid \\u{…} escape", offset: start) }
                return value
            }
            guard let unit = parseHex(count: 4) else { throw RegexSyntaxError(message: "invalid \\u escape", offset: start) }
            if (0xD800...0xDBFF).contains(unit), current == 0x5C, position + 1 < scalars.count, scalars[position + 1] == 0x75 {
                let save = position
                position += 2
                if let low = parseHex(count: 4), (0xDC00...0xDFFF).contains(low) {
                    return 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                }
                position = save
            }
            return unit
        case 0x2D where inClass:  // \- inside a class
            return 0x2D
        case 0x62 where inClass:  // \b is backspace inside a class
            return 0x08
        default:
            if RegexParser.syntaxCharacters.contains(next) { return next }
            throw RegexSyntaxError(message: "invalid escape '\\\(character(next))' (not an ECMA-262 escape)", offset: start)
        }
    }

    mutating func parseHex(count: Int) -> UInt32? {
        guard position + count <= scalars.count else { return nil }
        var value: UInt32 = 0
        for offset in 0..<count {
            guard let nibble = hexValue(scalars[position + offset]) else { return nil }
            value = value * 16 + nibble
        }
        position += count
        return value
    }

    func hexValue(_ scalar: UInt32) -> UInt32? {
        switch scalar {
        case 0x30...0x39: return scalar - 0x30
        case 0x41...0x46: return scalar - 0x37
        case 0x61...0x66: return scalar - 0x57
        default: return nil
        }
    }

    // MARK: Classes

    mutating func parseClass() throws(RegexSyntaxError) -> RegexNode {
        let start = position
        position += 1  // [
        let negated = eat("^")
        var ranges: [ClosedRange<UInt32>] = []
        var set = ScalarSet()
        while true {
            guard let next = current else { throw RegexSyntaxError(message: "unterminated character class", offset: start) }
            if next == 0x5D {
                position += 1
                break
            }
            let first = try parseClassAtom()
            if current == 0x2D, position + 1 < scalars.count, scalars[position + 1] != 0x5D {
                position += 1  // -
                let second = try parseClassAtom()
                guard case .scalar(let low) = first, case .scalar(let high) = second else {
                    throw RegexSyntaxError(message: "a class escape cannot bound a range", offset: position)
                }
                guard low <= high else { throw RegexSyntaxError(message: "range out of order in character class", offset: position) }
                ranges.append(low...high)
                continue
            }
            switch first {
            case .scalar(let value): ranges.append(value...value)
            case .set(let members): set = set.union(members)
            }
        }
        var result = set.union(ScalarSet(ranges))
        if negated { result = result.inverted() }
        return .set(result)
    }

    enum ClassAtom {
        case scalar(UInt32)
        case set(ScalarSet)
    }

    mutating func parseClassAtom() throws(RegexSyntaxError) -> ClassAtom {
        let start = position
        guard let next = current else { throw error("unterminated character class") }
        if next == 0x5C {
            position += 1
            if let set = try parseClassEscape() { return .set(set) }
            return .scalar(try parseCharacterEscape(inClass: true, start: start))
        }
        position += 1
        return .scalar(next)
    }
}
