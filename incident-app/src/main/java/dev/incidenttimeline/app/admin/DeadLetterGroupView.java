package dev.incidenttimeline.app.admin;

import dev.incidenttimeline.operations.DeadLetterView;

import java.util.List;

/**
 * The dead letters of one processing group (read model).
 *
 * @param group   the processing group
 * @param count   how many events are dead-lettered
 * @param letters the dead letters, sequence by sequence, in the order a retry handles them
 */
public record DeadLetterGroupView(String group, long count, List<DeadLetterView> letters) {
}
