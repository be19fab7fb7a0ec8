import Foundation
import SchemataRegex

/// Regex rows: typical schema patterns on realistic strings, and the ReDoS
/// corpus on growing inputs, for Schemata's engine beside
/// `NSRegularExpression` and Swift `Regex` in the same run. Backtracking
/// engines are time-boxed: once one search takes longer than the box, the
/// larger inputs are skipped for that engine ("blows up").
enum RegexBenchmark {
    static let typical: [(name: String, pattern: String, inputs: [String])] = [
        ("identifier", "^[A-Za-z_][A-Za-z0-9_]*$", ["user_name", "_private42", "9lives", "camelCaseIdentifierThatIsLong"]),
        ("email", "^[^@\\s]+@[^@\\s]+\\.[a-z]{2,}$", ["ada@example.com", "first.last+tag@sub.domain.org", "not-an-email", "x@y"]),
        ("date", "^\\d{4}-\\d{2}-\\d{2}$", ["2026-11-25", "1999-01-01", "25/11/2026", "2026-1-1"]),
        ("semver", "^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-[0-9A-Za-z.-]+)?(?:\\+[0-9A-Za-z.-]+)?$",
            ["1.2.3", "10.20.30-rc.1+build.5", "1.2", "01.2.3"]),
        ("uuid", "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$",
            ["123e4567-e89b-12d3-a456-426614174000", "not-a-uuid", "123e4567e89b12d3a456426614174000"]),
        ("x-prefix", "^x-", ["x-custom-header", "content-type", "x-"]),
    ]

    static let redos: [(pattern: String, input: @Sendable (Int) -> String)] = [
        ("^(a+)+$", { String(repeating: "a", count: $0) + "!" }),
        ("(a|aa)*b", { String(repeating: "a", count: $0) }),
        ("(\\w+\\s?)*$", { String(repeating: "word ", count: max(1, $0 / 5)) + "!" }),
        ("^(([a-z])+.)+[A-Z]([a-z])+$", { String(repeating: "ab", count: max(1, $0 / 2)) + "!" }),
    ]

    static func seconds(_ body: () -> Void) -> Double {
        let start = monotonicSeconds()
        body()
        return monotonicSeconds() - start
    }

    static func run() {
        print("| typical pattern | Schemata ns/search | NSRegularExpression ns/search | Swift Regex ns/search | vs NSRegularExpression | vs Swift Regex |")
        print("|---|---:|---:|---:|---:|---:|")
        let repetitions = 20_000
        for (name, pattern, inputs) in typical {
            let ours = try! ECMARegex(pattern)
            let ns = try! NSRegularExpression(pattern: pattern)
            let swift = try! Regex(pattern)
            var sink = 0
            let oursTime = seconds {
                for _ in 0..<repetitions { for input in inputs where ours.matches(input) { sink += 1 } }
            }
            let nsTime = seconds {
                for _ in 0..<repetitions {
                    for input in inputs where ns.firstMatch(in: input, range: NSRange(input.startIndex..., in: input)) != nil { sink += 1 }
                }
            }
            let swiftTime = seconds {
                for _ in 0..<repetitions { for input in inputs where (try? swift.firstMatch(in: input)) != nil { sink += 1 } }
            }
            let searches = Double(repetitions * inputs.count)
            func perSearch(_ t: Double) -> String { String(format: "%.0f", t / searches * 1e9) }
            print("| \(name) | \(perSearch(oursTime)) | \(perSearch(nsTime)) | \(perSearch(swiftTime)) | \(String(format: "%.1f", nsTime / oursTime))× | \(String(format: "%.1f", swiftTime / oursTime))× |")
            if sink == -1 { print(sink) }
        }
        print("")
        let sizes = [10, 100, 1_000, 10_000, 100_000]
        let box = 0.25
        print("| ReDoS pattern | engine | " + sizes.map { "\($0) chars" }.joined(separator: " | ") + " |")
        print("|---|---|" + sizes.map { _ in "---:" }.joined(separator: "|") + "|")
        for (pattern, make) in redos {
            let ours = try! ECMARegex(pattern)
            let ns = try! NSRegularExpression(pattern: pattern)
            let swift = try! Regex(pattern)
            let engines: [(String, (String) -> Void)] = [
                ("Schemata", { _ = ours.search($0) }),
                ("NSRegularExpression", { input in _ = ns.firstMatch(in: input, range: NSRange(input.startIndex..., in: input)) }),
                ("Swift Regex", { input in _ = try? swift.firstMatch(in: input) }),
            ]
            for (name, engine) in engines {
                // Backtracking engines can take exponential time: grow the
                // input two characters at a time up to each column's size and
                // stop at the first search slower than the box.
                var cells: [String] = []
                var blownAt: Int?
                var probe = 8
                for size in sizes {
                    if let at = blownAt {
                        cells.append("blown up (> \(Int(box * 1000)) ms at \(at) chars)")
                        continue
                    }
                    if name != "Schemata" {
                        while probe < size, blownAt == nil {
                            if seconds({ engine(make(probe)) }) > box { blownAt = probe }
                            probe = probe < 64 ? probe + 2 : probe * 2
                        }
                        if let at = blownAt {
                            cells.append("blown up (> \(Int(box * 1000)) ms at \(at) chars)")
                            continue
                        }
                    }
                    let time = seconds { engine(make(size)) }
                    cells.append(String(format: "%.3f ms", time * 1000))
                    if time > box { blownAt = size }
                }
                print("| `\(pattern)` | \(name) | " + cells.joined(separator: " | ") + " |")
            }
        }
        print("(time box \(box) s per search: an engine that exceeds it is not run on larger inputs)")
    }
}
