package dev.incidenttimeline.tenancy;

/**
 * The organisation the current caller acts for, as the host knows it (from the authenticated user, a request header,
 * a job's settings). The library asks on every command and query it dispatches; {@code null} means "no
 * organisation": the message goes out without one (or with the one the caller put on it explicitly).
 */
@FunctionalInterface
public interface CurrentOrganisation {

    /** Used when the host declares none: no tenancy. */
    CurrentOrganisation NONE = () -> null;

    /** The current caller's organisation, or {@code null}. */
    String get();
}
