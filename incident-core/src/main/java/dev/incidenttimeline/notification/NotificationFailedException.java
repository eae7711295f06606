package dev.incidenttimeline.notification;

/**
 * A notification could not be sent. {@link #isRetryable()} says whether trying again may help (a timeout, a 5xx,
 * a rate limit) or not (a 4xx refusal, a wrong token).
 */
public class NotificationFailedException extends RuntimeException {

    private final boolean retryable;

    public NotificationFailedException(String message, boolean retryable) {
        super(message);
        this.retryable = retryable;
    }

    public NotificationFailedException(String message, Throwable cause) {
        super(message, cause);
        this.retryable = true;
    }

    public boolean isRetryable() {
        return retryable;
    }
}
