package dev.incidenttimeline.metrics;

import dev.incidenttimeline.incident.api.DeadlineKind;
import dev.incidenttimeline.incident.api.DetectionSource;
import dev.incidenttimeline.incident.api.Severity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One incident as the metrics see it (a row of {@code metrics_incident} with its services, facts and values): what
 * reports group and filter by, its milestone facts and its computed metric values.
 *
 * <p>A plain object that lives for one processor batch (or one query): {@link MetricsStore} reads it, the batch's
 * events change it, and the store writes back only what changed.
 */
final class MetricsIncident {

    private final String incidentId;

    /** Whether its row exists; if not, it is inserted. */
    private final boolean stored;

    /** Null until the declaration was seen; such an incident is in no report. */
    private Instant declaredAt;

    private Severity severity;

    private DetectionSource detectedBy;

    private boolean drill;

    /** The organisation the incident was declared for; null without tenancy. */
    private String organisation;

    private boolean customerFirst;

    /** The aggregate sequence number of the last event applied: an event at or below it was seen already. */
    private long lastSequence = -1;

    private final Set<String> services = new HashSet<>();

    /** The services added since it was read (services are never taken away). */
    private final Set<String> newServices = new HashSet<>();

    private final Map<String, MetricsFact> facts = new HashMap<>();

    private final Map<String, MetricsValue> values = new HashMap<>();

    /** The stored values of metrics no longer defined. */
    private final List<MetricsValue> dropped = new ArrayList<>();

    /** An incident not stored yet. */
    MetricsIncident(String incidentId) {
        this.incidentId = incidentId;
        this.stored = false;
    }

    /** An incident as stored, without its services, facts and values (see {@link #load}). */
    MetricsIncident(String incidentId, Instant declaredAt, Severity severity, DetectionSource detectedBy,
                    boolean drill, String organisation, boolean customerFirst, long lastSequence) {
        this.incidentId = incidentId;
        this.stored = true;
        this.declaredAt = declaredAt;
        this.severity = severity;
        this.detectedBy = detectedBy;
        this.drill = drill;
        this.organisation = organisation;
        this.customerFirst = customerFirst;
        this.lastSequence = lastSequence;
    }

    /** Adds a stored service. */
    void load(String service) {
        services.add(service);
    }

    /** Adds a stored fact. */
    void load(MetricsFact fact) {
        facts.put(fact.name(), fact);
    }

    /** Adds a stored value. */
    void load(MetricsValue value) {
        values.put(value.metric(), value);
    }

    /** Whether the event with this sequence number is new; if so, it is taken as seen. */
    boolean accept(long sequence) {
        if (sequence <= lastSequence) {
            return false;
        }
        lastSequence = sequence;
        return true;
    }

    void declared(Instant at, Severity severity, Collection<String> services, DetectionSource detectedBy,
                  boolean drill, String organisation) {
        this.declaredAt = MetricsFact.asStored(at);
        this.organisation = organisation;
        this.severity = severity;
        this.detectedBy = detectedBy;
        this.drill = drill;
        addServices(services);
    }

    void changeSeverity(Severity severity) {
        this.severity = severity;
    }

    void addServices(Collection<String> services) {
        if (services != null) {
            services.stream().filter(this.services::add).forEach(newServices::add);
        }
    }

    /** Records a fact unless one with the same kind and key is known (then the first one stands). */
    void add(FactKind kind, String key, long sequence, Instant at, String eventId, Instant recordedAt) {
        facts.putIfAbsent(MetricsFact.name(kind, key),
                new MetricsFact(kind, key, sequence, at, eventId, recordedAt));
    }

    /** Moves a known fact to a corrected time; false if there is no such fact. */
    boolean move(FactKind kind, String key, Instant at, String eventId) {
        MetricsFact fact = facts.get(MetricsFact.name(kind, key));
        if (fact == null) {
            return false;
        }
        fact.moveTo(at, eventId);
        return true;
    }

    /** Moves the latest fact of a kind (the mitigation or resolution that counts now); false if there is none. */
    boolean moveLatest(FactKind kind, Instant at, String eventId) {
        return facts.values().stream().filter(fact -> fact.kind() == kind)
                .max(Comparator.comparingLong(MetricsFact::sequence))
                .map(fact -> {
                    fact.moveTo(at, eventId);
                    return true;
                }).orElse(false);
    }

    /** Computes every defined metric from the facts, and drops the values of metrics no longer defined. */
    void recompute(List<MetricDefinition> definitions) {
        Milestones milestones = milestones();
        customerFirst = milestones.customerFirst();
        Set<String> defined = new HashSet<>();
        for (MetricDefinition definition : definitions) {
            defined.add(definition.name());
            Span span = definition.rule().measure(milestones);
            values.computeIfAbsent(definition.name(), MetricsValue::new).set(definition.version(),
                    span == null ? Span.NONE : span, declaredAt, drill, severity, detectedBy, organisation);
        }
        values.values().removeIf(value -> {
            boolean gone = !defined.contains(value.metric());
            if (gone && !value.isNew()) {
                dropped.add(value);
            }
            return gone;
        });
    }

    /**
     * Computes every defined metric again, as {@link #recompute}; whether anything stored comes out different (a
     * value new, changed or dropped, or whether the customer came first).
     */
    boolean recomputeChanges(List<MetricDefinition> definitions) {
        boolean customerFirstBefore = customerFirst;
        recompute(definitions);
        return customerFirst != customerFirstBefore || !dropped.isEmpty()
                || values.values().stream().anyMatch(value -> value.isNew() || value.changed());
    }

    String incidentId() {
        return incidentId;
    }

    boolean stored() {
        return stored;
    }

    Instant declaredAt() {
        return declaredAt;
    }

    Severity severity() {
        return severity;
    }

    DetectionSource detectedBy() {
        return detectedBy;
    }

    boolean drill() {
        return drill;
    }

    String organisation() {
        return organisation;
    }

    boolean customerFirst() {
        return customerFirst;
    }

    long lastSequence() {
        return lastSequence;
    }

    Set<String> newServices() {
        return newServices;
    }

    Collection<MetricsFact> facts() {
        return facts.values();
    }

    Collection<MetricsValue> values() {
        return values.values();
    }

    /** The stored values of metrics no longer defined, to be deleted. */
    List<MetricsValue> dropped() {
        return dropped;
    }

    Milestones milestones() {
        return new Milestones(facts.values().stream().map(MetricsFact::toFact).toList(), detectedBy);
    }

    IncidentMetricsView toView(List<MetricDefinition> definitions) {
        Map<String, MetricValueView> byName = new HashMap<>();
        values.values().forEach(value -> byName.put(value.metric(), value.toView()));
        // Catalogue order first, then anything computed by a definition that is gone (until the next replay).
        List<MetricValueView> ordered = new ArrayList<>();
        definitions.forEach(definition -> {
            MetricValueView view = byName.remove(definition.name());
            if (view != null) {
                ordered.add(view);
            }
        });
        byName.values().stream().sorted(Comparator.comparing(MetricValueView::name)).forEach(ordered::add);
        Map<DeadlineKind, Integer> missed = new EnumMap<>(DeadlineKind.class);
        facts.values().stream().filter(fact -> fact.kind() == FactKind.DEADLINE_MISSED).forEach(fact ->
                missed.merge(DeadlineKind.valueOf(fact.key().substring(0, fact.key().indexOf(':'))), 1,
                        Integer::sum));
        return IncidentMetricsView.of(incidentId, declaredAt, severity, List.copyOf(new TreeSet<>(services)),
                detectedBy, drill, customerFirst, ordered, missed);
    }
}
