import Foundation
import SchemataJSON
import Testing
@testable import SchemataValidator
import SchemataTestSupport

/// The benchmark workloads' real schemas against their instances mutated at
/// random — a value of another type, a member removed or added, an element
/// repeated or dropped: the boolean fast path (with its fused shapes,
/// records and tagged unions) and the full evaluation must give the same
/// verdict, and the full evaluation reports errors exactly when invalid.
@Suite struct WorkloadMutationTests {
    static let workloads = [
        "ansible-meta", "citm", "cql2", "fhir-patient", "geojson-canada", "helm-chart-lock", "swagger-kubernetes",
    ]

    /// Locations in `value`, breadth first (shallow ones first), at most `limit`.
    static func pointers(in value: JSONValue, limit: Int) -> [JSONPointer] {
        var result: [JSONPointer] = []
        var queue: [(JSONPointer, JSONValue)] = [(.root, value)]
        var next = 0
        while next < queue.count, result.count < limit {
            let (pointer, current) = queue[next]
            next += 1
            result.append(pointer)
            switch current {
            case .array(let elements):
                for (index, element) in elements.enumerated().prefix(limit) { queue.append((pointer.appending(index: index), element)) }
            case .object(let object):
                for (name, member) in object { queue.append((pointer.appending(name), member)) }
            default:
                break
            }
        }
        return result
    }

    /// `value` with every array cut to its first 4 elements and every
    /// object to its first 8 members: the large workloads' structure at a
    /// size a debug build validates quickly (the verdicts must agree
    /// whether or not the cut keeps it valid).
    static func shrunk(_ value: JSONValue) -> JSONValue {
        switch value {
        case .array(let elements): return .array(elements.prefix(4).map(shrunk))
        case .object(let object): return .object(JSONObject(object.prefix(8).map { ($0.0, shrunk($0.1)) }))
        default: return value
        }
    }

    static func mutated(_ instance: JSONValue, _ random: inout SeededGenerator) -> JSONValue {
        var copy = instance
        let places = pointers(in: instance, limit: 2000)
        let place = places[random.below(places.count)]
        let replacements: [JSONValue] = [.null, true, 0, -1, 2.5, "", "x", [], [:], ["type": "x"], 1e400]
        switch random.below(4) {
        case 0:
            _ = copy.set(replacements[random.below(replacements.count)], at: place)
        case 1 where !place.isRoot:
            _ = copy.set(nil, at: place)  // a member or element removed
        case 2:
            if case .object = instance[pointer: place] {
                let names = ["name", "type", "id", "version", "x-extra", "properties", "$ref", "coordinates"]
                _ = copy.set(replacements[random.below(replacements.count)], at: place.appending(names[random.below(names.count)]))
            } else if case .array(let elements) = instance[pointer: place], let first = elements.first {
                _ = copy.set(.array(elements + [first]), at: place)  // an element repeated
            }
        default:
            _ = copy.set(replacements[random.below(replacements.count)], at: place)
        }
        return copy
    }

    @Test(arguments: workloads)
    func fastAndFullVerdictsAgreeOnMutatedInstances(_ workload: String) throws {
        guard let folder = SharedData.folder("bench/validators/\(workload)") else { return }
        let schema = try JSONParser().parseFile(atPath: folder.appendingPathComponent("schema.json").path)
        let validator = try Validator(schema: schema)
        let single = folder.appendingPathComponent("instance.json")
        var instances: [JSONValue] = []
        if FileManager.default.fileExists(atPath: single.path) {
            instances = [Self.shrunk(try JSONParser().parseFile(atPath: single.path))]
        } else {
            let lines = try String(contentsOf: folder.appendingPathComponent("instances.jsonl"), encoding: .utf8)
            instances = try lines.split(separator: "\n").prefix(12).map { try JSONValue(parsing: String($0)) }
        }
        var random = SeededGenerator(state: UInt64(workload.utf8.count) &* 7919)
        var invalid = 0
        // Some 120 mutated instances per workload (tests run as a debug build).
        let rounds = 120 / instances.count
        for instance in instances {
            for _ in 0..<rounds {
                let candidate = Self.mutated(instance, &random)
                let document = JSONDocument(value: candidate)
                let fast = validator.isValid(document)
                let full = validator.validate(document)
                #expect(fast == full.isValid, "\(workload): fast \(fast), full \(full.isValid)")
                #expect(full.isValid == full.errors.isEmpty, "\(workload): verdict and errors disagree")
                if !fast { invalid += 1 }
            }
        }
        #expect(invalid > 0, "\(workload): the mutations should break some instances")
    }
}
