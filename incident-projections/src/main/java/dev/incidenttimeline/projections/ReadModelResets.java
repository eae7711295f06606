package dev.incidenttimeline.projections;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Empties a read model after its tokens were reset, without deleting it row by row in the reset's transaction.
 *
 * <p>On H2 a {@code delete from} of a large model reads every page back, removes each row from every B-tree and walks
 * them all again on commit: it took longer than the rebuild after it (README, finding 32). {@code TRUNCATE} takes no
 * time, but H2 commits the open transaction before it runs, so it cannot share the token reset's transaction: a crash
 * between the two would leave an empty model whose processor goes on from its old position, or a full model that
 * replays on top of its old rows. So the reset is recorded, not done, in that transaction, and finished afterwards by
 * whoever comes first:
 * <ol>
 * <li>the model's {@code @ResetHandler} calls {@link #request}: a row in {@code read_model_reset}, in the same
 *     transaction as the token reset, so both happen or neither;</li>
 * <li>right after that commit, with the processor stopped, the replayer calls {@link #emptyNow}: it truncates the
 *     model's tables and removes the request;</li>
 * <li>every batch handled at a replay token (the processor's, through {@link #interceptor}, and the replayer's own)
 *     first calls {@link #emptyIfRequested}: if the request is still there (a crash before step 2, a truncate that
 *     failed, a reset by another node or through Axon directly), it deletes the model's rows and the request in the
 *     batch's transaction, before the batch writes anything.</li>
 * </ol>
 * The request is read with a row lock, so of two segments, or two nodes, only one empties the model, and the other
 * finds the request gone. Live batches (not at a replay token) never look.
 */
public class ReadModelResets {

    private static final Logger logger = LoggerFactory.getLogger(ReadModelResets.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    /** Whether a foreign key points to the table: such a table cannot be truncated, its rows are deleted. */
    private final Map<String, Boolean> referenced = new ConcurrentHashMap<>();

    public ReadModelResets(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /**
     * Records that the model must be emptied before it handles another event. Called from the model's
     * {@code @ResetHandler}, so in the transaction that resets its tokens.
     */
    public void request(String processingGroup) {
        jdbc.update("delete from read_model_reset where processing_group = ?", processingGroup);
        jdbc.update("insert into read_model_reset (processing_group) values (?)", processingGroup);
    }

    /**
     * Empties the model fast if a reset asked for it: {@code TRUNCATE} for each table no foreign key points to,
     * {@code delete from} for the others, then removes the request. Only while no processor handles the model's
     * events (the replayer, between the token reset and the rebuild): on H2 each {@code TRUNCATE} commits on its own,
     * so another writer's rows could be lost in between. Without a request it does nothing: the model was emptied
     * already, and may be filling again.
     */
    public void emptyNow(ProjectionGroup group) {
        if (group.tables().isEmpty()) {
            return;
        }
        transactions.executeWithoutResult(status -> {
            if (lockRequest(group.name())) {
                empty(group, true);
            }
        });
    }

    /**
     * In the transaction of a batch at a replay token, before the batch writes: deletes the model's rows if a reset
     * asked for it and no one has emptied the model since.
     */
    public void emptyIfRequested(ProjectionGroup group) {
        if (group.tables().isEmpty() || !lockRequest(group.name())) {
            return;
        }
        logger.info("Emptying the read model {} row by row: its reset was recorded, but the model not emptied after it",
                group.name());
        empty(group, false);
    }

    /**
     * For the model's processor: before the first event of every batch at a replay token, {@link #emptyIfRequested}.
     */
    public MessageHandlerInterceptor<EventMessage<?>> interceptor(ProjectionGroup group) {
        String checked = ReadModelResets.class.getName() + ".checked." + group.name();
        return new MessageHandlerInterceptor<>() {
            @Override
            public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain)
                    throws Exception {
                if (ReplayToken.isReplay(unitOfWork.getMessage())) {
                    unitOfWork.root().getOrComputeResource(checked, key -> {
                        emptyIfRequested(group);
                        return Boolean.TRUE;
                    });
                }
                return chain.proceed();
            }
        };
    }

    /**
     * Empties the model's tables in their order, then removes the request. {@code truncate}: each table no foreign key
     * points to with {@code TRUNCATE} (on H2 outside the transaction), otherwise every table with {@code delete from}.
     */
    private void empty(ProjectionGroup group, boolean truncate) {
        for (String table : group.tables()) {
            jdbc.update((truncate && !isReferenced(table) ? "truncate table " : "delete from ") + table);
        }
        jdbc.update("delete from read_model_reset where processing_group = ?", group.name());
    }

    private boolean lockRequest(String processingGroup) {
        return !jdbc.queryForList("select processing_group from read_model_reset where processing_group = ? for update",
                String.class, processingGroup).isEmpty();
    }

    private boolean isReferenced(String table) {
        return referenced.computeIfAbsent(table, name -> jdbc.execute((ConnectionCallback<Boolean>) connection -> {
            DatabaseMetaData metaData = connection.getMetaData();
            String stored = metaData.storesUpperCaseIdentifiers() ? name.toUpperCase(Locale.ROOT) : name;
            try (ResultSet keys = metaData.getExportedKeys(connection.getCatalog(), connection.getSchema(), stored)) {
                return keys.next();
            }
        }));
    }
}
