package dev.incidenttimeline.postmortem;

import dev.incidenttimeline.incident.api.IncidentId;
import dev.incidenttimeline.incident.api.IncidentStatus;
import dev.incidenttimeline.incident.api.PostmortemStatus;
import dev.incidenttimeline.incident.api.Severity;
import dev.incidenttimeline.timeline.TimelineEntryView;

import java.time.Instant;
import java.util.List;

/**
 * An incident's postmortem, generated from its events. Texts are as people typed them: a renderer escapes them
 * (see {@link PostmortemMarkdown}).
 *
 * <p>While {@code postmortemStatus} is not {@code PUBLISHED} it is a draft that shows everything known now. Once
 * published it is the document as known when the publication was recorded ({@code knownAt}): facts and timeline
 * entries recorded later are not in it, so it reads the same every time; redacted content stays hidden. The key
 * durations (and the impact's duration, time to detect, "a customer told us first") come from the response metrics
 * as now known: they move only if a milestone's time is corrected after publication
 * ({@code changedAfterPublication} tells that something was recorded after it).
 *
 * @param incidentId              the incident
 * @param title                   its title
 * @param severity                its severity (as known to the document)
 * @param status                  where the response was (as known to the document)
 * @param postmortemStatus        none, draft or published
 * @param drill                   whether it was a drill
 * @param knownAt                 the recorded time of the publication, or {@code null} for a draft (known now)
 * @param publishedBy             who published it, or {@code null}
 * @param changedAfterPublication whether something about the incident was recorded after the publication
 * @param dates                   its dates
 * @param participants            who took part and in which roles, in the order they joined
 * @param preamble                the blameless preamble
 * @param summary                 the postmortem's summary (the latest written), or {@code null}
 * @param impact                  what it hurt
 * @param detection               how it was found
 * @param timelineDetail          how much of the timeline is shown
 * @param publicOnly              whether the timeline shows only what customers may see
 * @param timeline                the timeline entries, ordered by when they happened
 * @param contributingFactors     the contributing factors, in the order recorded
 * @param mitigation              how it was mitigated, or {@code null}
 * @param resolution              how it was resolved, or {@code null}
 * @param keyDurations            the response metrics
 * @param responsePace            the response deadlines that were missed, by due time
 * @param customerReports         the customers' reports and when they were told, in the order reported
 * @param actionItems             the action items, in the order added
 * @param lessonsLearned          the lessons, in the order recorded
 */
public record PostmortemView(IncidentId incidentId,
                             String title,
                             Severity severity,
                             IncidentStatus status,
                             PostmortemStatus postmortemStatus,
                             boolean drill,
                             Instant knownAt,
                             String publishedBy,
                             boolean changedAfterPublication,
                             PostmortemDatesView dates,
                             List<ParticipantView> participants,
                             String preamble,
                             String summary,
                             ImpactView impact,
                             DetectionView detection,
                             TimelineDetail timelineDetail,
                             boolean publicOnly,
                             List<TimelineEntryView> timeline,
                             List<String> contributingFactors,
                             ResponseStepView mitigation,
                             ResponseStepView resolution,
                             KeyDurationsView keyDurations,
                             List<MissedDeadlineView> responsePace,
                             List<CustomerReportView> customerReports,
                             List<ActionItemView> actionItems,
                             List<String> lessonsLearned) {

    /** The blameless preamble every postmortem starts with. */
    public static final String BLAMELESS_PREAMBLE = "This postmortem is blameless. People made reasonable decisions "
            + "with the information, tools and support they had at the time; we look for what in our systems and "
            + "processes made the incident possible and how to improve them, not for whom to blame.";

    public PostmortemView {
        participants = List.copyOf(participants);
        timeline = List.copyOf(timeline);
        contributingFactors = List.copyOf(contributingFactors);
        responsePace = List.copyOf(responsePace);
        customerReports = List.copyOf(customerReports);
        actionItems = List.copyOf(actionItems);
        lessonsLearned = List.copyOf(lessonsLearned);
    }
}
