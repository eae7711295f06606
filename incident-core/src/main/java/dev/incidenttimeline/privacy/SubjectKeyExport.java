package dev.incidenttimeline.privacy;

/**
 * A data subject's key as an export carries it, so that the importing deployment can read the names.
 *
 * @param subjectId    the subject's id, as in the envelopes
 * @param organisation the organisation, {@code null} for none
 * @param name         the person's name, in clear
 * @param key          the AES key, Base64
 */
public record SubjectKeyExport(String subjectId, String organisation, String name, String key) {
}
