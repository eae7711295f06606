package dev.incidenttimeline.app.api;

import dev.incidenttimeline.embedding.IncidentGateway;
import dev.incidenttimeline.incident.api.AcknowledgeIncident;
import dev.incidenttimeline.incident.api.AddTimelineNote;
import dev.incidenttimeline.incident.api.AmendEntry;
import dev.incidenttimeline.incident.api.AssignRole;
import dev.incidenttimeline.incident.api.ChangeSeverity;
import dev.incidenttimeline.incident.api.EntryId;
import dev.incidenttimeline.incident.api.IncidentId;
import dev.incidenttimeline.incident.api.MitigateIncident;
import dev.incidenttimeline.incident.api.PostStatusUpdate;
import dev.incidenttimeline.incident.api.ResolveIncident;
import dev.incidenttimeline.incident.api.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/**
 * Records what happens in an incident. Every write is one command; a refused command stores nothing and is answered
 * with a problem response (see {@link ProblemResponses}). A request with a {@code sourceId} that the incident has
 * seen already changes nothing and is answered as if it had just been applied.
 */
@RestController
@RequestMapping("/api/incidents")
@Tag(name = "Incidents", description = "Declare incidents and record the response")
class IncidentController {

    private final IncidentGateway incidents;

    IncidentController(IncidentGateway incidents) {
        this.incidents = incidents;
    }

    @PostMapping
    @Operation(summary = "Declare an incident")
    ResponseEntity<CreatedView> declare(@RequestBody DeclareIncidentRequest request) {
        IncidentId id = incidents.declare(request.toCommand());
        return ResponseEntity.created(URI.create("/api/incidents/" + id.value())).body(new CreatedView(id.value()));
    }

    @PostMapping("/{id}/acknowledgements")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Acknowledge the incident (a later acknowledgement by someone else records that they joined)")
    void acknowledge(@PathVariable String id, @RequestBody AcknowledgementRequest request) {
        incidents.send(new AcknowledgeIncident(IncidentId.of(id), request.by(), request.occurredAt(),
                request.sourceId()));
    }

    @PostMapping("/{id}/roles")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Give a role to a person (LEADER is the incident leader); hands it over if someone held it")
    void assignRole(@PathVariable String id, @RequestBody RoleAssignmentRequest request) {
        Role role = request.role() == null ? null : Role.of(request.role());
        incidents.send(new AssignRole(IncidentId.of(id), role, request.person(), request.by(), request.occurredAt(),
                request.sourceId()));
    }

    @PostMapping("/{id}/updates")
    @Operation(summary = "Post a status update (INTERNAL for responders, PUBLIC also for customers)")
    ResponseEntity<CreatedView> postUpdate(@PathVariable String id, @RequestBody StatusUpdateRequest request) {
        EntryId entryId = newEntry(id, request.sourceId());
        incidents.send(new PostStatusUpdate(IncidentId.of(id), entryId, request.author(), request.text(),
                request.visibility(), request.links(), request.occurredAt(), request.sourceId()));
        return ResponseEntity.status(HttpStatus.CREATED).body(new CreatedView(entryId.value()));
    }

    @PostMapping("/{id}/notes")
    @Operation(summary = "Add a timeline note; it may be backdated, also before the declaration")
    ResponseEntity<CreatedView> addNote(@PathVariable String id, @RequestBody NoteRequest request) {
        EntryId entryId = newEntry(id, request.sourceId());
        incidents.send(new AddTimelineNote(IncidentId.of(id), entryId, request.author(), request.text(),
                request.links(), request.occurredAt(), request.sourceId()));
        return ResponseEntity.status(HttpStatus.CREATED).body(new CreatedView(entryId.value()));
    }

    @PostMapping("/{id}/entries/{entryId}/amendments")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Correct the text or the time of a status update or a note; the old value is kept")
    void amend(@PathVariable String id, @PathVariable String entryId, @RequestBody AmendmentRequest request) {
        incidents.send(new AmendEntry(IncidentId.of(id), EntryId.of(entryId), request.newText(), request.newTime(),
                request.by(), request.reason(), request.occurredAt(), request.sourceId()));
    }

    @PostMapping("/{id}/severity")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Change the severity, with a reason")
    void changeSeverity(@PathVariable String id, @RequestBody SeverityChangeRequest request) {
        incidents.send(new ChangeSeverity(IncidentId.of(id), request.severity(), request.reason(), request.by(),
                request.occurredAt(), request.sourceId()));
    }

    @PostMapping("/{id}/mitigation")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Record that the impact is stopped or worked around")
    void mitigate(@PathVariable String id, @RequestBody MilestoneRequest request) {
        incidents.send(new MitigateIncident(IncidentId.of(id), request.by(), request.summary(), request.occurredAt(),
                request.sourceId()));
    }

    @PostMapping("/{id}/resolution")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Record that the incident is over")
    void resolve(@PathVariable String id, @RequestBody MilestoneRequest request) {
        incidents.send(new ResolveIncident(IncidentId.of(id), request.by(), request.summary(), request.occurredAt(),
                request.sourceId()));
    }

    /** A retried request (same {@code sourceId}) is answered with the id its first delivery created. */
    private static EntryId newEntry(String incidentId, String sourceId) {
        return sourceId == null ? EntryId.random() : EntryId.fromSource(IncidentId.of(incidentId), sourceId);
    }
}
