import EnvtopCore
import EnvtopModels

/// API failures in plain words for the header: what went wrong first, the HTTP detail after.
enum ErrorWording {
    static func plain(_ error: APIError) -> String {
        guard case .http(let status, _, _, _, _, _) = error else { return error.description }
        let what: String
        switch status {
        case 401: what = "the API refused the credential"
        case 403: what = "the credential is not allowed to do this"
        case 404: what = "not found (check the environment id)"
        case 408: what = "the API timed out"
        case 409: what = "conflict"
        case 413: what = "request too large"
        case 429: what = "rate limited by the API"
        case 529: what = "the API is overloaded"
        case 500...599: what = "the API failed"
        default: what = "the API rejected the request"
        }
        return "\(what) (\(error.description))"
    }
}
