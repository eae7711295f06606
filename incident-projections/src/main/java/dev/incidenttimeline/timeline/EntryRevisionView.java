package dev.incidenttimeline.timeline;

import java.time.Instant;

/**
 * An earlier version of an amended entry.
 *
 * @param text       the text it had; {@code null} if the entry was redacted since
 * @param occurredAt the time it had
 * @param replacedAt when the amendment that replaced it was recorded
 * @param amendedBy  who amended it
 * @param reason     why, if given
 */
public record EntryRevisionView(String text, Instant occurredAt, Instant replacedAt, String amendedBy, String reason) {
}
