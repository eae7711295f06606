/**
 * Outbound notifications: telling people (a chat channel, another system) what happens to an incident while it
 * happens. {@link dev.incidenttimeline.notification.IncidentNotifier} is the port a host implements;
 * {@link dev.incidenttimeline.notification.WebhookNotifier} (a generic JSON webhook) and
 * {@link dev.incidenttimeline.notification.SlackNotifier} (one Slack thread per incident) are the two adapters the
 * library ships. {@link dev.incidenttimeline.notification.NotificationDispatcher} feeds them from the event stream:
 * never on a replay, never twice for one event and channel, with retries and backoff.
 */
package dev.incidenttimeline.notification;
