package dev.incidenttimeline.transfer;

/**
 * What an import did.
 *
 * @param read    how many events the export held
 * @param added   how many of them were stored
 * @param skipped how many were stored already (an export imported before)
 */
public record ImportResult(int read, int added, int skipped) {
}
