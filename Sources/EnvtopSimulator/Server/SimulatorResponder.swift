import EnvtopModels
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import HTTPTypes
import Hummingbird
import HummingbirdCore

/// Answers every HTTP request: resolves the route, counts it, applies faults, checks the
/// credential and headers, then runs the call against the shared state.
struct SimulatorResponder: HTTPResponder {
    typealias Context = SimulatorRequestContext

    let state: SimulatorState
    let troubles: TroubleRunner

    /// Thrown after a dropped-connection fault closed the socket; nothing is written.
    struct DroppedConnection: Error {}

    func respond(to request: Request, context: Context) async throws -> Response {
        let requestID = await state.nextRequestID()
        let method = request.method.rawValue
        let path = request.uri.path
        guard let match = RouteMatch.resolve(method: method, path: path) else {
            return WireResponse.error(.notFound("no such call: \(method) \(path)"), requestID: requestID)
        }
        await state.countRequest(match.route)
        var request = request
        if match.route.isAdmin {
            do {
                return WireResponse.json(try await AdminCalls(state: state, troubles: troubles).perform(match, &request), requestID: requestID)
            } catch {
                return WireResponse.error(error, requestID: requestID)
            }
        }

        let decision = await state.decideFaults(path: path)
        if decision.delayMilliseconds > 0 { try? await Task.sleep(for: .milliseconds(decision.delayMilliseconds)) }
        if decision.drop {
            try? await context.channel.close().get()
            throw DroppedConnection()
        }
        if let status = decision.errorStatus {
            let error = SimulatorError(status: status, message: "injected fault: the simulator answers \(status)")
            return WireResponse.error(error, requestID: requestID, retryAfterSeconds: decision.retryAfterSeconds)
        }
        do {
            let caller = try await authenticate(request, match)
            try Self.checkHeaders(request)
            var body = try await WorkCalls(state: state).perform(match, caller: caller, &request)
            if decision.malformed { body = WireResponse.malformed(body) }
            return WireResponse.json(body, requestID: requestID)
        } catch {
            return WireResponse.error(error, requestID: requestID)
        }
    }

    /// The credential from `Authorization: Bearer` (preferred) or `x-api-key`, checked against the
    /// call. Refusals name the credential the call wants, never the one sent.
    func authenticate(_ request: Request, _ match: RouteMatch) async throws(SimulatorError) -> Caller {
        guard let credential = Self.credential(in: request) else {
            throw SimulatorError(
                status: 401,
                message: "no credential: send x-api-key or Authorization: Bearer; this call takes "
                    + match.route.wantedCredential)
        }
        guard let caller = await state.identify(credential) else {
            throw SimulatorError(status: 401, message: "invalid credential: the simulator does not know it")
        }
        guard match.route.permits(caller) else {
            throw SimulatorError(
                status: 403,
                message: "\(match.route.rawValue) does not accept \(caller.spokenName); this call takes "
                    + match.route.wantedCredential)
        }
        if case .sessionsToken(let environmentID, let workID) = caller,
            environmentID != match.environmentID || workID != match.workID
        {
            throw SimulatorError(
                status: 403,
                message: "this sessions token belongs to another work item; this call takes "
                    + match.route.wantedCredential)
        }
        return caller
    }

    static func credential(in request: Request) -> String? {
        if let authorization = request.headers[.authorization] {
            let parts = authorization.split(separator: " ", maxSplits: 1)
            if parts.count == 2, parts[0].lowercased() == "bearer" {
                let token = parts[1].trimmed()
                if !token.isEmpty { return token }
            }
        }
        if let key = request.headers[HTTPField.Name("x-api-key")!], !key.isEmpty { return key }
        return nil
    }

    /// The real API wants a version on every call and the beta flag on this beta API.
    static func checkHeaders(_ request: Request) throws(SimulatorError) {
        guard let version = request.headers[HTTPField.Name(APIConstants.versionHeader)!], !version.isEmpty else {
            throw .badRequest("anthropic-version: header is required")
        }
        let betas = request.headers[values: HTTPField.Name(APIConstants.betaHeader)!]
            .flatMap { $0.split(separator: ",") }.map { $0.trimmed() }
        guard betas.contains(APIConstants.betaHeaderValue) else {
            throw .badRequest("anthropic-beta: this API needs the beta header \(APIConstants.betaHeaderValue)")
        }
    }
}
