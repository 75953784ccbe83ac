import EnvtopModels
import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A plain HTTP client for the tests: sends exactly the headers it is given, so the tests see
/// what the simulator does with a request the way any client on the wire would.
struct HTTPProbe: Sendable {
    struct Answer: Sendable {
        var status: Int
        var headers: [String: String]
        var body: Data

        var text: String { String(decoding: body, as: UTF8.self) }

        func header(_ name: String) -> String? {
            headers.first { $0.key.lowercased() == name.lowercased() }?.value
        }

        func decode<T: Decodable>(_ type: T.Type) throws -> T { try JSONDecoder().decode(type, from: body) }

        var envelope: APIErrorEnvelope? { try? JSONDecoder().decode(APIErrorEnvelope.self, from: body) }
    }

    let baseURL: String
    /// Sent as `Authorization: Bearer`, unless nil.
    var credential: String? = "any-key"
    var sendVersionHeaders = true

    func send(
        _ method: String, _ path: String, body: String? = nil, headers: [String: String] = [:],
        credential override: String?? = .none
    ) async throws -> Answer {
        var request = URLRequest(url: URL(string: baseURL + path)!)
        request.httpMethod = method
        request.timeoutInterval = 10
        let credential = override ?? self.credential
        if let credential { request.setValue("Bearer \(credential)", forHTTPHeaderField: "Authorization") }
        if sendVersionHeaders {
            request.setValue(APIConstants.anthropicVersion, forHTTPHeaderField: APIConstants.versionHeader)
            request.setValue(APIConstants.betaHeaderValue, forHTTPHeaderField: APIConstants.betaHeader)
        }
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        if let body {
            request.httpBody = Data(body.utf8)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = response as! HTTPURLResponse
        var headerMap: [String: String] = [:]
        for (key, value) in http.allHeaderFields {
            if let key = key as? String, let value = value as? String { headerMap[key] = value }
        }
        return Answer(status: http.statusCode, headers: headerMap, body: data)
    }
}
