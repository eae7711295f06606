/**
 * What an operator of a running Incident Timeline needs beyond commands and queries: inspecting and retrying the
 * events a read model could not handle ({@link dev.incidenttimeline.operations.DeadLetters}).
 */
package dev.incidenttimeline.operations;
