/**
 * The PagerDuty webhook (v3) receiver: {@code incident.triggered}, {@code .acknowledged}, {@code .annotated} and
 * {@code .resolved} become incident commands; the {@code X-PagerDuty-Signature} is verified when a secret is
 * configured ({@link dev.incidenttimeline.app.integration.pagerduty.PagerDutyProperties}).
 */
package dev.incidenttimeline.app.integration.pagerduty;
