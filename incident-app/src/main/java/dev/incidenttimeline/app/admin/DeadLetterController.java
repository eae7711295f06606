package dev.incidenttimeline.app.admin;

import dev.incidenttimeline.operations.DeadLetterRetry;
import dev.incidenttimeline.operations.DeadLetters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * Dead letters over HTTP: what each read model could not handle, and a retry once the cause is fixed. Without a
 * {@code group} the list covers every processing group that has a dead-letter queue.
 */
@RestController
@RequestMapping("/api/admin/dead-letters")
@Tag(name = "Administration", description = "Operator endpoints")
class DeadLetterController {

    private final DeadLetters deadLetters;

    DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping
    @Operation(summary = "List the dead letters of one processing group, or of every group")
    List<DeadLetterGroupView> list(@RequestParam(required = false) String group) {
        List<String> groups = group == null ? deadLetters.groups() : List.of(known(group));
        return groups.stream()
                .map(name -> new DeadLetterGroupView(name, deadLetters.count(name), deadLetters.list(name)))
                .toList();
    }

    @PostMapping("/{group}/retry")
    @Operation(summary = "Handle a processing group's dead letters again (after the cause was fixed)")
    DeadLetterRetry retry(@PathVariable String group) {
        return deadLetters.retry(known(group));
    }

    private String known(String group) {
        return KnownProcessingGroups.require(group, deadLetters.groups(), "with a dead-letter queue");
    }
}
