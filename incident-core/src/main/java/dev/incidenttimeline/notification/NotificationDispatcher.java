package dev.incidenttimeline.notification;

import dev.incidenttimeline.incident.api.IncidentDeclared;
import dev.incidenttimeline.incident.api.IncidentEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Feeds the {@link IncidentNotifier}s from the event stream, in its own tracking processor
 * ({@value #PROCESSING_GROUP}) that starts at the head of the stream (the past is not announced) and never runs on
 * a replay. Each notifier gets each event at most once once it succeeded (remembered in
 * {@link NotificationRecords}); a failing send is retried with exponential backoff and then given up and logged,
 * so that one dead endpoint does not hold the others back.
 */
@ProcessingGroup(NotificationDispatcher.PROCESSING_GROUP)
public class NotificationDispatcher {

    /** The processing group (a tracking processor) of outbound notifications. */
    public static final String PROCESSING_GROUP = "notifications";

    private static final Logger log = LoggerFactory.getLogger(NotificationDispatcher.class);

    private final List<IncidentNotifier> notifiers;
    private final NotificationRecords records;
    private final EventStore eventStore;
    private final NotificationProperties.Retry retry;

    public NotificationDispatcher(List<IncidentNotifier> notifiers, NotificationRecords records,
                                  EventStore eventStore, NotificationProperties.Retry retry) {
        this.notifiers = List.copyOf(notifiers);
        this.records = Objects.requireNonNull(records, "records");
        this.eventStore = Objects.requireNonNull(eventStore, "eventStore");
        this.retry = Objects.requireNonNull(retry, "retry");
    }

    @EventHandler
    @DisallowReplay
    void on(IncidentEvent event, EventMessage<?> message) {
        String text = NotificationText.of(event);
        if (text == null || notifiers.isEmpty()) {
            return;
        }
        Notification notification = new Notification(message.getIdentifier(), event.getClass().getSimpleName(),
                event.incidentId(), title(event), text, event.occurredAt(), message.getTimestamp(), event);
        for (IncidentNotifier notifier : notifiers) {
            if (!records.wasSent(notification.eventId(), notifier.channel())) {
                sendWithRetries(notifier, notification);
            }
        }
    }

    private void sendWithRetries(IncidentNotifier notifier, Notification notification) {
        for (int attempt = 1; ; attempt++) {
            try {
                notifier.send(notification);
                records.markSent(notification.eventId(), notifier.channel());
                return;
            } catch (Exception failure) {
                boolean retryable = !(failure instanceof NotificationFailedException refused) || refused.isRetryable();
                if (!retryable || attempt >= retry.attempts()) {
                    log.warn("Gave up sending {} of incident {} (event {}) to {} after {} attempt(s): {}",
                            notification.type(), notification.incidentId(), notification.eventId(),
                            notifier.channel(), attempt, failure.toString());
                    return;
                }
                if (!pause(delay(retry, attempt))) {
                    return;
                }
            }
        }
    }

    /** The wait after the given failed attempt: base, 2 × base, 4 × base, ... at most the maximum. */
    static Duration delay(NotificationProperties.Retry retry, int failedAttempt) {
        Duration delay = retry.baseDelay().multipliedBy(1L << Math.min(failedAttempt - 1, 20));
        return delay.compareTo(retry.maxDelay()) > 0 ? retry.maxDelay() : delay;
    }

    private static boolean pause(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
            return true;
        } catch (InterruptedException interrupted) {
            // The processor is shutting down: the event was not marked as sent and is retried after a restart.
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private String title(IncidentEvent event) {
        if (event instanceof IncidentDeclared declared) {
            return declared.title();
        }
        return eventStore.readEvents(event.incidentId().value(), 0L).asStream()
                .findFirst()
                .map(DomainEventMessage::getPayload)
                .filter(IncidentDeclared.class::isInstance)
                .map(first -> ((IncidentDeclared) first).title())
                .orElse(event.incidentId().value());
    }
}
