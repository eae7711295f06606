/**
 * Response policies: the pace a team agreed to keep (acknowledge within, first update within, update every,
 * mitigate within, call a customer back when promised), the deadlines that follow from it for each incident, and
 * the record of a deadline that slipped ({@link dev.incidenttimeline.incident.api.ResponseDeadlineMissed}).
 *
 * <p>{@link dev.incidenttimeline.policy.ResponseClock} is the rule, free of any framework: from an incident's
 * events and a {@link dev.incidenttimeline.policy.ResponsePolicies} it says which deadlines are running. The
 * {@link dev.incidenttimeline.policy.ResponseDeadlineSaga} keeps one clock per open incident and schedules its
 * deadlines with Axon's deadline manager on db-scheduler (a table in the host's database, so a deadline survives a
 * restart and fires on one node only). {@link dev.incidenttimeline.policy.WhatIfReplay} runs a past incident
 * against another policy without storing anything.
 */
package dev.incidenttimeline.policy;
