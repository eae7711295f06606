package dev.incidenttimeline.tenancy;

import org.axonframework.messaging.Message;

/** The metadata key of the organisation and the rules about it that every part of the library shares. */
public final class Organisations {

    /** The metadata key of a command's, query's or event's organisation; absent or {@code null}: no tenancy. */
    public static final String METADATA_KEY = "organisation";

    private Organisations() {
    }

    /** The organisation a message names, or {@code null}. */
    public static String of(Message<?> message) {
        Object value = message.getMetaData().get(METADATA_KEY);
        return value == null ? null : value.toString();
    }

    /**
     * Whether someone acting for {@code asking} may see or change something of {@code owner}: anyone without an
     * organisation (a host without tenancy, the library's own processes) may; an organisation only its own.
     */
    public static boolean mayAccess(String asking, String owner) {
        return asking == null || asking.equals(owner);
    }

    /**
     * A source id made unique per organisation, for ids derived from it: two organisations whose alert routers use
     * the same group key must not land on the same incident.
     */
    public static String scoped(String organisation, String sourceKey) {
        return organisation == null ? sourceKey : organisation + "/" + sourceKey;
    }
}
