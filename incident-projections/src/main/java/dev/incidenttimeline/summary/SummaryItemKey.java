package dev.incidenttimeline.summary;

import java.io.Serializable;
import java.util.Objects;

/** The key of a row that belongs to one incident's summary: the incident and the item (service, role or task). */
class SummaryItemKey implements Serializable {

    String incidentId;
    String item;

    protected SummaryItemKey() {
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SummaryItemKey key && Objects.equals(incidentId, key.incidentId)
                && Objects.equals(item, key.item);
    }

    @Override
    public int hashCode() {
        return Objects.hash(incidentId, item);
    }
}
