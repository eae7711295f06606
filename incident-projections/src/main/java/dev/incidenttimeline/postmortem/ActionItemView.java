package dev.incidenttimeline.postmortem;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A follow-up action of the postmortem.
 *
 * @param id          its id
 * @param title       what is to be done
 * @param owner       who owns it
 * @param dueDate     when it is due
 * @param done        whether it was completed (as known to the document)
 * @param completedAt when it was completed, {@code null} if open
 */
public record ActionItemView(String id, String title, String owner, LocalDate dueDate, boolean done,
                             Instant completedAt) {
}
