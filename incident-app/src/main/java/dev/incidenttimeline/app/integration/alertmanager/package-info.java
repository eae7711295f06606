/**
 * The Prometheus Alertmanager webhook receiver (payload version 4): a firing alert group declares an incident, later
 * notifications of the group link new alerts and record resolved ones. Which labels give the service and the
 * severity is configured in {@link dev.incidenttimeline.app.integration.alertmanager.AlertmanagerProperties}.
 */
package dev.incidenttimeline.app.integration.alertmanager;
