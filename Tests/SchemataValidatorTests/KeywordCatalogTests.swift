import SchemataJSON
import Testing
@testable import SchemataValidator

@Suite struct KeywordCatalogTests {
    typealias Role = KeywordCatalog.Role

    @Test func rolesFollowEachDraft() {
        #expect(KeywordCatalog.role(of: "items", in: .draft2019_09) == [.single, .array])
        #expect(KeywordCatalog.role(of: "items", in: .draft2020_12) == .single)
        #expect(KeywordCatalog.role(of: "prefixItems", in: .draft2019_09).isEmpty)
        #expect(KeywordCatalog.role(of: "prefixItems", in: .draft2020_12) == .array)
        #expect(KeywordCatalog.role(of: "additionalItems", in: .draft2019_09) == .single)
        #expect(KeywordCatalog.role(of: "additionalItems", in: .draft2020_12).isEmpty)
        #expect(KeywordCatalog.role(of: "contains", in: .draft4).isEmpty)
        #expect(KeywordCatalog.role(of: "contains", in: .draft6) == .single)
        #expect(KeywordCatalog.role(of: "if", in: .draft6).isEmpty)
        #expect(KeywordCatalog.role(of: "else", in: .draft7) == .single)
        #expect(KeywordCatalog.role(of: "$defs", in: .draft7).isEmpty)
        #expect(KeywordCatalog.role(of: "$defs", in: .draft2019_09) == .map)
        #expect(KeywordCatalog.role(of: "definitions", in: .draft2020_12) == .map)
        #expect(KeywordCatalog.role(of: "dependencies", in: .draft4) == .map)
        #expect(KeywordCatalog.role(of: "anyOf", in: .draft4) == .array)
        for keyword in ["const", "enum", "type", "x-properties", "Properties", ""] {
            #expect(Draft.allCases.allSatisfy { KeywordCatalog.role(of: keyword, in: $0).isEmpty }, "\(keyword)")
        }
    }

    @Test func theTablesAgreeWithTheRoles() {
        for draft in Draft.allCases {
            let table = KeywordCatalog.roles(in: draft)
            for keyword in MetaKeyword.allCases {
                let role = KeywordCatalog.role(of: keyword.name, in: draft)
                #expect(table[keyword.name] == (role.isEmpty ? nil : role), "\(keyword.name) in \(draft)")
                if !role.isEmpty {
                    #expect(JSONObject.nameSummaryBit(keyword.name) & KeywordCatalog.subschemaKeywordSummary != 0)
                }
            }
        }
    }
}
