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

    /// The one allocation every table lives in (one `malloc` and one
    /// `free` per compiled schema instead of one per table).
    private let block: UnsafeMutableRawPointer

    /// `program` is borrowed: an initializer otherwise takes its argument
    /// owned, and copying a program retains every one of its tables.
    init(_ program: borrowing FlatProgram) {
        var layout = Layout()
        let offsets = (
            layout.add(program.nodes), layout.add(program.instructions), layout.add(program.entries),
            layout.add(program.objectShapes), layout.add(program.discriminators), layout.add(program.discriminatorValues),
            layout.add(program.discriminatorAlways), layout.add(program.shapeEntries), layout.add(program.shapeEntryTypes),
            layout.add(program.shapeEntryHeads), layout.add(program.patternEntries), layout.add(program.nameList),
            layout.add(program.nodeLists), layout.add(program.names), layout.add(program.regexes), layout.add(program.numbers)
        )
        block = UnsafeMutableRawPointer.allocate(byteCount: max(1, layout.size), alignment: Layout.alignment)
        nodes = HotTables.place(program.nodes, in: block, at: offsets.0)
        instructions = HotTables.place(program.instructions, in: block, at: offsets.1)
        entries = HotTables.place(program.entries, in: block, at: offsets.2)
        objectShapes = HotTables.place(program.objectShapes, in: block, at: offsets.3)
        discriminators = HotTables.place(program.discriminators, in: block, at: offsets.4)
        discriminatorValues = HotTables.place(program.discriminatorValues, in: block, at: offsets.5)
        discriminatorAlways = HotTables.place(program.discriminatorAlways, in: block, at: offsets.6)
        shapeEntries = HotTables.place(program.shapeEntries, in: block, at: offsets.7)
        shapeEntryTypes = HotTables.place(program.shapeEntryTypes, in: block, at: offsets.8)
        shapeEntryHeads = HotTables.place(program.shapeEntryHeads, in: block, at: offsets.9)
        patternEntries = HotTables.place(program.patternEntries, in: block, at: offsets.10)
        nameList = HotTables.place(program.nameList, in: block, at: offsets.11)
        nodeLists = HotTables.place(program.nodeLists, in: block, at: offsets.12)
        names = HotTables.place(program.names, in: block, at: offsets.13)
        regexes = HotTables.place(program.regexes, in: block, at: offsets.14)
        numbers = HotTables.place(program.numbers, in: block, at: offsets.15)
    }

    deinit {
        // These two hold references: deinitialize before freeing.
        UnsafeMutableBufferPointer(mutating: regexes).deinitialize()
        UnsafeMutableBufferPointer(mutating: numbers).deinitialize()
        block.deallocate()
    }

    /// Where each table goes in the block: in order, each at its type's
    /// alignment.
    private struct Layout {
        /// Enough for every table's element type (checked as each is added).
        static var alignment: Int { 16 }
        private(set) var size = 0

        mutating func add<T>(_ array: [T]) -> Int {
            precondition(MemoryLayout<T>.alignment <= Layout.alignment, "table element alignment above the block's")
            let offset = (size + MemoryLayout<T>.alignment - 1) & ~(MemoryLayout<T>.alignment - 1)
            size = offset + MemoryLayout<T>.stride * array.count
            return offset
        }
    }

    /// Copies `array` into the block at `offset`; an empty table is an
    /// empty view with a valid base address.
    private static func place<T>(_ array: [T], in block: UnsafeMutableRawPointer, at offset: Int) -> UnsafeBufferPointer<T> {
        let start = (block + offset).bindMemory(to: T.self, capacity: array.count)
        let table = UnsafeMutableBufferPointer(start: start, count: array.count)
        _ = table.initialize(from: array)
        return UnsafeBufferPointer(table)
    }
}
