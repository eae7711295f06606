package dev.incidenttimeline.app.integration.alertmanager;

import dev.incidenttimeline.app.api.ApiProblem;
import dev.incidenttimeline.app.integration.DeliveryView;
import dev.incidenttimeline.app.integration.IncidentHistory;
import dev.incidenttimeline.app.integration.SenderClock;
import dev.incidenttimeline.embedding.IncidentGateway;
import dev.incidenttimeline.incident.api.DeclareIncident;
import dev.incidenttimeline.incident.api.DetectionSource;
import dev.incidenttimeline.incident.api.IncidentId;
import dev.incidenttimeline.incident.api.LinkAlert;
import dev.incidenttimeline.incident.api.ResolveAlert;
import dev.incidenttimeline.incident.api.Severity;
import dev.incidenttimeline.app.integration.alertmanager.AlertmanagerNotification.Alert;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static dev.incidenttimeline.app.integration.Text.MAX_NAME;
import static dev.incidenttimeline.app.integration.Text.MAX_TEXT;
import static dev.incidenttimeline.app.integration.Text.clip;
import static dev.incidenttimeline.app.integration.Text.firstOf;

/**
 * Maps an Alertmanager notification to incident commands.
 *
 * <p>An alert group (its {@code groupKey}) is one incident while that incident is open: the first notification with
 * a firing alert declares it, later ones link the alerts that are new and record those that stopped firing.
 * Once the incident is resolved, an alert of the group that <em>starts firing after the resolution</em> is a new
 * occurrence of the problem and declares a new incident (the group's next one), as on-call engineers expect from
 * a pager; repeated notifications of alerts that were already firing before the resolution, and their resolution,
 * are still recorded on the resolved incident. A closed incident takes nothing any more, so such notifications are
 * ignored.
 *
 * <p>Every command carries a {@code sourceId} made of the alert's fingerprint and start time, so Alertmanager's
 * repeated and redelivered notifications change nothing.
 */
@Service
class AlertmanagerWebhook {

    static final String SOURCE = "alertmanager";
    private static final int MAX_FINGERPRINT = 100;
    /** Alertmanager's group keys are the route's path and the grouping labels: long, but never this long. */
    private static final int MAX_GROUP_KEY = 2_000;
    private static final int MAX_LABEL_VALUE = 2_000;
    private static final int MAX_GENERATIONS = 10_000;
    /** Go's zero time, which Alertmanager sends as the end of an alert that still fires. */
    private static final Instant GO_ZERO_TIME = Instant.parse("0001-01-01T00:00:00Z");

    private final IncidentGateway incidents;
    private final IncidentHistory history;
    private final AlertmanagerProperties properties;
    private final Clock clock;

    AlertmanagerWebhook(IncidentGateway incidents, IncidentHistory history, AlertmanagerProperties properties,
                        Clock clock) {
        this.incidents = incidents;
        this.history = history;
        this.properties = properties;
        this.clock = clock;
    }

    /** The incident of a group: the first one keeps the plain derived id, later ones are numbered. */
    static IncidentId incidentOf(String groupKey, int generation) {
        return IncidentId.fromSource(SOURCE + ":" + groupKey + (generation == 1 ? "" : "#" + generation));
    }

    DeliveryView receive(AlertmanagerNotification notification) {
        check(notification);
        Instant now = clock.instant();
        for (int index = 0; index < notification.alerts().size(); index++) {
            SenderClock.notLater(notification.alerts().get(index).startsAt(), now, "alerts[" + index + "].startsAt");
        }
        List<Alert> firing = notification.alerts().stream().filter(Alert::firing).toList();
        for (int generation = 1; generation <= MAX_GENERATIONS; generation++) {
            IncidentId id = incidentOf(notification.groupKey(), generation);
            IncidentHistory.State state = history.stateOf(id);
            if (!state.declared()) {
                if (firing.isEmpty()) {
                    return DeliveryView.ignored(null, "No incident was declared for this group and none of its "
                            + "alerts fires.");
                }
                declare(id, notification, firing, now);
                record(id, notification.alerts(), now);
                return DeliveryView.declared(id.value());
            }
            if (state.resolved() && firing.stream().anyMatch(alert -> alert.startsAt().isAfter(state.resolvedAt()))) {
                continue;
            }
            if (state.closed()) {
                return DeliveryView.ignored(id.value(), "The group's incident is closed.");
            }
            record(id, notification.alerts(), now);
            return DeliveryView.recorded(id.value());
        }
        throw ApiProblem.invalidPayload("The group " + notification.groupKey() + " has fired too often.");
    }

