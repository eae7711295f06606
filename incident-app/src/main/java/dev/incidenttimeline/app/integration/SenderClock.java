package dev.incidenttimeline.app.integration;

import dev.incidenttimeline.app.api.ApiProblem;
import dev.incidenttimeline.incident.api.ErrorCode;
import org.springframework.http.HttpStatus;

import java.time.Duration;
import java.time.Instant;

/**
 * Times sent by another system: its clock may run a little ahead of ours, so a time slightly in the future counts as
 * now; a time further ahead is not clock skew but a bad delivery, and is refused before anything is stored.
 */
public final class SenderClock {

    /** How far a sender's clock may run ahead of ours. */
    public static final Duration MAX_SKEW = Duration.ofMinutes(5);

    private SenderClock() {
    }

    /**
     * The time, or {@code now} if it is ahead by at most {@link #MAX_SKEW}.
     *
     * @throws ApiProblem {@code TIME_IN_FUTURE} (400) when it is further ahead
     */
    public static Instant notLater(Instant time, Instant now, String field) {
        if (!time.isAfter(now)) {
            return time;
        }
        if (time.isAfter(now.plus(MAX_SKEW))) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, ErrorCode.TIME_IN_FUTURE.name(), field + ": " + time
                    + " is in the future (more than " + MAX_SKEW.toMinutes() + " minutes ahead of this server).");
        }
        return now;
    }
}
