import Foundation
import Testing
@testable import SchemataRegex
import SchemataTestSupport

/// Generated patterns and inputs, checked against `NSRegularExpression` on
/// the subset where ECMA-262 and ICU agree (literals, classes, `.`,
/// quantifiers, alternation, groups, anchors).
@Suite struct DifferentialTests {
    static func atom(_ random: inout SeededGenerator, depth: Int) -> String {
        switch random.below(depth > 2 ? 6 : 9) {
        case 0, 1: return ["a", "b", "c"][random.below(3)]
        case 2: return "."
        case 3: return ["[ab]", "[^a]", "[a-c]", "\\d", "\\w", "\\s"][random.below(6)]
        case 4: return "x"
        case 5: return "\\."
        case 6: return "(" + pattern(&random, depth: depth + 1) + ")"
        case 7: return "(?:" + pattern(&random, depth: depth + 1) + "|" + pattern(&random, depth: depth + 1) + ")"
        default: return "(" + pattern(&random, depth: depth + 1) + ")"
        }
    }

    /// ICU and ECMA-262 differ on quantified groups that can match the empty
    /// string (ICU stops such loops differently), so quantifiers are applied
    /// to single-character atoms only.
    static func pattern(_ random: inout SeededGenerator, depth: Int = 0) -> String {
        var text = ""
        for _ in 0..<(1 + random.below(3)) {
            let piece = atom(&random, depth: depth)
            text += piece
            if piece.hasPrefix("(") { continue }
            switch random.below(8) {
            case 0: text += "*"
            case 1: text += "+"
            case 2: text += "?"
            case 3: text += "{\(random.below(3)),\(2 + random.below(3))}"
            case 4: text += "*?"
            default: break
            }
        }
        return text
    }

    @Test func agreesWithNSRegularExpression() throws {
        var random = SeededGenerator(state: 0x5C4E_3A7A)
        var compared = 0
        for _ in 0..<400 {
            var source = Self.pattern(&random)
            if random.below(4) == 0 { source = "^" + source }
            if random.below(4) == 0 { source += "$" }
            let ours = try ECMARegex(source)
            let icu = try NSRegularExpression(pattern: source)
            for _ in 0..<12 {
                // No line terminators: ICU's `$` also matches before a final one, ECMA's does not.
                let alphabet: [Character] = ["a", "b", "c", "x", ".", " ", "1", "_"]
                let input = String((0..<random.below(9)).map { _ in alphabet[random.below(alphabet.count)] })
                let expected = icu.firstMatch(in: input, range: NSRange(input.startIndex..., in: input)) != nil
                #expect(ours.matches(input) == expected, "pattern \(source) on \(input.debugDescription): ICU says \(expected)")
                compared += 1
            }
        }
        #expect(compared == 4800)
    }
}
