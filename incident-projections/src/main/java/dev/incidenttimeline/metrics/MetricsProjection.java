package dev.incidenttimeline.metrics;

import dev.incidenttimeline.incident.api.AlertLinked;
import dev.incidenttimeline.incident.api.CustomerReportLinked;
import dev.incidenttimeline.incident.api.EntryAmended;
import dev.incidenttimeline.incident.api.ImpactRecorded;
import dev.incidenttimeline.incident.api.IncidentAcknowledged;
import dev.incidenttimeline.incident.api.IncidentDeclared;
import dev.incidenttimeline.incident.api.IncidentEvent;
import dev.incidenttimeline.incident.api.IncidentId;
import dev.incidenttimeline.incident.api.IncidentMitigated;
import dev.incidenttimeline.incident.api.IncidentReopened;
import dev.incidenttimeline.incident.api.IncidentResolved;
import dev.incidenttimeline.incident.api.MilestoneTimeRecorded;
import dev.incidenttimeline.incident.api.ResponseDeadlineMissed;
import dev.incidenttimeline.incident.api.Role;
import dev.incidenttimeline.incident.api.RoleAssigned;
import dev.incidenttimeline.incident.api.SeverityChanged;
import dev.incidenttimeline.incident.api.StatusUpdatePosted;
import dev.incidenttimeline.projections.BatchWork;
import dev.incidenttimeline.projections.ReadModelResets;
import dev.incidenttimeline.tenancy.Organisations;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Keeps each incident's milestone facts and computes its metrics with the {@link MetricCatalog}'s definitions from
 * them.
 *
 * <p>The handlers only note what an event changes; just before the processor's batch commits, the incidents it
 * touched are read with one query per table, changed in event order, their metrics computed, and only what changed
 * is written, with batched statements (see {@link MetricsStore}). Outside a unit of work (a handler called directly)
 * that happens at once.
 *
 * <p>Idempotent: an incident remembers the sequence number of the last event applied to it and ignores any event at
 * or below it, so a redelivery changes nothing. A reset clears the whole model; a replay then rebuilds it, with the
 * definitions in force at that time.
 */
@ProcessingGroup(MetricsProjection.PROCESSING_GROUP)
public class MetricsProjection {

    /** The processing group (and event processor) of the metrics read model. */
    public static final String PROCESSING_GROUP = "metrics";

    private final JdbcTemplate jdbc;
    private final MetricsStore store;
    private final TransactionTemplate transactions;
    private final MetricCatalog catalog;

    private final ReadModelResets resets;

    public MetricsProjection(JdbcTemplate jdbc, TransactionTemplate transactions, MetricCatalog catalog,
                             ReadModelResets resets) {
        this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
        this.resets = Objects.requireNonNull(resets, "resets");
        this.store = new MetricsStore(jdbc);
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
    }

    @EventHandler
    void on(IncidentDeclared event, @SequenceNumber long sequence, @MessageIdentifier String eventId,
            @Timestamp Instant recordedAt, @MetaDataValue(Organisations.METADATA_KEY) String organisation) {
        update(event.incidentId(), sequence, incident -> {
            incident.declared(event.occurredAt(), event.severity(), event.services(), event.detectedBy(),
                    event.drill(), organisation);
            incident.add(FactKind.DECLARED, "", sequence, event.occurredAt(), eventId, recordedAt);
            Instant detectedAt = event.detectedAt() == null ? event.occurredAt() : event.detectedAt();
            incident.add(FactKind.DETECTED, "", sequence, detectedAt, eventId, null);
            if (event.impactStartedAt() != null) {
                incident.add(FactKind.IMPACT_STARTED, "", sequence, event.impactStartedAt(), eventId, null);
            }
        });
    }

    @EventHandler
    void on(IncidentAcknowledged event, @SequenceNumber long sequence, @MessageIdentifier String eventId,
            @Timestamp Instant recordedAt) {
        record(event, FactKind.ACKNOWLEDGED, "", sequence, eventId, recordedAt);
    }

    @EventHandler
    void on(RoleAssigned event, @SequenceNumber long sequence, @MessageIdentifier String eventId,
            @Timestamp Instant recordedAt) {
        update(event.incidentId(), sequence, incident -> {
            if (Role.LEADER.equals(event.role())) {
                incident.add(FactKind.LEADER_ASSIGNED, eventId, sequence, event.occurredAt(), eventId, recordedAt);
            }
        });
    }

    @EventHandler
    void on(StatusUpdatePosted event, @SequenceNumber long sequence, @MessageIdentifier String eventId,
            @Timestamp Instant recordedAt) {
        record(event, FactKind.STATUS_UPDATE, event.entryId().value(), sequence, eventId, recordedAt);
    }

    /** A status update moved in time changes the time to first update and the gaps; a note changes nothing. */
    @EventHandler
    void on(EntryAmended event, @SequenceNumber long sequence, @MessageIdentifier String eventId) {
        update(event.incidentId(), sequence, incident -> {
            if (event.newTime() != null && !event.newTime().equals(event.previousTime())) {
                incident.move(FactKind.STATUS_UPDATE, event.entryId().value(), event.newTime(), eventId);
            }
        });
    }

    @EventHandler
    void on(AlertLinked event, @SequenceNumber long sequence, @MessageIdentifier String eventId,
            @Timestamp Instant recordedAt) {
        record(event, FactKind.ALERT_FIRED, eventId, sequence, eventId, recordedAt);
    }

