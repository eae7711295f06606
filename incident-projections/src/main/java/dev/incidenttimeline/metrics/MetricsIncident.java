package dev.incidenttimeline.metrics;

import dev.incidenttimeline.incident.api.DeadlineKind;
import dev.incidenttimeline.incident.api.DetectionSource;
import dev.incidenttimeline.incident.api.Severity;
import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKey;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;

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
 * A row of the read model: one incident as the metrics see it, with what reports group and filter by, its milestone
 * facts and its computed metric values.
 */
@Entity
@Table(name = "metrics_incident", indexes = @Index(name = "metrics_incident_declared", columnList = "declared_at"))
class MetricsIncident {

    @Id
    @Column(name = "incident_id", length = 255)
    private String incidentId;

    /** Null until the declaration was seen; such an incident is in no report. */
    @Column(name = "declared_at")
    private Instant declaredAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "severity", length = 20)
    private Severity severity;

    @Enumerated(EnumType.STRING)
    @Column(name = "detected_by", length = 20)
    private DetectionSource detectedBy;

    @Column(name = "drill", nullable = false)
    private boolean drill;

    /** The organisation the incident was declared for; null without tenancy. */
    @Column(name = "organisation", length = 200)
    private String organisation;

    @Column(name = "customer_first", nullable = false)
    private boolean customerFirst;

    /** The aggregate sequence number of the last event applied: an event at or below it was seen already. */
    @Column(name = "last_sequence", nullable = false)
    private long lastSequence = -1;

    @ElementCollection
    @CollectionTable(name = "metrics_incident_service", joinColumns = @JoinColumn(name = "incident_id"),
            indexes = @Index(name = "metrics_incident_service_incident", columnList = "incident_id"))
    @Column(name = "service", nullable = false, length = 255)
    private Set<String> services = new HashSet<>();

    @OneToMany(mappedBy = "incident", cascade = CascadeType.ALL, orphanRemoval = true)
    @MapKey(name = "name")
    private Map<String, MetricsFact> facts = new HashMap<>();

    @OneToMany(mappedBy = "incident", cascade = CascadeType.ALL, orphanRemoval = true)
    @MapKey(name = "metric")
    private Map<String, MetricsValue> values = new HashMap<>();

    protected MetricsIncident() {
        // for JPA
    }

    MetricsIncident(String incidentId) {
        this.incidentId = incidentId;
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
        this.declaredAt = at;
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
            this.services.addAll(services);
        }
    }

    /** Records a fact unless one with the same kind and key is known (then the first one stands). */
    void add(FactKind kind, String key, long sequence, Instant at, String eventId, Instant recordedAt) {
        facts.putIfAbsent(MetricsFact.name(kind, key),
                new MetricsFact(this, kind, key, sequence, at, eventId, recordedAt));
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
            MetricsValue value = values.computeIfAbsent(definition.name(), metric -> new MetricsValue(this, metric));
            value.set(definition.version(), span == null ? Span.NONE : span);
            value.describe(declaredAt, drill, severity, detectedBy, organisation);
        }
        values.keySet().retainAll(defined);
    }

    String organisation() {
        return organisation;
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
