package dev.incidenttimeline.embedding;

import dev.incidenttimeline.notification.NotificationProperties;
import dev.incidenttimeline.policy.ResponsePolicyProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the incident write side, under {@code incident.core}.
 *
 * @param snapshotThreshold after how many events an incident's state is snapshotted, so that a long incident
 *                          (thousands of timeline entries) loads as fast as a short one
 * @param commandAttempts   how often {@link IncidentGateway} sends a command that lost a race with another change
 *                          of the same incident before it reports a retryable conflict
 * @param policies          response policies and their deadlines ({@code incident.core.policies.*})
 * @param notifications     outbound notifications ({@code incident.core.notifications.*})
 */
@ConfigurationProperties("incident.core")
public record IncidentCoreProperties(@DefaultValue("250") int snapshotThreshold,
                                     @DefaultValue("5") int commandAttempts,
                                     @DefaultValue ResponsePolicyProperties policies,
                                     @DefaultValue NotificationProperties notifications) {
}
