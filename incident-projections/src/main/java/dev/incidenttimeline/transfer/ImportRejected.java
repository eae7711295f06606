package dev.incidenttimeline.transfer;

/**
 * An export could not be imported: a line is not an exported event, or it does not fit the events stored here (the
 * same place in an incident's stream holds another event, or the export misses events of a stream). Nothing of
 * the incident concerned was stored.
 */
public class ImportRejected extends RuntimeException {

    public ImportRejected(String message) {
        super(message);
    }

    public ImportRejected(String message, Throwable cause) {
        super(message, cause);
    }
}
