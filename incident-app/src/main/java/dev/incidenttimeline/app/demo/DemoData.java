package dev.incidenttimeline.app.demo;

import dev.incidenttimeline.embedding.IncidentGateway;
import dev.incidenttimeline.incident.api.AcknowledgeIncident;
import dev.incidenttimeline.incident.api.ActionItemId;
import dev.incidenttimeline.incident.api.AddActionItem;
import dev.incidenttimeline.incident.api.AddTimelineNote;
import dev.incidenttimeline.incident.api.AssignRole;
import dev.incidenttimeline.incident.api.AssignTask;
import dev.incidenttimeline.incident.api.ChangeSeverity;
import dev.incidenttimeline.incident.api.CompleteTask;
import dev.incidenttimeline.incident.api.DeclareIncident;
import dev.incidenttimeline.incident.api.DetectionSource;
import dev.incidenttimeline.incident.api.EntryId;
import dev.incidenttimeline.incident.api.IncidentCommand;
import dev.incidenttimeline.incident.api.IncidentId;
import dev.incidenttimeline.incident.api.LinkAlert;
import dev.incidenttimeline.incident.api.LinkCustomerReport;
import dev.incidenttimeline.incident.api.MitigateIncident;
import dev.incidenttimeline.incident.api.PostStatusUpdate;
import dev.incidenttimeline.incident.api.PublishPostmortem;
import dev.incidenttimeline.incident.api.RecordContributingFactor;
import dev.incidenttimeline.incident.api.RecordImpact;
import dev.incidenttimeline.incident.api.RecordLessonLearned;
import dev.incidenttimeline.incident.api.ResolveAlert;
import dev.incidenttimeline.incident.api.ResolveIncident;
import dev.incidenttimeline.incident.api.Role;
import dev.incidenttimeline.incident.api.Severity;
import dev.incidenttimeline.incident.api.StartPostmortem;
import dev.incidenttimeline.incident.api.TaskId;
import dev.incidenttimeline.incident.api.Visibility;
import dev.incidenttimeline.incident.api.WritePostmortemSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Loads three demo incidents, each a story told by its commands: a webshop that slowed down in peak season and was
 * found by the business an hour late, a database query that took production down, and an EV-charging API outage.
 * Times are fixed offsets from a day some days before the clock's today; every command has a {@code sourceId}
 * ({@code demo:<story>:<step>}), so loading again after a restart changes nothing.
 */