    @EventHandler
    void on(CustomerReportLinked event, @SequenceNumber long sequence, @MessageIdentifier String eventId,
            @Timestamp Instant recordedAt) {
        record(event, FactKind.CUSTOMER_REPORTED, event.ticketId(), sequence, eventId, recordedAt);
    }

    @EventHandler
    void on(IncidentMitigated event, @SequenceNumber long sequence, @MessageIdentifier String eventId,
            @Timestamp Instant recordedAt) {
        record(event, FactKind.MITIGATED, eventId, sequence, eventId, recordedAt);
    }

    @EventHandler
    void on(IncidentResolved event, @SequenceNumber long sequence, @MessageIdentifier String eventId,
            @Timestamp Instant recordedAt) {
        record(event, FactKind.RESOLVED, eventId, sequence, eventId, recordedAt);
    }

    @EventHandler
    void on(IncidentReopened event, @SequenceNumber long sequence, @MessageIdentifier String eventId,
            @Timestamp Instant recordedAt) {
        record(event, FactKind.REOPENED, eventId, sequence, eventId, recordedAt);
    }

    /**
     * A corrected milestone moves the fact it corrects (for the mitigation and resolution: the one that counts now),
     * so every metric that depends on it changes; a milestone not known before becomes a new fact.
     */
    @EventHandler
    void on(MilestoneTimeRecorded event, @SequenceNumber long sequence, @MessageIdentifier String eventId) {
        update(event.incidentId(), sequence, incident -> {
            FactKind kind = switch (event.milestone()) {
                case IMPACT_STARTED -> FactKind.IMPACT_STARTED;
                case DETECTED -> FactKind.DETECTED;
                case ACKNOWLEDGED -> FactKind.ACKNOWLEDGED;
                case MITIGATED -> FactKind.MITIGATED;
                case RESOLVED -> FactKind.RESOLVED;
                case IMPACT_ENDED -> FactKind.IMPACT_ENDED;
            };
            boolean moved = kind == FactKind.MITIGATED || kind == FactKind.RESOLVED
                    ? incident.moveLatest(kind, event.time(), eventId)
                    : incident.move(kind, "", event.time(), eventId);
            if (!moved) {
                String key = kind == FactKind.MITIGATED || kind == FactKind.RESOLVED ? eventId : "";
                incident.add(kind, key, sequence, event.time(), eventId, null);
            }
        });
    }

    @EventHandler
    void on(SeverityChanged event, @SequenceNumber long sequence) {
        update(event.incidentId(), sequence, incident -> incident.changeSeverity(event.severity()));
    }

    @EventHandler
    void on(ImpactRecorded event, @SequenceNumber long sequence) {
        update(event.incidentId(), sequence, incident -> incident.addServices(event.services()));
    }

    /** A breach of the response policy; not a milestone, so it has no recorded time that a recording lag would use. */
    @EventHandler
    void on(ResponseDeadlineMissed event, @SequenceNumber long sequence, @MessageIdentifier String eventId) {
        update(event.incidentId(), sequence, incident -> incident.add(FactKind.DEADLINE_MISSED,
                event.kind().name() + ":" + eventId, sequence, event.occurredAt(), eventId, null));
    }

    /**
     * Records the reset; the tables are emptied after it commits (see {@link ReadModelResets}). Emptying
     * {@code metrics_change} too gives the model a generation no reader has seen, so every node's report index loads
     * it again.
     */
    @ResetHandler
    void reset() {
        resets.request(PROCESSING_GROUP);
    }

    /** Records the event itself as a fact, at the time it happened. */
    private void record(IncidentEvent event, FactKind kind, String key, long sequence, String eventId,
                        Instant recordedAt) {
        update(event.incidentId(), sequence,
                incident -> incident.add(kind, key, sequence, event.occurredAt(), eventId, recordedAt));
    }

    private void update(IncidentId incidentId, long sequence, Consumer<MetricsIncident> change) {
        Changes changes = BatchWork.current(PROCESSING_GROUP + ".changes", Changes::new);
        changes.events.add(new Change(incidentId.value(), sequence, change));
        BatchWork.flushIfUnmanaged(changes);
    }

    /** What one event does to its incident, unless the incident has seen it already. */
    private record Change(String incidentId, long sequence, Consumer<MetricsIncident> apply) {
    }

    /**
     * The changes of a batch, applied and written just before it commits. An incident's metrics are computed from its
     * facts once per batch, not once per event (the values depend on the facts only, and an incident has several
     * events in most batches of a replay); the incidents changed get the batch's change number, so that every node's
     * {@link MetricValueIndex} sees the change.
     */
    private final class Changes implements BatchWork.Flushable {

        private final List<Change> events = new ArrayList<>();

        @Override
        public void flush() {
            transactions.executeWithoutResult(status -> {
                Map<String, MetricsIncident> incidents = new LinkedHashMap<>(
                        store.lockAndLoad(events.stream().map(Change::incidentId).distinct().toList()));
                Map<String, MetricsIncident> changed = new LinkedHashMap<>();
                for (Change event : events) {
                    MetricsIncident incident = incidents.computeIfAbsent(event.incidentId(), MetricsIncident::new);
                    if (incident.accept(event.sequence())) {
                        event.apply().accept(incident);
                        changed.put(event.incidentId(), incident);
                    }
                }
                if (changed.isEmpty()) {
                    return;
                }
                List<MetricDefinition> definitions = catalog.definitions();
                changed.values().forEach(incident -> incident.recompute(definitions));
                store.save(changed.values());
                MetricsChanges.mark(jdbc, changed.keySet());
            });
        }
    }
}
