package dev.incidenttimeline.postmortem;

import dev.incidenttimeline.incident.api.IncidentId;
import dev.incidenttimeline.incident.api.Visibility;
import dev.incidenttimeline.projections.IncidentQueries;
import dev.incidenttimeline.tenancy.Organisations;
import dev.incidenttimeline.timeline.EntryKind;
import dev.incidenttimeline.timeline.FindTimeline;
import dev.incidenttimeline.timeline.TimelineEntryView;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.queryhandling.QueryHandler;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Answers {@link FindPostmortem} and {@link FindStakeholderSummary} by composing the postmortem facts with the
 * timeline (through the query bus) and the response metrics.
 */
public class PostmortemQueryHandler {

    /** The kinds a significant timeline shows besides the pinned entries: the story's turning points. */
    static final Set<EntryKind> SIGNIFICANT_KINDS = EnumSet.of(EntryKind.DECLARED, EntryKind.DETECTED,
            EntryKind.IMPACT_STARTED, EntryKind.ACKNOWLEDGED, EntryKind.SEVERITY_CHANGED,
            EntryKind.CUSTOMER_REPORT_LINKED, EntryKind.MITIGATED, EntryKind.RESOLVED, EntryKind.REOPENED,
            EntryKind.MILESTONE_TIME_RECORDED, EntryKind.DEADLINE_MISSED);

    private final PostmortemStore store;
    private final IncidentQueries queries;
    private final Function<IncidentId, Optional<ResponseMeasures>> measures;
    PostmortemQueryHandler(PostmortemStore store, IncidentQueries queries,
                           Function<IncidentId, Optional<ResponseMeasures>> measures) {
        this.store = store;
        this.queries = queries;
        this.measures = measures;
    }

    /** What the metrics read model measured for one incident. */
    record ResponseMeasures(KeyDurationsView durations, boolean customerFirst) {
    }

    /** The postmortem; empty if the incident is not known (yet) or is another organisation's. */
    @QueryHandler
    public Optional<PostmortemView> handle(FindPostmortem query,
                                           @MetaDataValue(Organisations.METADATA_KEY) String organisation) {
        if (!mayAccess(query.incidentId(), organisation)) {
            return Optional.empty();
        }
        List<FactRow> facts = store.facts(query.incidentId().value());
        Instant knownAt = PostmortemFold.publicationRecordedAt(facts);
        PostmortemFold fold = PostmortemFold.of(facts, knownAt);
        if (fold.declaredAt == null) {
            return Optional.empty();
        }
        boolean changedAfter = knownAt != null && facts.stream().anyMatch(f -> f.recordedAt().isAfter(knownAt));
        FindTimeline timelineQuery = FindTimeline.of(query.incidentId());
        if (knownAt != null) {
            timelineQuery = timelineQuery.asKnownAt(knownAt);
        }
        if (query.publicOnly()) {
            timelineQuery = timelineQuery.withVisibility(Visibility.PUBLIC);
        }
        List<TimelineEntryView> timeline = queries.timeline(timelineQuery).entries();
        if (query.detail() == TimelineDetail.SIGNIFICANT && !query.publicOnly()) {
            timeline = timeline.stream().filter(e -> e.pinned() || SIGNIFICANT_KINDS.contains(e.kind())).toList();
        }
        Optional<ResponseMeasures> measured = measures.apply(query.incidentId());
        KeyDurationsView durations = measured.map(ResponseMeasures::durations).orElse(KeyDurationsView.NONE);
        boolean customerFirst = measured.map(ResponseMeasures::customerFirst)
                .orElse(fold.detectedBy == dev.incidenttimeline.incident.api.DetectionSource.CUSTOMER);
        return Optional.of(new PostmortemView(query.incidentId(), fold.title, fold.severity, fold.status,
                fold.postmortemStatus, fold.drill, knownAt, fold.publishedBy, changedAfter,
                new PostmortemDatesView(fold.declaredAt, fold.impactStartedAt, fold.detectedAt, fold.acknowledgedAt,
                        fold.mitigatedAt, fold.resolvedAt, fold.impactEndedAt, fold.publishedAt),
                fold.participantViews(), PostmortemView.BLAMELESS_PREAMBLE, fold.summary,
                new ImpactView(List.copyOf(fold.services), fold.customersAffected, fold.usersAffected,
                        List.copyOf(fold.affectedCustomers), durations.impactDuration()),
                new DetectionView(fold.detectedBy, fold.declaredBy, fold.firstAlert, fold.detectedAt,
                        durations.timeToDetect(), customerFirst),
                query.detail(), query.publicOnly(), timeline, fold.factors,
                fold.mitigatedAt == null ? null : new ResponseStepView(fold.mitigatedAt, fold.mitigatedBy,
                        fold.mitigationSummary),
                fold.resolvedAt == null ? null : new ResponseStepView(fold.resolvedAt, fold.resolvedBy,
                        fold.resolutionSummary),
                durations, fold.missed, fold.reportViews(), fold.actionItemViews(), fold.lessons));
    }

    /** The stakeholder summary; empty if the incident is not known (yet) or is another organisation's. */
    @QueryHandler
    public Optional<StakeholderSummaryView> handle(FindStakeholderSummary query,
                                                   @MetaDataValue(Organisations.METADATA_KEY) String organisation) {
        if (!mayAccess(query.incidentId(), organisation)) {
            return Optional.empty();
        }
        PostmortemFold fold = PostmortemFold.of(store.facts(query.incidentId().value()), null);
        if (fold.declaredAt == null) {
            return Optional.empty();
        }
        TimelineEntryView latest = null;
        for (TimelineEntryView entry : queries.timeline(FindTimeline.of(query.incidentId())
                .withKinds(Set.of(EntryKind.STATUS_UPDATE))).entries()) {
            if (!entry.redacted()) {
                latest = entry;
            }
        }
        String whatHappened = fold.summary != null ? fold.summary
                : fold.resolutionSummary != null && fold.resolvedAt != null ? fold.resolutionSummary
                : fold.mitigatedAt != null ? fold.mitigationSummary : null;
        String fix = fold.resolvedAt != null ? fold.resolutionSummary
                : fold.mitigatedAt != null ? fold.mitigationSummary : null;
        Set<String> customers = new LinkedHashSet<>(fold.affectedCustomers);
        fold.reports.values().forEach(report -> customers.add(report.customer));
        List<TeamMemberView> team = new ArrayList<>();
        fold.currentHolders().forEach(holder -> team.add(new TeamMemberView(holder.role(), holder.person())));
        KeyDurationsView durations = measures.apply(query.incidentId()).map(ResponseMeasures::durations)
                .orElse(KeyDurationsView.NONE);
        return Optional.of(new StakeholderSummaryView(query.incidentId(), fold.title, fold.severity,
                fold.impactStartedAt == null ? fold.declaredAt : fold.impactStartedAt, fold.resolvedAt,
                fold.mitigatedAt, List.copyOf(fold.services), team, whatHappened, fold.factors,
                fold.customersAffected, fold.usersAffected, durations.impactDuration(), List.copyOf(customers),
                fold.status, latest == null ? null : latest.text(), latest == null ? null : latest.occurredAt(), fix,
                fold.actionItemViews().stream().filter(item -> !item.done()).toList()));
    }

    private boolean mayAccess(IncidentId incidentId, String organisation) {
        return store.visibleTo(incidentId.value(), organisation);
    }
}
