package dev.incidenttimeline.app.integration.slack;

import dev.incidenttimeline.app.AppIntegrationTest;
import dev.incidenttimeline.app.Http;
import dev.incidenttimeline.incident.api.EntryAmended;
import dev.incidenttimeline.incident.api.IncidentAcknowledged;
import dev.incidenttimeline.incident.api.IncidentDeclared;
import dev.incidenttimeline.incident.api.IncidentEvent;
import dev.incidenttimeline.incident.api.IncidentMitigated;
import dev.incidenttimeline.incident.api.IncidentResolved;
import dev.incidenttimeline.incident.api.Role;
import dev.incidenttimeline.incident.api.RoleAssigned;
import dev.incidenttimeline.incident.api.Severity;
import dev.incidenttimeline.incident.api.StatusUpdatePosted;
import dev.incidenttimeline.incident.api.TimelineNoteAdded;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static dev.incidenttimeline.app.Http.events;
import static dev.incidenttimeline.app.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Workspace exports written in Slack's export format: users.json, channels.json, a folder per channel and day. */
@AppIntegrationTest
class SlackImportIntegrationTest {

    private static final AtomicLong THREADS = new AtomicLong(1_732_837_200L);

    @LocalServerPort
    int port;

    @Autowired
    EventStore eventStore;

