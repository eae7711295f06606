package dev.incidenttimeline.privacy;

/**
 * A read model that keeps person names in clear. An erasure calls every such bean in the transaction that deletes
 * the person's keys, so the read model ends up as a replay after the erasure would build it.
 */
public interface ErasableReadModel {

    /**
     * Replaces {@code name} by {@code pseudonym} wherever the read model shows it as a person (not inside free text)
     * on the incidents of {@code organisation} ({@code null}: incidents without an organisation).
     *
     * @return how many rows changed
     */
    long replaceName(String organisation, String name, String pseudonym);
}
