package com.publisherdesk.portal.service;

import com.publisherdesk.portal.client.ApiAnswer;

/** Turns an API's refusal into the page a person sees: sign in again, not yours (403), not found (404). */
public final class Answers {

    private Answers() {
    }

    /** The answer if it succeeded; otherwise the page that says why not. */
    public static ApiAnswer required(ApiAnswer answer, String signInPath) {
        if (answer.ok()) {
            return answer;
        }
        throw refusal(answer, signInPath);
    }

    /** The page for a refusal that the calling page does not handle itself. */
    public static RuntimeException refusal(ApiAnswer answer, String signInPath) {
        return switch (answer.status()) {
            case 401 -> new SignInRequiredException(signInPath);
            case 403 -> new PageException(403, "errorForbidden", answer.problemDetail());
            case 404 -> new PageException(404, "errorNotFound", answer.problemDetail());
            default -> new PageException(answer.status() >= 500 ? 502 : answer.status(), "errorDesk",
                    answer.problemDetail());
        };
    }
}
