import SchemataJSON

/// Providers that reject recursive schemas (`$ref` cycles).
struct RecursionRule: LintRule {
    let descriptor = RuleDescriptor(
        id: "profile-recursion", severity: .error, summary: "A recursive schema (a `$ref` cycle) where the provider does not support recursion.",
        needsProfile: true)

    func checkDocument(in context: LintContext, into findings: inout [LintDiagnostic]) {
        let profile = context.activeProfile
        guard !profile.allowsRecursion else { return }
        let references = context.references.compactMap { reference -> (source: JSONPointer, target: JSONPointer)? in
            guard case .success(.local(let target)) = reference.resolution else { return nil }
            return (reference.node.at(reference.keyword), target)
        }
        // The graph's nodes are the referenced subschemas; an edge T → U when
        // a reference inside T points at U. Found by walking each
        // reference's ancestors: O(references × depth).
        var targetIndex: [JSONPointer: Int] = [:]
        for reference in references where targetIndex[reference.target] == nil {
            targetIndex[reference.target] = targetIndex.count
        }
        var successors = [[Int]](repeating: [], count: targetIndex.count)
        var containers = [[Int]](repeating: [], count: references.count)
        for (index, reference) in references.enumerated() {
            let target = targetIndex[reference.target]!
            var ancestor: JSONPointer? = reference.source
            while let current = ancestor {
                if let container = targetIndex[current] {
                    successors[container].append(target)
                    containers[index].append(container)
                }
                ancestor = current.parent
            }
        }
        let component = StronglyConnectedComponents(successors: successors)
        // A reference is recursive when it closes a cycle: it sits inside a
        // subschema of the same component as its target.
        for (index, reference) in references.enumerated() {
            let target = targetIndex[reference.target]!
            let cyclic = containers[index].contains { container in
                component.id[container] == component.id[target] && (container == target || component.size[component.id[target]] > 1)
            }
            if cyclic {
                findings.append(finding(
                    "\(profile.id) does not support recursive schemas: this reference leads back to itself",
                    at: reference.source))
            }
        }
    }
}

/// Tarjan's strongly connected components, iteratively (schemas can be deep).
struct StronglyConnectedComponents {
    /// The component of each node.
    private(set) var id: [Int]
    /// The number of nodes in each component.
    private(set) var size: [Int] = []

    init(successors: [[Int]]) {
        let count = successors.count
        id = Array(repeating: -1, count: count)
        var order = Array(repeating: -1, count: count)
        var lowLink = Array(repeating: 0, count: count)
        var onStack = Array(repeating: false, count: count)
        var stack: [Int] = []
        var counter = 0
        for start in 0..<count where order[start] < 0 {
            // Frames: (node, next successor position).
            var frames: [(node: Int, next: Int)] = [(start, 0)]
            order[start] = counter
            lowLink[start] = counter
            counter += 1
            stack.append(start)
            onStack[start] = true
            while let frame = frames.last {
                let node = frame.node
                if frame.next < successors[node].count {
                    frames[frames.count - 1].next += 1
                    let successor = successors[node][frame.next]
                    if order[successor] < 0 {
                        order[successor] = counter
                        lowLink[successor] = counter
                        counter += 1
                        stack.append(successor)
                        onStack[successor] = true
                        frames.append((successor, 0))
                    } else if onStack[successor] {
                        lowLink[node] = min(lowLink[node], order[successor])
                    }
                    continue
                }
                frames.removeLast()
                if let parent = frames.last?.node { lowLink[parent] = min(lowLink[parent], lowLink[node]) }
                if lowLink[node] == order[node] {
                    let component = size.count
                    var members = 0
                    while let member = stack.popLast() {
                        onStack[member] = false
                        id[member] = component
                        members += 1
                        if member == node { break }
                    }
                    size.append(members)
                }
            }
        }
    }
}
