package dev.incidenttimeline.incident.api;

/**
 * How bad an incident is: {@code SEV1} is the worst (a full outage), {@code SEV5} the mildest.
 */
public enum Severity {
    SEV1, SEV2, SEV3, SEV4, SEV5
}