    Http http;
    long parent;
    String threadTs;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        // Each test its own thread, so the incidents (derived from channel and thread) do not collide.
        parent = THREADS.addAndGet(100_000);
        threadTs = parent + ".000100";
    }

    @Test
    void buildsTheTimelineFromTheThreadAndRecognisesTheMilestones() {
        HttpResponse<String> response = upload(export(messagesOfTheOutage("Graph of the 503s")), "operations",
                threadTs, Map.of("severity", "SEV2", "services", "charging-api", "detectedBy", "ALERT"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json(response).get("messagesInThread").asInt()).isEqualTo(7);
        String id = json(response).get("incidentId").asString();
        List<IncidentEvent> events = events(eventStore, id);
        assertThat(events).extracting(event -> event.getClass().getSimpleName()).containsExactly(
                "IncidentDeclared", "TimelineNoteAdded",
                "TimelineNoteAdded", "IncidentAcknowledged",
                "TimelineNoteAdded", "RoleAssigned",
                "StatusUpdatePosted",
                "TimelineNoteAdded",
                "TimelineNoteAdded", "IncidentMitigated",
                "TimelineNoteAdded", "IncidentResolved");
        assertThat(json(response).get("eventsAdded").asLong()).isEqualTo(events.size());
        IncidentDeclared declared = (IncidentDeclared) events.get(0);
        assertThat(declared.title()).isEqualTo("Charging sessions fail for one energy partner @here");
        assertThat(declared.declaredBy()).isEqualTo("Sanne Bakker");
        assertThat(declared.severity()).isEqualTo(Severity.SEV2);
        assertThat(declared.services()).containsExactly("charging-api");
        assertThat(declared.occurredAt()).isEqualTo(at(0).plusNanos(100_000));
        TimelineNoteAdded ack = (TimelineNoteAdded) events.get(2);
        assertThat(ack.author()).isEqualTo("Kees de Vries");
        assertThat(ack.occurredAt()).isEqualTo(at(120).plusNanos(200_000));
        assertThat(((IncidentAcknowledged) events.get(3)).by()).isEqualTo("Kees de Vries");
        assertThat(((RoleAssigned) events.get(5)).role()).isEqualTo(Role.LEADER);
        StatusUpdatePosted update = (StatusUpdatePosted) events.get(6);
        assertThat(update.author()).isEqualTo("Ahmed Yilmaz");
        assertThat(update.text()).contains("the charging dashboard (https://grafana.example.com/d/charging)");
        assertThat(update.links()).containsExactly("https://grafana.example.com/d/charging");
        TimelineNoteAdded file = (TimelineNoteAdded) events.get(7);
        assertThat(file.links()).containsExactly("https://acme.slack.com/files/U03/F01/errors.png");
        assertThat(file.text()).contains("Graph of the 503s", "Files: 503 errors per minute",
                "(edited " + at(840) + " by Ahmed Yilmaz)");
        assertThat(((IncidentMitigated) events.get(9)).occurredAt()).isEqualTo(at(1500).plusNanos(600_000));
        assertThat(((IncidentResolved) events.get(11)).by()).isEqualTo("Kees de Vries");
        assertThat(events).filteredOn(TimelineNoteAdded.class::isInstance).map(TimelineNoteAdded.class::cast)
                .noneMatch(note -> note.text().contains("lunch") || note.text().contains("other thread")
                        || note.text().contains("joined"));
    }

    @Test
    void addsNothingWhenTheSameThreadIsImportedAgain() {
        byte[] export = export(messagesOfTheOutage("Graph of the 503s"));
        String id = json(upload(export, "operations", threadTs, Map.of())).get("incidentId").asString();
        int stored = events(eventStore, id).size();

        HttpResponse<String> again = upload(export, "C01", threadTs, Map.of());

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json(again).get("incidentId").asString()).isEqualTo(id);
        assertThat(json(again).get("eventsAdded").asLong()).isZero();
        assertThat(events(eventStore, id)).hasSize(stored);
    }

    @Test
    void amendsAMessageThatWasEditedAgainInALaterExport() {
        String id = json(upload(export(messagesOfTheOutage("Graph of the 503s")), "operations", threadTs, Map.of()))
                .get("incidentId").asString();
        List<String> edited = messagesOfTheOutage("Graph of the 503s, all from partner B").stream()
                .map(message -> message.replace("\"ts\": \"" + (parent + 840) + ".000000\"",
                        "\"ts\": \"" + (parent + 900) + ".000000\"")).toList();

        HttpResponse<String> later = upload(export(edited), "operations", threadTs, Map.of());

        assertThat(json(later).get("eventsAdded").asLong()).isEqualTo(1);
        EntryAmended amended = (EntryAmended) events(eventStore, id).get(events(eventStore, id).size() - 1);
        assertThat(amended.newText()).contains("all from partner B");
        assertThat(amended.occurredAt()).isEqualTo(at(900));
    }

    @Test
    void importsTheThreadIntoAnExistingIncident() {
        HttpResponse<String> declared = http.post("/api/incidents", """
                {"title": "EV charging API outage", "severity": "SEV1", "services": ["charging-api"],
                 "detectedBy": "ALERT", "declaredBy": "Sanne Bakker", "occurredAt": "%s"}""".formatted(at(-60)));
        String id = json(declared).get("id").asString();

        HttpResponse<String> imported = upload(export(messagesOfTheOutage("Graph")), "operations", threadTs,
                Map.of("incidentId", id));

        assertThat(json(imported).get("incidentId").asString()).isEqualTo(id);
        assertThat(events(eventStore, id)).first().isInstanceOf(IncidentDeclared.class);
        assertThat(events(eventStore, id)).filteredOn(IncidentDeclared.class::isInstance).hasSize(1);
        assertThat(events(eventStore, id)).filteredOn(IncidentResolved.class::isInstance).hasSize(1);
    }

    @Test
    void refusesAnExportWithoutTheChannelOrThreadAndStoresNothing() {
        byte[] export = export(messagesOfTheOutage("Graph"));

        HttpResponse<String> noChannel = upload(export, "no-such-channel", threadTs, Map.of());
        HttpResponse<String> noThread = upload(export, "operations", "1500000000.000100", Map.of());
        HttpResponse<String> badTs = upload(export, "operations", "last friday", Map.of());
        HttpResponse<String> notAZip = upload("just text".getBytes(StandardCharsets.UTF_8), "operations", threadTs,
                Map.of());
        HttpResponse<String> badSeverity = upload(export, "operations", threadTs, Map.of("severity", "SEV0"));

        assertThat(noChannel.statusCode()).isEqualTo(404);
        assertThat(json(noChannel).get("code").asString()).isEqualTo("CHANNEL_NOT_FOUND");
        assertThat(noThread.statusCode()).isEqualTo(404);
        assertThat(json(noThread).get("code").asString()).isEqualTo("THREAD_NOT_FOUND");
        assertThat(badTs.statusCode()).isEqualTo(400);
        assertThat(json(badTs).get("code").asString()).isEqualTo("INVALID_INPUT");
        assertThat(notAZip.statusCode()).isEqualTo(400);
        assertThat(json(notAZip).get("code").asString()).isEqualTo("INVALID_PAYLOAD");
        assertThat(badSeverity.statusCode()).isEqualTo(400);
        assertThat(json(badSeverity).get("code").asString()).isEqualTo("MALFORMED_REQUEST");
        assertThat(events(eventStore, SlackImport.incidentOf("C01", threadTs).value())).isEmpty();
    }

    private Instant at(long secondsAfterParent) {
        return Instant.ofEpochSecond(parent + secondsAfterParent);
    }

    private String ts(long secondsAfterParent, int micros) {
        return "%d.%06d".formatted(parent + secondsAfterParent, micros);
    }

    /** The thread of an EV-charging API outage, with chatter around it, as Slack exports messages. */
    private List<String> messagesOfTheOutage(String fileMessage) {
        String thread = threadTs;
        return List.of(
                message("U01", ts(0, 100), null, "Charging sessions fail for one energy partner <!here>", ""),
                message("U04", ts(30, 0), null, "Anyone for lunch?", ""),
                """
                {"type": "message", "subtype": "channel_join", "user": "U05", "ts": "%s",
                 "text": "<@U05> has joined the channel"}""".formatted(ts(60, 0)),
                message("U02", ts(120, 200), thread, "ack, looking at the gateway", ""),
                message("U02", ts(180, 300), thread, "I'm the IC for this one. <@U03> can you check the graphs?", ""),
                message("U03", ts(600, 400), thread,
                        "Update: error rate 40% on <https://grafana.example.com/d/charging|the charging dashboard>", ""),
                message("U03", ts(720, 500), thread, fileMessage, """
                        , "files": [{"id": "F01", "name": "errors.png", "title": "503 errors per minute",
                                     "mimetype": "image/png",
                                     "url_private": "https://files.slack.com/files-pri/T01-F01/errors.png",
                                     "permalink": "https://acme.slack.com/files/U03/F01/errors.png"}],
                          "edited": {"user": "U03", "ts": "%s"}""".formatted(ts(840, 0))),
                message("U04", ts(900, 0), "1700000000.000001", "a reply in some other thread", ""),
                message("U02", ts(1500, 600), thread, "Rolled back release 2024.11.28-2; the API is now mitigated",
                        ""),
                message("U02", ts(3000, 700), thread, "Resolved: every charging session runs again", ""));
    }

    private static String message(String user, String ts, String threadTs, String text, String more) {
        return """
                {"type": "message", "user": "%s", "text": "%s", "ts": "%s"%s%s}"""
                .formatted(user, text, ts, threadTs == null ? "" : ", \"thread_ts\": \"" + threadTs + "\"", more);
    }

    private byte[] export(List<String> messages) {
        // The thread starts just before midnight, so its messages spread over two day files.
        Map<String, String> files = new LinkedHashMap<>();
        files.put("users.json", """
                [{"id": "U01", "name": "sanne", "real_name": "Sanne Bakker", "profile": {"real_name": "Sanne Bakker"}},
                 {"id": "U02", "name": "kees", "profile": {"real_name": "Kees de Vries", "display_name": "kees"}},
                 {"id": "U03", "name": "ahmed", "profile": {"real_name": "Ahmed Yilmaz"}},
                 {"id": "U04", "name": "lotte", "profile": {"real_name": "Lotte Jansen"}}]""");
        files.put("channels.json", """
                [{"id": "C01", "name": "operations", "created": 1600000000, "creator": "U01"},
                 {"id": "C02", "name": "random", "created": 1600000000, "creator": "U01"}]""");
        files.put("operations/2024-11-28.json", "[" + String.join(",", messages.subList(0, 5)) + "]");
        files.put("operations/2024-11-29.json", "[" + String.join(",", messages.subList(5, messages.size())) + "]");
        files.put("random/2024-11-28.json", "[" + message("U01", ts(0, 100), null, "wrong channel, same ts", "") + "]");
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            for (Map.Entry<String, String> file : files.entrySet()) {
                out.putNextEntry(new ZipEntry("acme-export/" + file.getKey()));
                out.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return zip.toByteArray();
    }

    private HttpResponse<String> upload(byte[] zip, String channel, String thread, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("channel", channel);
        all.put("threadTs", thread);
        return http.postMultipart("/api/imports/slack", all, zip);
    }
}
