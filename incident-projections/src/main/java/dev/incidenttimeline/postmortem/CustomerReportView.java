package dev.incidenttimeline.postmortem;

import java.time.Instant;

/**
 * A customer's report and whether, and when, the customer was told.
 *
 * @param ticketId           the ticket
 * @param customer           who reported it
 * @param reportedAt         when it was linked to the incident
 * @param callbackPromisedBy the time a callback was promised by, {@code null} if none was promised
 * @param calledBackAt       when the customer was called back (the first time), {@code null} if not (yet)
 * @param calledBackBy       who called back
 * @param outcome            what the customer was told or said
 * @param callbackLate       whether the callback came after the promised time, or not at all although promised
 */
public record CustomerReportView(String ticketId,
                                 String customer,
                                 Instant reportedAt,
                                 Instant callbackPromisedBy,
                                 Instant calledBackAt,
                                 String calledBackBy,
                                 String outcome,
                                 boolean callbackLate) {
}
