package dev.incidenttimeline.notification;

/**
 * The port for telling someone about an incident: a host implements it (as a Spring bean) to send
 * {@link Notification}s wherever it likes. The library calls it from one tracking processor, never on a replay,
 * and at most once per event and {@link #channel()} once a call has returned normally.
 */
public interface IncidentNotifier {

    /**
     * A stable name of where this notifier sends to (e.g. {@code slack}); the library remembers per event and
     * channel what was sent. Renaming it makes a redelivered event go out again.
     */
    String channel();

    /**
     * Sends one notification.
     *
     * @throws NotificationFailedException (or any exception) when it could not be sent; it is retried with backoff
     *                                     unless the exception says it cannot succeed
     */
    void send(Notification notification) throws Exception;
}