@Component
@ConditionalOnProperty(name = "incident.demo.enabled", havingValue = "true", matchIfMissing = true)
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    static final String WEBSHOP = "demo:webshop-peak-season";
    static final String DATABASE = "demo:database-query";
    static final String CHARGING = "demo:ev-charging-api";

    private final IncidentGateway incidents;
    private final Clock clock;

    DemoData(IncidentGateway incidents, Clock clock) {
        this.incidents = incidents;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        webshopSlowdown(today.minusDays(9));
        databaseQuery(today.minusDays(5));
        chargingApiOutage(today.minusDays(2));
        log.info("Demo incidents are loaded (switch them off with incident.demo.enabled=false)");
    }

    /** The demo incident of a story. */
    static IncidentId incidentOf(String story) {
        return IncidentId.fromSource(story + ":declare");
    }

    private void webshopSlowdown(LocalDate friday) {
        Story story = new Story(WEBSHOP, friday.atTime(20, 35).toInstant(ZoneOffset.UTC));
        Instant impact = story.at(0);
        story.declare(new DeclareIncident(null, "Webshop and apps slow during peak-season evening", Severity.SEV3,
                List.of("webshop", "mobile-apps"), DetectionSource.CUSTOMER, story.at(60), impact,
                "Marloes (manager on duty)", false, story.at(65), story.key("declare")));
        IncidentId id = story.id();
        story.send(step -> new LinkCustomerReport(id, "BIZ-2231", "Business department (category management)",
                "team manager, by phone", null, "Marloes (manager on duty)", story.at(60), step));
        story.send(step -> new AcknowledgeIncident(id, "Jeroen (engineer on duty)", story.at(68), step));
        story.send(step -> new AssignRole(id, Role.LEADER, "Marloes (manager on duty)", null, story.at(69), step));
        story.send(step -> new AddTimelineNote(id, story.entry(step), "Jeroen (engineer on duty)",
                "An alert on the checkout service fired and recovered by itself at this time; nobody followed it up.",
                List.of(), impact, step));
        story.send(step -> new PostStatusUpdate(id, story.entry(step), "Marloes (manager on duty)",
                "We are investigating slow pages on the webshop and in the apps. Orders still go through, slowly.",
                Visibility.PUBLIC, List.of(), story.at(75), step));
        story.send(step -> new AssignRole(id, new Role("DB_EXPERT"), "Priya (database engineer on duty)",
                "Marloes (manager on duty)", story.at(80), step));
        story.send(step -> new ChangeSeverity(id, Severity.SEV2, "Order stream is well below a normal peak evening",
                "Marloes (manager on duty)", story.at(85), step));
        TaskId graphs = TaskId.of(story.key("task-graphs"));
        story.send(step -> new AssignTask(id, graphs, "Check client-side p90/p99 response times in external monitoring",
                "Ahmed", "Marloes (manager on duty)", story.at(86), step));
        story.send(step -> new PostStatusUpdate(id, story.entry(step), "Jeroen (engineer on duty)",
                "Dashboards of the two suspected services and the databases are green; customers still see slowness.",
                Visibility.INTERNAL, List.of(), story.at(105), step));
        story.send(step -> new CompleteTask(id, graphs, "Ahmed", story.at(110), step));
        story.send(step -> new PostStatusUpdate(id, story.entry(step), "Marloes (manager on duty)",
                "Still investigating; next update in 30 minutes.", Visibility.PUBLIC, List.of(), story.at(135), step));
        story.send(step -> new AddTimelineNote(id, story.entry(step), "Priya (database engineer on duty)",
                "One of the three load balancer nodes is unhealthy; a domain used by shop and apps is unreachable "
                        + "through it.", List.of(), story.at(170), step));
        story.send(step -> new MitigateIncident(id, "Jeroen (engineer on duty)",
                "Traffic routed via the healthy load balancer node only", story.at(178), step));
        story.send(step -> new PostStatusUpdate(id, story.entry(step), "Marloes (manager on duty)",
                "The webshop and apps are fast again. We keep watching.", Visibility.PUBLIC, List.of(),
                story.at(185), step));
        story.send(step -> new RecordImpact(id, List.of("webshop", "mobile-apps"), null, null, List.of(),
                "Marloes (manager on duty)", story.at(190), step));
        story.send(step -> new ResolveIncident(id, "Jeroen (engineer on duty)",
                "Unhealthy nodes recovered, three-node setup back, alerting added for the weekend", story.at(240),
                step));
        Instant monday = story.at(0).plus(Duration.ofHours(61));
        story.send(step -> new StartPostmortem(id, "Marloes (manager on duty)", monday, step));
        story.send(step -> new WritePostmortemSummary(id, "For an hour nobody knew the webshop was slow: the only "
                + "alert recovered by itself, and internal dashboards stayed green while customers waited. "
                + "Investigation focused on two services before the load balancer was found.",
                "Marloes (manager on duty)", monday.plusSeconds(600), step));
        story.send(step -> new RecordContributingFactor(id, "Monitoring measured the systems from the inside, not "
                + "what customers experience", "Marloes (manager on duty)", monday.plusSeconds(900), step));
        story.send(step -> new RecordContributingFactor(id, "Tunnel vision on the two services that complained "
                + "first", "Marloes (manager on duty)", monday.plusSeconds(960), step));
        story.send(step -> new RecordLessonLearned(id, "Act like a customer: include every network component in "
                + "the checks", "Jeroen (engineer on duty)", monday.plusSeconds(1200), step));
        story.send(step -> new AddActionItem(id, ActionItemId.of(story.key("action-synthetic")),
                "Alert on client-side response times from outside the network", "Jeroen (engineer on duty)",
                LocalDate.ofInstant(monday, ZoneOffset.UTC).plusDays(14), "Marloes (manager on duty)",
                monday.plusSeconds(1500), step));
        story.send(step -> new AddActionItem(id, ActionItemId.of(story.key("action-vendor")),
                "Ask the hardware supplier to analyse the load balancer logs", "Priya (database engineer on duty)",
                LocalDate.ofInstant(monday, ZoneOffset.UTC).plusDays(7), "Marloes (manager on duty)",
                monday.plusSeconds(1560), step));
        story.send(step -> new PublishPostmortem(id, "Marloes (manager on duty)", monday.plusSeconds(3600), step));
    }

    private void databaseQuery(LocalDate day) {
        Story story = new Story(DATABASE, day.atTime(14, 2).toInstant(ZoneOffset.UTC));
        story.declare(new DeclareIncident(null, "Production database unresponsive: dashboards and API time out",
                Severity.SEV1, List.of("analytics-api", "dashboards", "primary-db"), DetectionSource.ALERT,
                story.at(0), story.at(-1), "PagerDuty", false, story.at(1), story.key("declare")));
        IncidentId id = story.id();
        story.send(step -> new LinkAlert(id, "pagerduty", "db-primary-cpu", "PrimaryDatabaseCpuSaturated",
                "CPU at 100% on the primary database for 5 minutes", Map.of("severity", "critical", "service",
                        "primary-db"), story.at(0), step));
        story.send(step -> new LinkAlert(id, "pingdom", "api-health", "AnalyticsApiDown",
                "Health check of the analytics API fails", Map.of("service", "analytics-api"), story.at(1), step));
        story.send(step -> new AcknowledgeIncident(id, "Dana (on call)", story.at(4), step));
        story.send(step -> new AssignRole(id, Role.LEADER, "Dana (on call)", null, story.at(6), step));
        story.send(step -> new AssignRole(id, Role.COMMUNICATOR, "Luis", "Dana (on call)", story.at(7), step));
        story.send(step -> new PostStatusUpdate(id, story.entry(step), "Dana (on call)",
                "Primary database saturated; a long-running query holds most of the CPU. Looking at it.",
                Visibility.INTERNAL, List.of(), story.at(9), step));
        story.send(step -> new PostStatusUpdate(id, story.entry(step), "Luis",
                "Dashboards and the API are unavailable. We are working on it; next update in 15 minutes.",
                Visibility.PUBLIC, List.of(), story.at(12), step));
        story.send(step -> new AddTimelineNote(id, story.entry(step), "Dana (on call)",
                "An ad-hoc report query with an unbounded join started on the primary at this time.", List.of(),
                story.at(-1), step));
        story.send(step -> new MitigateIncident(id, "Dana (on call)",
                "Killed the query; connections and CPU back to normal", story.at(18), step));
        story.send(step -> new ResolveAlert(id, "pagerduty", "db-primary-cpu", story.at(20), step));
        story.send(step -> new ResolveAlert(id, "pingdom", "api-health", story.at(21), step));
        story.send(step -> new PostStatusUpdate(id, story.entry(step), "Luis",
                "Dashboards and the API work again. Data collected during the outage is being processed.",
                Visibility.PUBLIC, List.of(), story.at(25), step));
        story.send(step -> new ResolveIncident(id, "Dana (on call)",
                "Ingestion backlog processed; replication lag back under a second", story.at(55), step));
        story.send(step -> new StartPostmortem(id, "Dana (on call)", story.at(60 * 24), step));
        story.send(step -> new RecordContributingFactor(id, "Reporting queries can run on the primary database",
                "Dana (on call)", story.at(60 * 24 + 10), step));
        story.send(step -> new RecordLessonLearned(id, "Review the explain plan of heavy queries before running "
                + "them", "Dana (on call)", story.at(60 * 24 + 20), step));
        story.send(step -> new AddActionItem(id, ActionItemId.of(story.key("action-replica")),
                "Route reporting queries to a read replica", "Luis", day.plusDays(10), "Dana (on call)",
                story.at(60 * 24 + 30), step));
    }

    private void chargingApiOutage(LocalDate day) {
        Story story = new Story(CHARGING, day.atTime(6, 12).toInstant(ZoneOffset.UTC));
        story.declare(new DeclareIncident(null, "EV charging API returns errors; cars do not start charging",
                Severity.SEV1, List.of("charging-api"), DetectionSource.ALERT, story.at(0), story.at(-3),
                "OpsGenie", false, story.at(1), story.key("declare")));
        IncidentId id = story.id();
        story.send(step -> new LinkAlert(id, "alertmanager", "charging-5xx", "ChargingApiErrorRateHigh",
                "More than 20% of charging API requests fail", Map.of("severity", "critical", "service",
                        "charging-api"), story.at(0), step));
        story.send(step -> new AcknowledgeIncident(id, "Kees (on call)", story.at(3), step));
        story.send(step -> new AssignRole(id, Role.LEADER, "Kees (on call)", null, story.at(3), step));
        story.send(step -> new PostStatusUpdate(id, story.entry(step), "Kees (on call)",
                "Investigating failing charging sessions; following the runbook for this alert.", Visibility.INTERNAL,
                List.of("https://runbooks.example.com/charging-api-error-rate"), story.at(5), step));
        story.send(step -> new AcknowledgeIncident(id, "Sanne", story.at(9), step));
        story.send(step -> new PostStatusUpdate(id, story.entry(step), "Kees (on call)",
                "Errors started with this morning's release of the charging API. Rolling back.", Visibility.INTERNAL,
                List.of(), story.at(14), step));
        story.send(step -> new PostStatusUpdate(id, story.entry(step), "Sanne",
                "Drivers may find their car did not charge overnight; sessions are being restarted.",
                Visibility.PUBLIC, List.of(), story.at(16), step));
        story.send(step -> new MitigateIncident(id, "Kees (on call)", "Rolled back to the previous release",
                story.at(22), step));
        story.send(step -> new ResolveAlert(id, "alertmanager", "charging-5xx", story.at(24), step));
        story.send(step -> new ResolveIncident(id, "Kees (on call)",
                "Missed charging sessions restarted; error rate back to normal", story.at(47), step));
    }

    /** One story's commands: ids and sourceIds derived from the story key, times as minutes after its start. */
    private final class Story {

        private final String key;
        private final Instant start;
        private IncidentId id;
        private int step;

        Story(String key, Instant start) {
            this.key = key;
            this.start = start.truncatedTo(ChronoUnit.MINUTES);
        }

        Instant at(long minutes) {
            return start.plus(Duration.ofMinutes(minutes));
        }

        String key(String part) {
            return key + ":" + part;
        }

        IncidentId id() {
            return id;
        }

        EntryId entry(String sourceId) {
            return EntryId.of(UUID.nameUUIDFromBytes(sourceId.getBytes(StandardCharsets.UTF_8)).toString());
        }

        void declare(DeclareIncident declaration) {
            id = incidents.declare(declaration);
        }

        void send(Function<String, IncidentCommand> command) {
            incidents.send(command.apply(key(String.valueOf(++step))));
        }
    }
}
