package dev.incidenttimeline.incident.api;

import java.util.Objects;

/**
 * A command on an incident was refused; nothing was stored. The {@link #code()} is stable and machine-readable,
 * the message says in plain words what is wrong.
 */
public class IncidentRejected extends RuntimeException {

    private final ErrorCode code;

    public IncidentRejected(ErrorCode code, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
    }

    public ErrorCode code() {
        return code;
    }

    @Override
    public String toString() {
        return "IncidentRejected[" + code + "]: " + getMessage();
    }
}
