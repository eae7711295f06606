package dev.incidenttimeline.policy;

import dev.incidenttimeline.incident.api.IncidentId;
import dev.incidenttimeline.incident.api.ResponseDeadlineMissed;

import java.time.Instant;
import java.util.List;

/**
 * What a what-if replay found.
 *
 * @param incidentId    the incident
 * @param asOf          deadlines due by this time and still running counted as missed
 * @param wouldMiss     the deadlines the incident would have missed under the policy asked about, by due time of
 *                      discovery
 * @param actuallyMissed the missed deadlines that were recorded on the incident under the policy that applied
 */
public record WhatIfReport(IncidentId incidentId,
                           Instant asOf,
                           List<ResponseDeadline> wouldMiss,
                           List<ResponseDeadlineMissed> actuallyMissed) {
}
