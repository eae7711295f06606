package dev.incidenttimeline.summary;

import dev.incidenttimeline.incident.api.TaskId;

import java.time.Instant;

/**
 * A task of the response.
 *
 * @param taskId      the task
 * @param title       what is to be done
 * @param assignee    who does it
 * @param assignedAt  when it was given
 * @param completedAt when it was done, {@code null} while open
 * @param completedBy who marked it done, {@code null} while open
 */
public record TaskView(TaskId taskId, String title, String assignee, Instant assignedAt, Instant completedAt,
                       String completedBy) {
}
