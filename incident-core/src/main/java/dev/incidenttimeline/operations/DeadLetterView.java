package dev.incidenttimeline.operations;

import java.time.Instant;

/**
 * One event a processing group could not handle, as an operator sees it.
 *
 * @param processingGroup    the read model (processing group) that failed
 * @param sequenceIdentifier the sequence the event belongs to (for incident events, derived from the incident id);
 *                           later events of the same sequence wait behind this one
 * @param eventIdentifier    the stored event's id
 * @param eventType          the event's class name
 * @param aggregateId        the incident (aggregate) the event belongs to, if it is a domain event
 * @param aggregateSequence  the event's sequence number within its incident, if it is a domain event
 * @param causeType          the exception type the handler threw last
 * @param causeMessage       that exception's message
 * @param enqueuedAt         when the event was first dead-lettered
 * @param lastTouched        when it was last tried
 */
public record DeadLetterView(String processingGroup,
                             String sequenceIdentifier,
                             String eventIdentifier,
                             String eventType,
                             String aggregateId,
                             Long aggregateSequence,
                             String causeType,
                             String causeMessage,
                             Instant enqueuedAt,
                             Instant lastTouched) {
}
