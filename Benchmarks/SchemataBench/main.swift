import SchemataJSON
import SchemataRepair

#if canImport(FoundationEssentials)
import FoundationEssentials
#endif
import Foundation

/// `schemata-bench`: JSON core throughput, release build only.
///
/// Usage: schemata-bench [--size-mb N] [--repeat N] [--only value|tape|stream] [--write-document PATH]
/// Measures, on one generated document, in one run:
/// - parse into JSONValue and into the JSONDocument tape (Schemata),
/// - Foundation JSONSerialization and JSONDecoder (peers),
/// - the incremental parser fed 1 MB in 4-byte pieces with a snapshot after
///   every piece, as a ratio to one whole parse of the same megabyte.

func monotonicSeconds() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_MONOTONIC, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
}

/// Best wall time of `repeats` runs of `body`.
func best(_ repeats: Int, _ body: () throws -> Void) rethrows -> Double {
    var fastest = Double.infinity
    for _ in 0..<repeats {
        let start = monotonicSeconds()
        try body()
        fastest = min(fastest, monotonicSeconds() - start)
    }
    return fastest
}

func format(_ value: Double, _ digits: Int = 1) -> String {
    String(format: "%.\(digits)f", value)
}

var sizeMB = 20
var repeats = 5
var only: String?
var writePath: String?
var regexOnly = false
var repairPaths: [String] = []
var arguments = CommandLine.arguments.dropFirst().makeIterator()
while let argument = arguments.next() {
    switch argument {
    case "--size-mb": sizeMB = Int(arguments.next() ?? "") ?? sizeMB
    case "--repeat": repeats = Int(arguments.next() ?? "") ?? repeats
    case "--only": only = arguments.next()
    case "--write-document": writePath = arguments.next()
    case "--regex": regexOnly = true
    case "--repair": repairPaths.append(arguments.next() ?? "")
    default:
        print("usage: schemata-bench [--size-mb N] [--repeat N]")
        exit(2)
    }
}

// `--repair FILE` (repeatable): best-of-N milliseconds of JSONRepairer on
// each file, in process, one line per file (read by Benchmarks/repair.py).
if !repairPaths.isEmpty {
    for path in repairPaths {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var edits = 0
        let seconds = best(repeats) { edits = JSONRepairer().repair(text).edits.count }
        print("\(path) \(format(seconds * 1000, 2)) ms \(edits) edits")
    }
    exit(0)
}

if regexOnly {
    RegexBenchmark.run()
    exit(0)
}

#if DEBUG
print("warning: this is a debug build; run `make bench` (release) for meaningful figures")
#endif

var generator = DocumentGenerator()
let document = generator.document(bytes: sizeMB * 1_000_000)
let megabytes = Double(document.count) / 1e6
print("Schemata JSON benchmark: generated document of \(format(megabytes, 2)) MB, best of \(repeats) runs")
print("")

// Comparison aid: save the generated document (e.g. for a raw yajl run).
if let writePath {
    try Data(document).write(to: URL(fileURLWithPath: writePath))
    exit(0)
}

/// What to do with a snapshot after each piece.
enum SnapshotUse { case none, take, read }

/// Feeds `bytes` to an incremental parser 4 bytes at a time; returns the
/// number of pieces. `.read` takes a snapshot and reads its in-flight string
/// after every piece (what a streaming UI does).
func streamInPieces(_ bytes: [UInt8], snapshot: SnapshotUse) throws -> Int {
    let parser = IncrementalJSONParser()
    var pieces = 0
    try bytes.withUnsafeBytes { all in
        var offset = 0
        while offset < all.count {
            let end = min(offset + 4, all.count)
            try parser.feed(UnsafeRawBufferPointer(rebasing: all[offset..<end]))
            switch snapshot {
            case .none: break
            case .take: _ = parser.snapshot
            case .read: _ = parser.snapshot.inFlightString
            }
            pieces += 1
            offset = end
        }
    }
    _ = try parser.finish()
    return pieces
}

// Profiling aid: run one workload in a loop.
if let only {
    for _ in 0..<repeats {
        switch only {
        case "value": _ = try JSONParser().parse(document)
        case "tape": _ = try JSONParser().parseDocument(document)
        case "feed-only": _ = try streamInPieces(document, snapshot: .none)
        case "snapshot-only": _ = try streamInPieces(document, snapshot: .take)
        case "stream": _ = try streamInPieces(document, snapshot: .read)
        default: break
        }
    }
    exit(0)
}

// Sanity: every parser must agree on the record count.
let value = try JSONParser().parse(document)
let recordCount = value.arrayValue?.count ?? 0
let data = Data(document)
let foundationCount = (try JSONSerialization.jsonObject(with: data) as? [Any])?.count ?? -1
precondition(recordCount == foundationCount, "parsers disagree: \(recordCount) vs \(foundationCount)")

let valueTime = try best(repeats) { _ = try JSONParser().parse(document) }
let tapeTime = try best(repeats) { _ = try JSONParser().parseDocument(document) }
let serializationTime = try best(repeats) { _ = try JSONSerialization.jsonObject(with: data) }
let decoderTime = try best(repeats) { _ = try JSONDecoder().decode([Record].self, from: data) }

print("| parse \(format(megabytes, 1)) MB (\(recordCount) records) | MB/s | vs JSONSerialization |")
print("|---|---:|---:|")
for (name, time) in [
    ("Schemata → JSONValue", valueTime), ("Schemata → JSONDocument (tape)", tapeTime),
    ("Foundation JSONSerialization", serializationTime), ("Foundation JSONDecoder ([Record])", decoderTime),
] {
    print("| \(name) | \(format(megabytes / time)) | \(format(serializationTime / time, 2))× |")
}
print("")

// Incremental: 1 MB in 4-byte pieces, a snapshot after every piece.
var smallGenerator = DocumentGenerator()
let megabyte = smallGenerator.document(bytes: 1_000_000)
let whole = try best(repeats) { _ = try JSONParser().parseDocument(megabyte) }
var pieces = 0
let streamed = try best(repeats) { pieces = try streamInPieces(megabyte, snapshot: .take) }
let streamedReading = try best(repeats) { _ = try streamInPieces(megabyte, snapshot: .read) }
print("| incremental, \(format(Double(megabyte.count) / 1e6, 2)) MB | time | ratio to one whole parse |")
print("|---|---:|---:|")
print("| one whole parse (tape) | \(format(whole * 1000, 2)) ms | 1.00× |")
print("| \(pieces) feeds of 4 bytes + snapshot each | \(format(streamed * 1000, 2)) ms | \(format(streamed / whole, 2))× |")
print("| the same, also reading each snapshot's in-flight string | \(format(streamedReading * 1000, 2)) ms | \(format(streamedReading / whole, 2))× |")
print("")
print("targets: JSONValue parse ≥ 10× JSONSerialization; 4-byte incremental ≤ 3× one whole parse")
print("")
RegexBenchmark.run()
