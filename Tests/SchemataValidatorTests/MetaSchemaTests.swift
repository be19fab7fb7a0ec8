import Foundation
import SchemataJSON
import Testing
@testable import SchemataValidator

@Suite struct MetaSchemaTests {
    static var repository: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// scripts/embed-schemas.py must be rerun after editing Schemas/meta.
    @Test func embeddedCopiesMatchTheFiles() throws {
        #expect(MetaSchemas.embedded.count == 19)
        for entry in MetaSchemas.embedded {
            let file = try String(contentsOf: Self.repository.appendingPathComponent(entry.path), encoding: .utf8)
            #expect(file.trimmingCharacters(in: .newlines) == entry.text, "\(entry.path) differs from its embedded copy")
            let value = try JSONValue(parsing: entry.text)
            #expect((value["$id"] ?? value["id"])?.stringValue == entry.uri)
        }
    }

    @Test(arguments: Draft.allCases)
    func everyMetaSchemaIsValidAgainstItself(draft: Draft) throws {
        let text = try #require(MetaSchemas.text(for: draft))
        let validator = try Validator(schema: JSONValue(parsing: text))
        #expect(validator.isValid(try JSONValue(parsing: text)))
        #expect(!validator.isValid(try JSONValue(parsing: #"{"minLength": -1}"#)))
        #expect(!validator.isValid(try JSONValue(parsing: #"{"type": "strin"}"#)))
    }
}
