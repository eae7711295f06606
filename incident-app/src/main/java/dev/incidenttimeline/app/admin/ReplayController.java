package dev.incidenttimeline.app.admin;

import dev.incidenttimeline.app.api.ApiProblem;
import dev.incidenttimeline.replay.ProjectionReplayer;
import dev.incidenttimeline.replay.ReplayUnderWayException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/**
 * Rebuilding read models over HTTP, e.g. after a fix in a projection: the rebuild runs in the background, the
 * answer is {@code 202 Accepted}, and {@code GET} tells when every model has caught up again.
 */
@RestController
@RequestMapping("/api/admin/replays")
@Tag(name = "Administration", description = "Operator endpoints")
class ReplayController {

    /** The code of a problem response for a replay asked for while another one rebuilds. */
    static final String REPLAY_UNDER_WAY = "REPLAY_UNDER_WAY";
    /** The code of a problem response for a read model whose processor another node runs at the moment. */
    static final String CLAIMED_BY_ANOTHER_NODE = "READ_MODEL_CLAIMED_BY_ANOTHER_NODE";

    private static final URI STATUS = URI.create("/api/admin/replays");

    private final ProjectionReplayer replayer;

    ReplayController(ProjectionReplayer replayer) {
        this.replayer = replayer;
    }

    @GetMapping
    @Operation(summary = "Whether a replay runs, and which read models have caught up with the event store")
    ReplayStatusView status() {
        return new ReplayStatusView(replayer.isReplaying(), replayer.groups().stream()
                .map(group -> new ReplayStatusView.ReadModel(group, replayer.isCaughtUp(group)))
                .toList());
    }

    @PostMapping
    @Operation(summary = "Rebuild every read model from the event store, in the background")
    ResponseEntity<ReplayStatusView> replayAll() {
        return started(replayer::replayAll);
    }

    @PostMapping("/{group}")
    @Operation(summary = "Rebuild one read model from the event store, in the background")
    ResponseEntity<ReplayStatusView> replay(@PathVariable String group) {
        String known = KnownProcessingGroups.require(group, replayer.groups(), "with a read model to replay");
        return started(() -> replayer.replay(known));
    }

    private ResponseEntity<ReplayStatusView> started(Runnable replay) {
        try {
            replay.run();
        } catch (ReplayUnderWayException underWay) {
            throw new ApiProblem(HttpStatus.CONFLICT, REPLAY_UNDER_WAY, "A replay is rebuilding the read models; ask "
                    + "again once GET /api/admin/replays says \"replaying\": false.");
        } catch (UnableToClaimTokenException claimed) {
            throw new ApiProblem(HttpStatus.CONFLICT, CLAIMED_BY_ANOTHER_NODE, "Another node runs this read model at "
                    + "the moment and holds its segments; ask that node, or again once it has let them go.");
        }
        return ResponseEntity.accepted().location(STATUS).body(status());
    }
}
