/**
 * The REST API's write side: one controller that maps JSON requests to incident commands and sends them through
 * {@link dev.incidenttimeline.embedding.IncidentGateway}, the request records, and the translation of every failure
 * into an RFC 9457 problem response with a stable {@code code}.
 */
package dev.incidenttimeline.app.api;
