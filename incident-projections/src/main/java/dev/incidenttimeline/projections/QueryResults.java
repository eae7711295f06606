package dev.incidenttimeline.projections;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * How the typed query facades wait for an answer from Axon's query bus: the caller gets the handler's own exception
 * (an {@code IllegalArgumentException} for a bad period, say), not the {@link CompletionException} around it.
 */
public final class QueryResults {

    private QueryResults() {
    }

    public static <T> T await(CompletableFuture<T> answer) {
        try {
            return answer.join();
        } catch (CompletionException failure) {
            if (failure.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw failure;
        }
    }
}
