package dev.incidenttimeline.notification;

import dev.incidenttimeline.incident.api.CustomerCalledBack;
import dev.incidenttimeline.incident.api.CustomerReportLinked;
import dev.incidenttimeline.incident.api.IncidentAcknowledged;
import dev.incidenttimeline.incident.api.IncidentClosed;
import dev.incidenttimeline.incident.api.IncidentDeclared;
import dev.incidenttimeline.incident.api.IncidentEvent;
import dev.incidenttimeline.incident.api.IncidentMitigated;
import dev.incidenttimeline.incident.api.IncidentReopened;
import dev.incidenttimeline.incident.api.IncidentResolved;
import dev.incidenttimeline.incident.api.PostmortemPublished;
import dev.incidenttimeline.incident.api.ResponseDeadlineMissed;
import dev.incidenttimeline.incident.api.RoleAssigned;
import dev.incidenttimeline.incident.api.SeverityChanged;
import dev.incidenttimeline.incident.api.StatusUpdatePosted;
import dev.incidenttimeline.incident.api.Visibility;

import java.time.Duration;

/**
 * The one line people read for each event worth telling; {@code null} for events that are not told (notes, pins,
 * tasks, postmortem drafting: they are on the timeline, not in the channel).
 */
final class NotificationText {

    private NotificationText() {
    }

    static String of(IncidentEvent event) {
        if (event instanceof IncidentDeclared e) {
            return e.severity() + " declared by " + e.declaredBy() + ": " + e.title()
                    + (e.services().isEmpty() ? "" : " (" + String.join(", ", e.services()) + ")")
                    + (e.drill() ? " [drill]" : "");
        } else if (event instanceof IncidentAcknowledged e) {
            return "Acknowledged by " + e.by();
        } else if (event instanceof RoleAssigned e) {
            return e.person() + " is now " + e.role().name().toLowerCase().replace('_', ' ');
        } else if (event instanceof StatusUpdatePosted e) {
            return (e.visibility() == Visibility.PUBLIC ? "Public update" : "Update") + " from " + e.author() + ": "
                    + e.text();
        } else if (event instanceof SeverityChanged e) {
            return "Severity " + e.previousSeverity() + " → " + e.severity() + " (" + e.by() + "): " + e.reason();
        } else if (event instanceof IncidentMitigated e) {
            return "Mitigated by " + e.by() + ": " + e.summary();
        } else if (event instanceof IncidentResolved e) {
            return "Resolved by " + e.by() + ": " + e.summary();
        } else if (event instanceof IncidentReopened e) {
            return "Reopened by " + e.by() + ": " + e.reason();
        } else if (event instanceof CustomerReportLinked e) {
            return "Customer report " + e.ticketId() + " from " + e.customer()
                    + (e.callbackPromisedBy() == null ? "" : "; callback promised by " + e.callbackPromisedBy());
        } else if (event instanceof CustomerCalledBack e) {
            return "Customer of " + e.ticketId() + " called back by " + e.by()
                    + (e.outcome() == null ? "" : ": " + e.outcome());
        } else if (event instanceof ResponseDeadlineMissed e) {
            return "Missed deadline: " + describe(e) + ", due " + e.dueAt() + " (policy " + e.policy() + ")";
        } else if (event instanceof PostmortemPublished e) {
            return "Postmortem published by " + e.by();
        } else if (event instanceof IncidentClosed e) {
            return "Closed by " + e.by();
        }
        return null;
    }

    private static String describe(ResponseDeadlineMissed e) {
        String within = e.allowed() == null ? "" : " within " + human(e.allowed());
        return switch (e.kind()) {
            case ACKNOWLEDGE -> "acknowledge" + within;
            case FIRST_UPDATE -> "first update" + within;
            case UPDATE_CADENCE -> "update every" + (e.allowed() == null ? "" : " " + human(e.allowed()));
            case MITIGATE -> "mitigate" + within;
            case CUSTOMER_CALLBACK -> "call back the customer of " + e.reference();
        };
    }

    private static String human(Duration duration) {
        return duration.toString().substring(2).toLowerCase();
    }
}
