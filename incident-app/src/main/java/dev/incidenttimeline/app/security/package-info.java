/**
 * Who may call the app, and for which organisation: API tokens configured by the operator
 * ({@code incident.security.tokens.*}), roles (viewer, responder, admin), webhooks that prove themselves with their
 * own secrets, and the organisation of the caller put on every command and query.
 */
package dev.incidenttimeline.app.security;
