import SchemataJSON
import SchemataRegex

/// The tables the evaluator reads on every node, copied once into memory
/// that lives as long as the program, so that evaluation reads them through
/// plain pointers: no retain/release, no bounds-check traffic per access.
final class HotTables: @unchecked Sendable {
    // Why @unchecked Sendable is sound: every stored property is a `let`
    // pointer to memory that is written only in `init` (before the object is
    // shared) and freed only in `deinit` (when nothing can reach it). After
    // `init`, the object is immutable, so concurrent readers cannot race.
    let nodes: UnsafeBufferPointer<FlatProgram.Node>
    let instructions: UnsafeBufferPointer<FlatProgram.Instruction>
    let entries: UnsafeBufferPointer<FlatProgram.Entry>
    let objectShapes: UnsafeBufferPointer<FlatProgram.ObjectShape>
    let discriminators: UnsafeBufferPointer<FlatProgram.Discriminator>
    let discriminatorValues: UnsafeBufferPointer<FlatProgram.DiscriminatorValue>
    let discriminatorAlways: UnsafeBufferPointer<Int32>
    let shapeEntries: UnsafeBufferPointer<FlatProgram.Entry>
    let shapeEntryTypes: UnsafeBufferPointer<Int16>
    let shapeEntryHeads: UnsafeBufferPointer<UInt64>
    let patternEntries: UnsafeBufferPointer<FlatProgram.PatternEntry>
    let nameList: UnsafeBufferPointer<FlatProgram.Name>
    let nodeLists: UnsafeBufferPointer<Int32>
    let names: UnsafeBufferPointer<UInt8>
    /// Patterns and numbers, read in place (copying an `ECMARegex` or a
    /// decimal `JSONNumber` out of an array retains its storage).
    let regexes: UnsafeBufferPointer<ECMARegex>
    let numbers: UnsafeBufferPointer<JSONNumber>

    init(_ program: FlatProgram) {
        nodes = HotTables.copy(program.nodes)
        instructions = HotTables.copy(program.instructions)
        entries = HotTables.copy(program.entries)
        objectShapes = HotTables.copy(program.objectShapes)
        discriminators = HotTables.copy(program.discriminators)
        discriminatorValues = HotTables.copy(program.discriminatorValues)
        discriminatorAlways = HotTables.copy(program.discriminatorAlways)
        shapeEntries = HotTables.copy(program.shapeEntries)
        shapeEntryTypes = HotTables.copy(program.shapeEntryTypes)
        shapeEntryHeads = HotTables.copy(program.shapeEntryHeads)
        patternEntries = HotTables.copy(program.patternEntries)
        nameList = HotTables.copy(program.nameList)
        nodeLists = HotTables.copy(program.nodeLists)
        names = HotTables.copy(program.names)
        regexes = HotTables.copy(program.regexes)
        numbers = HotTables.copy(program.numbers)
    }

    deinit {
        // These two hold references: deinitialize before freeing.
        UnsafeMutableBufferPointer(mutating: regexes).deinitialize()
        UnsafeMutableBufferPointer(mutating: numbers).deinitialize()
        HotTables.free(regexes, numbers, nodes, instructions, entries, patternEntries, objectShapes)
        HotTables.free(shapeEntries, shapeEntryTypes, shapeEntryHeads, discriminators, discriminatorValues, discriminatorAlways, nameList, nodeLists, names)
    }

    /// Frees each table's memory.
    private static func free<each T>(_ tables: repeat UnsafeBufferPointer<each T>) {
        repeat (each tables).baseAddress?.deallocate()
    }

    private static func copy<T>(_ array: [T]) -> UnsafeBufferPointer<T> {
        let memory = UnsafeMutableBufferPointer<T>.allocate(capacity: max(1, array.count))
        _ = memory.initialize(from: array)
        return UnsafeBufferPointer(rebasing: memory[0..<array.count])
    }
}
