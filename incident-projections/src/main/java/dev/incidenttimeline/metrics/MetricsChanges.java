package dev.incidenttimeline.metrics;

import dev.incidenttimeline.projections.SqlInLists;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * The change numbers of the metrics read model ({@code metrics_change}, {@code metrics_incident.change_no}): how
 * readers on any node learn which incidents changed since they last looked.
 */
final class MetricsChanges {

    /** Where the read model stands: emptying it starts a new generation, every committed batch counts up the number. */
    record Position(long generation, long changeNo) {
    }

    private MetricsChanges() {
    }

    /**
     * Gives the incidents the next change number, in the writing batch's transaction. Taking the number locks the
     * counter row until the transaction ends, so a batch that took a lower number has committed before a higher one
     * can be taken: once a reader sees a number, every row with that number or a lower one is visible to it.
     */
    static void mark(JdbcTemplate jdbc, Collection<String> incidentIds) {
        if (incidentIds.isEmpty()) {
            return;
        }
        if (jdbc.update("update metrics_change set change_no = change_no + 1 where id = 1") == 0) {
            createCounter(jdbc);
        }
        long changeNo = jdbc.queryForObject("select change_no from metrics_change where id = 1", Long.class);
        for (List<String> chunk : SqlInLists.chunks(incidentIds)) {
            List<Object> parameters = new ArrayList<>(chunk.size() + 1);
            parameters.add(changeNo);
            parameters.addAll(chunk);
            jdbc.update("update metrics_incident set change_no = ? where incident_id in ("
                    + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")",
                    parameters.toArray());
        }
    }

    /** Where the read model stands; without the counter row (see {@link #createCounter}) a generation of its own. */
    static Position position(JdbcTemplate jdbc) {
        List<Position> rows = jdbc.query("select generation, change_no from metrics_change where id = 1",
                (row, index) -> new Position(row.getLong(1), row.getLong(2)));
        return rows.isEmpty() ? NO_COUNTER : rows.get(0);
    }

    private static final Position NO_COUNTER = new Position(-1, 0);

    /**
     * The counter row is gone when the read model's tables were emptied to rebuild it (after a reset, see
     * {@code ReadModelResets}, or by hand): created again with a generation no reader has seen (the time), so every
     * node's index loads everything again. Two batches creating it at once: one fails on the key and is retried by its
     * processor.
     */
    private static void createCounter(JdbcTemplate jdbc) {
        jdbc.update("insert into metrics_change (id, generation, change_no) values (1, ?, 1)",
                System.currentTimeMillis());
    }
}
