import SchemataJSON

/// Providers that reject recursive schemas (`$ref` cycles).
struct RecursionRule: LintRule {
    let descriptor = RuleDescriptor(
        id: "profile-recursion", severity: .error, summary: "A recursive schema (a `$ref` cycle) where the provider does not support recursion.",
        needsProfile: true)

    func checkDocument(in context: LintContext, into findings: inout [LintDiagnostic]) {
        let profile = context.activeProfile
        guard !profile.allowsRecursion else { return }
        // Reference i leads to reference j when j sits inside i's target.
        let references = context.references.compactMap { reference -> (JSONPointer, JSONPointer)? in
            guard case .success(.local(let target)) = reference.resolution else { return nil }
            return (reference.node.at(reference.keyword), target)
        }
        var successors: [[Int]] = references.map { _ in [] }
        for (i, (_, target)) in references.enumerated() {
            for (j, (source, _)) in references.enumerated() where target.isPrefix(of: source) {
                successors[i].append(j)
            }
        }
        // A reference is recursive when it can reach itself.
        for start in references.indices {
            var seen: Set<Int> = []
            var stack = successors[start]
            var cyclic = false
            while let next = stack.popLast() {
                if next == start { cyclic = true; break }
                if seen.insert(next).inserted { stack += successors[next] }
            }
            if cyclic {
                findings.append(finding(
                    "\(profile.id) does not support recursive schemas: this reference leads back to itself",
                    at: references[start].0))
            }
        }
    }
}
