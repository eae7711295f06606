package dev.incidenttimeline.timeline;

import dev.incidenttimeline.incident.api.EntryId;
import dev.incidenttimeline.tenancy.Organisations;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SubscriptionQueryMessage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Answers {@link FindTimeline} by folding an incident's entry and change rows into a {@link TimelineView}, and sends
 * refreshed views to the subscribers of a live timeline when new events of their incident were committed.
 *
 * <p>As known at a time T: entries and changes recorded after T are left out, so a backdated note added at 23:10 is
 * not in the 22:00 view, and an amendment recorded at 23:00 shows the old text there. A redaction is applied
 * whenever it was recorded: redacted content must not come back through an older view.
 */
public class TimelineQueryHandler {

    private static final Comparator<Placed> TIMELINE_ORDER = Comparator
            .comparing((Placed placed) -> placed.view().occurredAt())
            .thenComparingLong(placed -> placed.view().sequence())
            .thenComparingInt(Placed::part);

    /** A view with the part of its event it came from, the last tie-breaker. */
    private record Placed(TimelineEntryView view, int part) {
    }

    private final TimelineStore store;
    private final QueryUpdateEmitter emitter;

    TimelineQueryHandler(TimelineStore store, QueryUpdateEmitter emitter) {
        this.store = store;
        this.emitter = emitter;
    }

    /** The timeline; empty if the incident is not known (yet) or is another organisation's. */
    @QueryHandler
    public TimelineView handle(FindTimeline query, @MetaDataValue(Organisations.METADATA_KEY) String organisation) {
        String incidentId = query.incidentId().value();
        if (!store.visibleTo(incidentId, organisation)) {
            return new TimelineView(query.incidentId(), query.knownAt(), List.of());
        }
        return fold(query, store.entries(incidentId), store.changes(incidentId));
    }

    /** Sends the refreshed timeline to every live subscriber of one of these incidents. */
    void publish(Set<String> incidentIds) {
        for (SubscriptionQueryMessage<?, ?, ?> subscription : emitter.activeSubscriptions()) {
            if (subscription.getPayload() instanceof FindTimeline query
                    && incidentIds.contains(query.incidentId().value())) {
                String subscriptionId = subscription.getIdentifier();
                emitter.emit(message -> message.getIdentifier().equals(subscriptionId),
                        handle(query, Organisations.of(subscription)));
            }
        }
    }

    static TimelineView fold(FindTimeline query, List<EntryRow> entries, List<ChangeRow> changes) {
        Instant knownAt = query.knownAt();
        Map<String, List<ChangeRow>> changesByEntry = new HashMap<>();
        for (ChangeRow change : changes) {
            changesByEntry.computeIfAbsent(change.entryId(), key -> new ArrayList<>()).add(change);
        }
        List<Placed> placed = new ArrayList<>(entries.size());
        for (EntryRow entry : entries) {
            if (!isKnown(entry.recordedAt(), knownAt)) {
                continue;
            }
            TimelineEntryView view = view(entry, entry.entryId() == null ? List.of()
                    : changesByEntry.getOrDefault(entry.entryId(), List.of()), knownAt);
            if (wanted(query, view)) {
                placed.add(new Placed(view, entry.part()));
            }
        }
        placed.sort(TIMELINE_ORDER);
        return new TimelineView(query.incidentId(), knownAt, placed.stream().map(Placed::view).toList());
    }

    private static TimelineEntryView view(EntryRow entry, List<ChangeRow> changes, Instant knownAt) {
        String text = entry.text();
        Instant occurredAt = entry.occurredAt();
        boolean pinned = false;
        boolean redacted = false;
        List<EntryRevisionView> revisions = new ArrayList<>();
        for (ChangeRow change : changes) {
            if (change.type() == ChangeRow.ChangeType.REDACTED) {
                redacted = true;
            } else if (isKnown(change.recordedAt(), knownAt)) {
                switch (change.type()) {
                    case AMENDED -> {
                        revisions.add(new EntryRevisionView(change.previousText(), change.previousTime(),
                                change.recordedAt(), change.actor(), change.reason()));
                        text = change.newText();
                        occurredAt = change.newTime();
                    }
                    case PINNED -> pinned = true;
                    case UNPINNED -> pinned = false;
                    default -> { }
                }
            }
        }
        return new TimelineEntryView(entry.id(), entry.entryId() == null ? null : EntryId.of(entry.entryId()),
                entry.kind(), occurredAt, entry.recordedAt(), entry.sequence(), entry.actor(), redacted ? null : text,
                entry.visibility(), redacted ? List.of() : entry.links(), pinned, !revisions.isEmpty(), redacted,
                revisions);
    }

    private static boolean wanted(FindTimeline query, TimelineEntryView view) {
        return (query.kinds().isEmpty() || query.kinds().contains(view.kind()))
                && (query.visibility() == null || query.visibility() == view.visibility())
                && (!query.pinnedOnly() || view.pinned());
    }

    private static boolean isKnown(Instant recordedAt, Instant knownAt) {
        return knownAt == null || !recordedAt.isAfter(knownAt);
    }
}
