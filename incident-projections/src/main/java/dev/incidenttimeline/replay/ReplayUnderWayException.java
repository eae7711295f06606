package dev.incidenttimeline.replay;

/**
 * A replay was asked for while an earlier one is still rebuilding; nothing was stopped or reset. Ask again once
 * {@link ProjectionReplayer#isReplaying()} is false.
 */
public class ReplayUnderWayException extends IllegalStateException {

    public ReplayUnderWayException() {
        super("A replay is rebuilding the read models; ask again once it has finished");
    }
}
