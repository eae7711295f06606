package dev.incidenttimeline.app.integration.slack;

import java.util.List;

/**
 * What an import did.
 *
 * @param incidentId       the incident the thread was imported into
 * @param messagesInThread how many messages of the thread were read (the parent and its replies)
 * @param eventsAdded      how many events the import stored; 0 when the thread was imported before
 * @param skipped          rule matches that could not be applied, with the reason (a second "resolved", ...)
 */
public record SlackImportView(String incidentId, int messagesInThread, long eventsAdded, List<String> skipped) {
}
