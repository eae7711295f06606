package dev.incidenttimeline.incident.api;

/**
 * Who may see a status update: responders only, or also customers (a status page).
 */
public enum Visibility {
    INTERNAL, PUBLIC
}
