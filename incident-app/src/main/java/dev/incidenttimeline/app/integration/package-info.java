/**
 * What the integrations share: the answer to a delivery. Each integration (Alertmanager, PagerDuty, Slack export)
 * has a package of its own that reads its real wire format and maps it to incident commands; every command carries
 * a {@code sourceId} taken from the delivery, so a redelivery or a re-import changes nothing.
 */
package dev.incidenttimeline.app.integration;
