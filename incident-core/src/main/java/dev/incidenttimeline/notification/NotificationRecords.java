package dev.incidenttimeline.notification;

import dev.incidenttimeline.incident.api.IncidentId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * What the notifiers have sent, in the host's database (tables {@code sent_notification} and
 * {@code notification_thread}, created by the library's Flyway migration). Each mark is committed on its own, at
 * once, so that a later failure in the same event handler does not undo it and cause a second send.
 */
public class NotificationRecords {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    public NotificationRecords(DataSource dataSource, PlatformTransactionManager transactionManager, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** Whether the event was sent to the channel already. */
    public boolean wasSent(String eventId, String channel) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM sent_notification WHERE event_id = ? AND channel = ?",
                Integer.class, eventId, channel) > 0;
    }

    /** Remembers that the event was sent to the channel. */
    public void markSent(String eventId, String channel) {
        ownTransaction.executeWithoutResult(status -> {
            try {
                jdbc.update("INSERT INTO sent_notification (event_id, channel, sent_at) VALUES (?, ?, ?)",
                        eventId, channel, Timestamp.from(clock.instant()));
            } catch (DuplicateKeyException alreadyMarked) {
                status.setRollbackOnly();
            }
        });
    }

    /** The message that stands for the incident in the channel (e.g. a Slack message's {@code ts}). */
    public Optional<String> thread(IncidentId incidentId, String channel) {
        List<String> refs = jdbc.queryForList(
                "SELECT thread_ref FROM notification_thread WHERE incident_id = ? AND channel = ?", String.class,
                incidentId.value(), channel);
        return refs.stream().findFirst();
    }

    /** Remembers the message that stands for the incident in the channel. */
    public void saveThread(IncidentId incidentId, String channel, String threadRef) {
        ownTransaction.executeWithoutResult(status -> {
            try {
                jdbc.update("INSERT INTO notification_thread (incident_id, channel, thread_ref) VALUES (?, ?, ?)",
                        incidentId.value(), channel, threadRef);
            } catch (DuplicateKeyException alreadySaved) {
                status.setRollbackOnly();
            }
        });
    }
}
