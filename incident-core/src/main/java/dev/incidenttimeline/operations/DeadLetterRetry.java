package dev.incidenttimeline.operations;

/**
 * What a retry of a processing group's dead letters achieved.
 *
 * @param processingGroup     the processing group that was retried
 * @param sequencesProcessed  how many sequences (incidents) were handled completely and left the queue
 * @param lettersRemaining    how many events are still dead-lettered (their handler failed again)
 */
public record DeadLetterRetry(String processingGroup, int sequencesProcessed, long lettersRemaining) {
}
