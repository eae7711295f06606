/**
 * The public contract of an incident: its commands (imperative), events (past tense), value types and the one
 * rejection type. Hosts depend on these types; the stored event type names are these class names, so a class
 * here is never renamed or moved without an upcaster.
 */
package dev.incidenttimeline.incident.api;