    private void declare(IncidentId id, AlertmanagerNotification notification, List<Alert> firing, Instant now) {
        Alert first = firing.stream().min(Comparator.comparing(Alert::startsAt)).orElseThrow();
        Map<String, String> common = notification.commonAnnotations() == null ? Map.of()
                : notification.commonAnnotations();
        Map<String, String> commonLabels = notification.commonLabels() == null ? Map.of()
                : notification.commonLabels();
        String title = firstOf(common.get("summary"), commonLabels.get("alertname"), first.annotation("summary"),
                first.label("alertname"), "Alert group " + notification.groupKey());
        Severity severity = firing.stream().map(alert -> properties.severityOf(alert.label(properties.severityLabel())))
                .filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(properties.defaultSeverity());
        Set<String> services = new LinkedHashSet<>();
        for (Alert alert : firing) {
            properties.serviceLabels().stream().map(alert::label).filter(value -> value != null && !value.isBlank())
                    .findFirst().ifPresent(service -> services.add(clip(service, MAX_NAME)));
        }
        incidents.send(new DeclareIncident(id, clip(title, MAX_NAME), severity, services.stream().limit(100).toList(),
                DetectionSource.ALERT, notLater(first.startsAt(), now), null, properties.declaredBy(), false, now,
                SOURCE + ":declare:" + id.value()));
    }

    private void record(IncidentId id, List<Alert> alerts, Instant now) {
        for (Alert alert : alerts) {
            String firingKey = SOURCE + ":" + alert.fingerprint() + ":" + alert.startsAt();
            Instant startedAt = notLater(alert.startsAt(), now);
            incidents.send(new LinkAlert(id, SOURCE, alert.fingerprint(),
                    clip(firstOf(alert.label("alertname"), alert.fingerprint()), MAX_NAME),
                    clip(firstOf(alert.annotation("summary"), alert.annotation("description")), MAX_TEXT),
                    alert.labels(), startedAt, firingKey));
            if (!alert.firing()) {
                Instant endedAt = alert.endsAt() == null || !alert.endsAt().isAfter(GO_ZERO_TIME) ? now
                        : notLater(alert.endsAt(), now);
                incidents.send(new ResolveAlert(id, SOURCE, alert.fingerprint(),
                        endedAt.isBefore(startedAt) ? startedAt : endedAt, firingKey + ":resolved"));
            }
        }
    }

    /** Alertmanager's clock may run a little ahead of ours (further ahead is refused in {@link #receive}). */
    private static Instant notLater(Instant time, Instant now) {
        return time.isAfter(now) ? now : time;
    }

    /** Checks the whole notification before anything is sent, so a bad one stores nothing. */
    private static void check(AlertmanagerNotification notification) {
        if (!"4".equals(notification.version())) {
            throw ApiProblem.invalidPayload("version: only Alertmanager's webhook payload version \"4\" is supported, "
                    + "not " + (notification.version() == null ? "none" : "\"" + notification.version() + "\"") + ".");
        }
        if (notification.groupKey() == null || notification.groupKey().isBlank()
                || notification.groupKey().length() > MAX_GROUP_KEY) {
            throw ApiProblem.invalidPayload("groupKey is required (at most " + MAX_GROUP_KEY + " characters).");
        }
        if (notification.alerts() == null || notification.alerts().isEmpty()) {
            throw ApiProblem.invalidPayload("alerts: at least one alert is required.");
        }
        for (int index = 0; index < notification.alerts().size(); index++) {
            Alert alert = notification.alerts().get(index);
            String where = "alerts[" + index + "]";
            if (alert == null) {
                throw ApiProblem.invalidPayload(where + " is null.");
            }
            if (!"firing".equals(alert.status()) && !"resolved".equals(alert.status())) {
                throw ApiProblem.invalidPayload(where + ".status must be \"firing\" or \"resolved\".");
            }
            if (alert.fingerprint() == null || alert.fingerprint().isBlank()
                    || alert.fingerprint().length() > MAX_FINGERPRINT) {
                throw ApiProblem.invalidPayload(where + ".fingerprint is required (at most " + MAX_FINGERPRINT
                        + " characters).");
            }
            if (alert.startsAt() == null) {
                throw ApiProblem.invalidPayload(where + ".startsAt is required.");
            }
            if (alert.labels() != null && alert.labels().size() > 100) {
                throw ApiProblem.invalidPayload(where + ".labels has more than 100 labels.");
            }
            if (alert.labels() != null && alert.labels().keySet().stream()
                    .anyMatch(name -> name == null || name.isBlank() || name.length() > MAX_NAME)) {
                throw ApiProblem.invalidPayload(where + ".labels has a blank or too long label name.");
            }
            if (alert.labels() != null && alert.labels().values().stream()
                    .anyMatch(value -> value != null && value.length() > MAX_LABEL_VALUE)) {
                throw ApiProblem.invalidPayload(where + ".labels has a value longer than " + MAX_LABEL_VALUE
                        + " characters.");
            }
        }
    }
}
