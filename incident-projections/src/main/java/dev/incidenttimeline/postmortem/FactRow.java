package dev.incidenttimeline.postmortem;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One row of {@code postmortem_fact}; {@code id} is the event identifier, {@link FactKind} says what the generic
 * columns hold.
 */
record FactRow(String id,
               String incidentId,
               long sequence,
               FactKind kind,
               Instant occurredAt,
               Instant recordedAt,
               String actor,
               String subject,
               String text,
               String detail,
               String items,
               Instant timeA,
               Instant timeB,
               Long numberA,
               Long numberB,
               LocalDate dueDate) {

    /** The row's primary key. */
    PostmortemFact.Key key() {
        return new PostmortemFact.Key(incidentId, sequence);
    }
}
