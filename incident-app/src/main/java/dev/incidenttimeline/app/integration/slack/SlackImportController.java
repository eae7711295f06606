package dev.incidenttimeline.app.integration.slack;

import dev.incidenttimeline.app.api.ApiProblem;
import dev.incidenttimeline.incident.api.DetectionSource;
import dev.incidenttimeline.incident.api.Severity;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * {@code POST /api/imports/slack} as {@code multipart/form-data}: {@code file} (the export zip), {@code channel}
 * (name or id), {@code threadTs} (the parent message's {@code ts}), and either {@code incidentId} (add the thread
 * to that incident) or how to declare it ({@code severity}, {@code services}, {@code detectedBy}).
 */
@RestController
@Tag(name = "Integrations")
class SlackImportController {

    private final SlackImport slackImport;

    SlackImportController(SlackImport slackImport) {
        this.slackImport = slackImport;
    }

    @PostMapping(path = "/api/imports/slack", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import a Slack thread from a workspace export zip as the incident's timeline")
    SlackImportView importThread(@RequestParam("file") MultipartFile file,
                                 @RequestParam String channel,
                                 @RequestParam String threadTs,
                                 @RequestParam(required = false) String incidentId,
                                 @RequestParam(defaultValue = "SEV3") Severity severity,
                                 @RequestParam(required = false) List<String> services,
                                 @RequestParam(defaultValue = "MANUAL") DetectionSource detectedBy) {
        if (file.isEmpty()) {
            throw ApiProblem.invalidPayload("file: the export zip is empty.");
        }
        try (InputStream zip = file.getInputStream()) {
            return slackImport.importThread(zip, channel, threadTs, incidentId,
                    new SlackImport.Declaration(severity, services, detectedBy));
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
