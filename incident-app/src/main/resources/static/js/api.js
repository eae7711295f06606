// Every call of the page to the server goes through api(): one place for headers and the API token.

const TOKEN_KEY = 'incident-timeline.token';

/** Keeps the API token for this tab only (sessionStorage: gone when the tab closes, never a cookie). */
export function signIn(token) {
    sessionStorage.setItem(TOKEN_KEY, token);
}

/** Fired on document when the server wants a (valid) token; the page then shows its sign-in dialog. */
export const SIGN_IN_REQUIRED = 'incident-timeline:sign-in-required';

/** A refused request: the RFC 9457 problem the server answered with. */
export class ApiError extends Error {
    constructor(status, problem) {
        super(problem && problem.detail ? problem.detail : `The server answered ${status}.`);
        this.status = status;
        this.code = problem && problem.code ? problem.code : `HTTP_${status}`;
        this.problem = problem;
    }
}

/**
 * Calls the app's API. A non-string body is sent as JSON. Answers JSON as an object, other content as text,
 * 204 as null; throws ApiError for every answer that is not 2xx.
 */
export async function api(path, options = {}) {
    const headers = new Headers(options.headers || {});
    let body = options.body;
    if (body !== undefined && body !== null && typeof body !== 'string') {
        body = JSON.stringify(body);
        headers.set('Content-Type', 'application/json');
    }
    if (!headers.has('Accept')) {
        headers.set('Accept', 'application/json');
    }
    const token = sessionStorage.getItem(TOKEN_KEY);
    if (token) {
        headers.set('Authorization', `Bearer ${token}`);
    }
    let response;
    try {
        response = await fetch(path, {...options, headers, body, credentials: 'same-origin'});
    } catch (failure) {
        throw new ApiError(0, {detail: 'The server cannot be reached.', code: 'UNREACHABLE'});
    }
    if (!response.ok) {
        let problem;
        try {
            problem = await response.json();
        } catch (notJson) {
            problem = {detail: `The server answered ${response.status} ${response.statusText}.`};
        }
        if (response.status === 401) {
            sessionStorage.removeItem(TOKEN_KEY);
            document.dispatchEvent(new CustomEvent(SIGN_IN_REQUIRED));
        }
        throw new ApiError(response.status, problem);
    }
    if (response.status === 204) {
        return null;
    }
    const type = response.headers.get('Content-Type') || '';
    return type.includes('json') ? response.json() : response.text();
}
