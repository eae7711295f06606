package dev.incidenttimeline.embedding;

import dev.incidenttimeline.incident.api.DeclareIncident;
import dev.incidenttimeline.incident.api.ErrorCode;
import dev.incidenttimeline.incident.api.IncidentCommand;
import dev.incidenttimeline.incident.api.IncidentId;
import dev.incidenttimeline.incident.api.IncidentRejected;
import dev.incidenttimeline.tenancy.CurrentOrganisation;
import dev.incidenttimeline.tenancy.Organisations;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

import java.util.Map;
import java.util.Objects;

/**
 * The typed way into the write side for hosts that do not want to know Axon: send an incident command, get back
 * normally when its events are stored, or an {@link IncidentRejected} with a stable {@link ErrorCode} when it was
 * refused (and nothing was stored).
 *
 * <p>A command that lost a race with another change of the same incident (another thread or another node) is
 * sent again a few times; if it keeps losing, the caller gets {@link ErrorCode#CONCURRENT_MODIFICATION}, which is
 * safe to retry. A command that could not reach the event store (the database is down, or no connection could be
 * had in time) ends in {@link ErrorCode#STORE_UNAVAILABLE}, also safe to retry: nothing was stored.
 *
 * <p>Organisations (tenants): a command goes out for the host's {@link CurrentOrganisation} (none without tenancy),
 * or for the organisation passed to {@link #declare(DeclareIncident, String)} / {@link #send(IncidentCommand, String)}.
 * An incident belongs to the organisation it was declared for; a command of another organisation is refused with
 * {@link ErrorCode#INCIDENT_NOT_FOUND}, as if the incident did not exist.
 */
public class IncidentGateway {

    private final CommandGateway commandGateway;
    private final int attempts;
    private final CurrentOrganisation currentOrganisation;

    public IncidentGateway(CommandGateway commandGateway, int attempts) {
        this(commandGateway, attempts, CurrentOrganisation.NONE);
    }

    public IncidentGateway(CommandGateway commandGateway, int attempts, CurrentOrganisation currentOrganisation) {
        this.commandGateway = Objects.requireNonNull(commandGateway, "commandGateway");
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1");
        }
        this.attempts = attempts;
        this.currentOrganisation = Objects.requireNonNull(currentOrganisation, "currentOrganisation");
    }

    /**
     * Declares an incident and returns its id: the command's id if it has one, otherwise one derived from its
     * {@code sourceId} and the organisation (so a redelivered declaration lands on the same incident), otherwise a
     * new random id.
     */
    public IncidentId declare(DeclareIncident command) {
        return declare(command, null);
    }

    /**
     * Declares an incident for an organisation, see {@link #declare(DeclareIncident)}; {@code null} is the current
     * organisation (if any). The host's current organisation, when there is one, wins.
     */
    public IncidentId declare(DeclareIncident command, String organisation) {
        String current = currentOrganisation.get();
        String owner = current != null ? current : organisation;
        IncidentId id = command.incidentId() != null ? command.incidentId()
                : command.sourceId() != null ? IncidentId.fromSource(Organisations.scoped(owner, command.sourceId()))
                : IncidentId.random();
        send(new DeclareIncident(id, command.title(), command.severity(), command.services(), command.detectedBy(),
                command.detectedAt(), command.impactStartedAt(), command.declaredBy(), command.drill(),
                command.occurredAt(), command.sourceId()), owner);
        return id;
    }

    /**
     * Sends a command and waits until its events are stored.
     *
     * @throws IncidentRejected when the command was refused; nothing was stored
     */
    public void send(IncidentCommand command) {
        send(command, null);
    }

    /**
     * Sends a command for an organisation, see {@link #send(IncidentCommand)}; {@code null} is the current
     * organisation (if any). The host's current organisation, when there is one, wins.
     *
     * @throws IncidentRejected when the command was refused; nothing was stored
     */
    public void send(IncidentCommand command, String organisation) {
        Objects.requireNonNull(command, "command");
        Object message = organisation == null ? command : GenericCommandMessage.asCommandMessage(command)
                .andMetaData(Map.of(Organisations.METADATA_KEY, organisation));
        if (command.incidentId() == null) {
            throw new IncidentRejected(ErrorCode.INVALID_INPUT, "IncidentId is required.");
        }
        for (int attempt = 1; ; attempt++) {
            try {
                commandGateway.sendAndWait(message);
                return;
            } catch (ConcurrencyException conflict) {
                if (attempt >= attempts) {
                    throw new IncidentRejected(ErrorCode.CONCURRENT_MODIFICATION, "Incident " + command.incidentId()
                            + " was changed by someone else at the same time " + attempts + " times; try again.");
                }
            } catch (RuntimeException failure) {
                throw translate(failure, command);
            }
        }
    }

    private static RuntimeException translate(RuntimeException failure, IncidentCommand command) {
        if (failure instanceof IncidentRejected rejected) {
            return rejected;
        }
        if (failure instanceof CommandExecutionException execution) {
            ErrorCode code = execution.getDetails().filter(ErrorCode.class::isInstance).map(ErrorCode.class::cast)
                    .orElse(null);
            if (code != null) {
                return new IncidentRejected(code, execution.getMessage());
            }
            if (execution.getCause() instanceof RuntimeException cause) {
                return translate(cause, command);
            }
        }
        if (failure instanceof AggregateNotFoundException) {
            return new IncidentRejected(ErrorCode.INCIDENT_NOT_FOUND, "There is no incident " + command.incidentId() + ".");
        }
        if (storeUnreachable(failure)) {
            IncidentRejected unavailable = new IncidentRejected(ErrorCode.STORE_UNAVAILABLE, "The event store cannot "
                    + "be reached at the moment; nothing was stored. Try again in a little while.");
            unavailable.initCause(failure);
            return unavailable;
        }
        return failure;
    }

    /**
     * Whether the failure (or one of its causes) says the database could not be reached, as opposed to a fault in
     * the data: Spring's translation of a connection that could not be had, or the JDBC driver's own.
     */
    static boolean storeUnreachable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof CannotCreateTransactionException
                    || cause instanceof DataAccessResourceFailureException
                    || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof SQLException sql && connectionLost(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * SQL state class 08 is a connection exception; PostgreSQL's 57P01..57P03 say the server is shutting down or
     * starting (a pooled connection the server has just closed fails with these, and Axon then reports the insert
     * as a duplicate: the SQL state is the reliable sign).
     */
    private static boolean connectionLost(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.startsWith("57P"));
    }
}
