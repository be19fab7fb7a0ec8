import SchemataJSON
import SchemataValidator

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension SchemataCommand.Validate {
    /// `--benchmark`: compile times, then validation throughput measured
    /// three ways over the same parsed instances.
    func runBenchmark(
        _ validator: Validator, _ items: [Instance], compileSeconds: Double, warmCompileSeconds: Double, warmCompiles: Int
    ) {
        let documents = items.compactMap(\.document)
        let bytes = items.reduce(0) { $0 + $1.byteCount }
        var valid = 0
        let start = Clock.now
        for _ in 0..<loop {
            // The batch API reads each document in place.
            valid = validator.validity(of: documents).count { $0 }
        }
        let seconds = max(Clock.since(start), 1e-9)
        // The same work instance by instance, each validated `loop` times in
        // a row with its tape hot in cache, timed as one span.
        let repeatedStart = Clock.now
        var repeatedValid = 0
        documents.withUnsafeBufferPointer { buffer in
            for index in buffer.indices {
                var isValid = false
                for _ in 0..<loop { isValid = validator.isValid(at: buffer.baseAddress! + index) }
                if isValid { repeatedValid += 1 }
            }
        }
        let repeatedSeconds = max(Clock.since(repeatedStart), 1e-9)
        let (timedAlone, timedValid) = secondsTimingEachCall(validator, documents)
        let count = Double(documents.count * loop)
        StandardStreams.writeOutput("""
            compile: \(format3(compileSeconds * 1000)) ms
            compile (warm, best of \(warmCompiles)): \(format3(warmCompileSeconds * 1000)) ms
            instances: \(documents.count) (\(valid) valid), \(bytes) bytes, \(loop) passes
            validation: \(format3(count / seconds)) instances/s, \(format3(Double(bytes * loop) / seconds / 1e6)) MB/s (parsing excluded)
            validation, each instance \(loop) times in a row: \(format3(count / repeatedSeconds)) instances/s, \(format3(Double(bytes * loop) / repeatedSeconds / 1e6)) MB/s
            validation, each call timed alone: \(format3(Double(documents.count) / timedAlone)) instances/s, \(format3(Double(bytes) / timedAlone / 1e6)) MB/s

            """)
        if repeatedValid != valid || timedValid != valid {
            StandardStreams.writeError("schemata: error: the benchmark loops disagree (\(valid), \(repeatedValid) and \(timedValid) valid)\n")
        }
    }

    /// The sum over instances of the mean time of one call, each of the
    /// `loop` calls timed on its own with the clock's cost (the mean of
    /// `loop` back-to-back readings) taken off and floored at zero. This is
    /// how Blaze's CLI times `--benchmark`, so the two figures compare like
    /// with like: for instances validated in tens of nanoseconds, timing
    /// calls one by one and timing a run of them give different numbers.
    /// Also returns how many instances were valid.
    func secondsTimingEachCall(_ validator: Validator, _ documents: [JSONDocument]) -> (seconds: Double, valid: Int) {
        var total = 0.0
        var valid = 0
        documents.withUnsafeBufferPointer { buffer in
            for index in buffer.indices {
                var clockCost: Int64 = 0
                for _ in 0..<loop {
                    let first = Clock.nanoseconds
                    clockCost += Clock.nanoseconds - first
                }
                let overhead = Double(clockCost) / Double(loop)
                var sum = 0.0
                var isValid = false
                for _ in 0..<loop {
                    let before = Clock.nanoseconds
                    isValid = validator.isValid(at: buffer.baseAddress! + index)
                    let after = Clock.nanoseconds
                    sum += max(0, Double(after - before) - overhead)
                }
                if isValid { valid += 1 }
                total += sum / Double(loop) / 1e9
            }
        }
        return (max(total, 1e-12), valid)
    }

    func format3(_ value: Double) -> String {
        let scaled = (value * 1000).rounded() / 1000
        return String(scaled)
    }
}
