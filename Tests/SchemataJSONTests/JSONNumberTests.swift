import Testing
@testable import SchemataJSON

@Suite struct JSONNumberTests {
    func number(_ text: String) throws -> JSONNumber {
        try #require(JSONNumber(text: text), "not a number: \(text)")
    }

    @Test(arguments: [["1", "1.0", "1e0", "10e-1", "0.1e1", "1.000", "100e-2"], ["0", "-0", "0.0", "0e10", "-0.0e-5"],
        ["-9223372036854775808", "-9.223372036854775808e18"], ["18446744073709551616", "1.8446744073709551616e19"],
        ["1e400", "10e399", "0.1e401"]])
    func equalAcrossSpellings(spellings: [String]) throws {
        let numbers = try spellings.map(number)
        for a in numbers {
            for b in numbers {
                #expect(a == b, "\(a) should equal \(b)")
                #expect(a.hashValue == b.hashValue, "\(a) and \(b) should hash alike")
                #expect(!(a < b))
            }
        }
    }

    @Test func orderingIsExact() throws {
        let ascending = try ["-1e400", "-18446744073709551616", "-9223372036854775808", "-1.5", "-1", "-0.000001", "0",
            "1e-400", "0.1", "0.10000000000000001", "1", "1.0000000000000000000001", "2", "9223372036854775807",
            "9223372036854775808", "1e400"].map(number)
        for (i, a) in ascending.enumerated() {
            for (j, b) in ascending.enumerated() {
                #expect((a < b) == (i < j), "\(a) < \(b) should be \(i < j)")
                #expect((a == b) == (i == j), "\(a) == \(b) should be \(i == j)")
            }
        }
    }

    @Test func keepsExactText() throws {
        for text in ["1e400", "2.50", "-0", "18446744073709551616", "0.1", "1E+2", "-0.0e-0"] {
            #expect(try number(text).text == text)
        }
        #expect(try number("42").text == "42")
    }

    /// Literals up to 32 characters are packed four bits a character
    /// (no allocation), longer ones kept as text: both read back exactly,
    /// and compare by value with each other and with integers.
    @Test func packedLiteralsKeepTheirText() throws {
        let alphabet = Array("0123456789")
        for length in 7...40 {
            // "-d.ddd…e+5": every character class, at every length.
            var text = "-" + String(alphabet[length % 10]) + "."
            while text.count < length - 3 { text.append(alphabet[text.count % 10]) }
            text += "E+5"
            let number = try number(text)
            #expect(number.text == text)
            if case .packed = number.storage { #expect(text.utf8.count <= 32) } else { #expect(text.utf8.count > 32) }
            let written = JSONSerializer().string(from: .number(number))
            #expect(written == text)
        }
        #expect(try number("23.531240999999994") == number("2353124099999999.4e-14"))
        #expect(try number("1.0000000000000000000000000000000000000000") == JSONNumber(1))
        #expect(try number("1.00000000000000000000000000000") == number("1.0000000000000000000000000000000000000000"))
        #expect(try number("12345678901234567890.5") > number("12345678901234567890.49999999999999999999"))
        #expect(try number("0.1e-7").doubleValue == 0.1e-7)
        #expect(try number("2.50").isInteger == false)
        #expect(try number("2.0e1").int64Value == 20)
    }

    @Test func integerFollowsJSONSchema() throws {
        #expect(try number("1.0").isInteger)
        #expect(try number("1e2").isInteger)
        #expect(try number("1.5e1").isInteger)
        #expect(try number("18446744073709551616").isInteger)
        #expect(!(try number("1.5")).isInteger)
        #expect(!(try number("1e-1")).isInteger)
        #expect(try number("-0.0").isInteger)
    }

    @Test func int64Values() throws {
        #expect(try number("1.0").int64Value == 1)
        #expect(try number("-9223372036854775808").int64Value == Int64.min)
        #expect(try number("9223372036854775807").int64Value == Int64.max)
        #expect(try number("9223372036854775808").int64Value == nil)
        #expect(try number("1.5").int64Value == nil)
        #expect(try number("12e3").int64Value == 12000)
    }

    @Test func doubleValues() throws {
        #expect(try number("0.1").doubleValue == 0.1)
        #expect(try number("1e400").doubleValue == .infinity)
        #expect(try number("-1e400").doubleValue == -.infinity)
        #expect(JSONNumber(Double(0.5))?.text == "0.5")
        #expect(JSONNumber(Double(3))?.text == "3")
        #expect(JSONNumber(Double.nan) == nil)
        #expect(JSONNumber(Double.infinity) == nil)
    }

    @Test(arguments: ["", "-", "01", "1.", ".5", "1e", "1e+", "+1", "0x10", "1 ", "NaN", "Infinity", "--1", "1.2.3"])
    func rejectsInvalidText(text: String) {
        #expect(JSONNumber(text: text) == nil)
    }

    @Test func rejectsAbsurdExponents() {
        #expect(JSONNumber(text: "1e99999999999999999999") == nil)
        #expect(JSONNumber(text: "1e400") != nil)
    }

    @Test func parsedNumbersCompareExactly() throws {
        let value = try JSONValue(parsing: "[1, 1.0, 1e0, 10e-1, 2]")
        let elements = try #require(value.arrayValue)
        #expect(elements[0] == elements[1])
        #expect(elements[1] == elements[2])
        #expect(elements[2] == elements[3])
        #expect(elements[3] != elements[4])
        #expect(Set(elements).count == 2)
    }

    @Test func wideIntegersKeepTheirValue() {
        #expect(JSONNumber(UInt64.max).text == "18446744073709551615")
        #expect(JSONNumber(UInt64.max) > JSONNumber(Int64.max))
    }
}
