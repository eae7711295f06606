package dev.incidenttimeline.app.api;

import dev.incidenttimeline.incident.api.IncidentId;
import dev.incidenttimeline.postmortem.FindPostmortem;
import dev.incidenttimeline.postmortem.PostmortemMarkdown;
import dev.incidenttimeline.postmortem.PostmortemQueries;
import dev.incidenttimeline.postmortem.PostmortemView;
import dev.incidenttimeline.postmortem.StakeholderSummaryText;
import dev.incidenttimeline.postmortem.StakeholderSummaryView;
import dev.incidenttimeline.postmortem.TimelineDetail;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;

/**
 * The documents generated from an incident's events: its postmortem (a draft until published, then stable) as JSON
 * or Markdown, and the summary for the company in the shape of the stakeholder e-mail, as Markdown or plain text.
 * An unknown incident is answered with a 404 problem ({@code INCIDENT_NOT_FOUND}); read models are eventually
 * consistent, so an incident declared a moment ago may still be unknown here.
 */
@RestController
@RequestMapping("/api/incidents/{id}")
@Tag(name = "Postmortems", description = "Postmortems and stakeholder summaries generated from the events")
class PostmortemController {

    static final MediaType MARKDOWN = new MediaType("text", "markdown", StandardCharsets.UTF_8);
    private static final MediaType PLAIN = new MediaType("text", "plain", StandardCharsets.UTF_8);

    private final PostmortemQueries postmortems;

    PostmortemController(PostmortemQueries postmortems) {
        this.postmortems = postmortems;
    }

    @GetMapping(path = "/postmortem", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The postmortem as JSON (timeline=full for every entry, public=true for the public timeline)")
    PostmortemView postmortem(@PathVariable String id, @RequestParam(defaultValue = "significant") String timeline,
                              @RequestParam(name = "public", defaultValue = "false") boolean publicOnly) {
        return find(id, timeline, publicOnly);
    }

    @GetMapping(path = "/postmortem", produces = "text/markdown")
    @Operation(summary = "The postmortem as a Markdown file to download")
    ResponseEntity<String> postmortemMarkdown(@PathVariable String id,
                                              @RequestParam(defaultValue = "significant") String timeline,
                                              @RequestParam(name = "public", defaultValue = "false")
                                              boolean publicOnly) {
        PostmortemView view = find(id, timeline, publicOnly);
        String filename = "postmortem-" + safe(id) + (publicOnly ? "-public" : "") + ".md";
        return ResponseEntity.ok().contentType(MARKDOWN)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(filename, StandardCharsets.UTF_8).build().toString())
                .body(PostmortemMarkdown.render(view));
    }

    @GetMapping(path = "/stakeholder-summary", produces = "text/markdown")
    @Operation(summary = "The summary for the company (the stakeholder e-mail) as Markdown")
    ResponseEntity<String> stakeholderMarkdown(@PathVariable String id) {
        return ResponseEntity.ok().contentType(MARKDOWN).body(StakeholderSummaryText.markdown(summary(id)));
    }

    @GetMapping(path = "/stakeholder-summary", produces = MediaType.TEXT_PLAIN_VALUE)
    @Operation(summary = "The summary for the company (the stakeholder e-mail) as plain text")
    ResponseEntity<String> stakeholderText(@PathVariable String id) {
        return ResponseEntity.ok().contentType(PLAIN).body(StakeholderSummaryText.plainText(summary(id)));
    }

    private PostmortemView find(String id, String timeline, boolean publicOnly) {
        TimelineDetail detail = switch (timeline.toLowerCase(java.util.Locale.ROOT)) {
            case "significant" -> TimelineDetail.SIGNIFICANT;
            case "full" -> TimelineDetail.FULL;
            default -> throw new ApiProblem(HttpStatus.BAD_REQUEST, ApiProblem.MALFORMED_REQUEST,
                    "timeline: \"" + timeline + "\" is not one of significant, full.");
        };
        return postmortems.postmortem(new FindPostmortem(IncidentId.of(id), detail, publicOnly))
                .orElseThrow(() -> IncidentQueryController.notFound(id));
    }

    private StakeholderSummaryView summary(String id) {
        return postmortems.stakeholderSummary(IncidentId.of(id)).orElseThrow(() -> IncidentQueryController.notFound(id));
    }

    private static String safe(String id) {
        return id.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
