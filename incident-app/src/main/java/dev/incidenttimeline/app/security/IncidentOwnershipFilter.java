package dev.incidenttimeline.app.security;

import dev.incidenttimeline.tenancy.Organisations;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers every request about one incident of another organisation ({@code /api/.../incidents/{id}/...}, any
 * method, any endpoint present or future) with 404, before a controller sees it. The owner is read from the
 * incident's first event (the event store, not a read model, so it is never behind). The aggregate and the query
 * handlers check again; this filter is the guard for endpoints that read events or read models directly.
 */
class IncidentOwnershipFilter extends OncePerRequestFilter {

    private static final Pattern INCIDENT_PATH = Pattern.compile("^/api/(?:[^/]+/)*incidents/([^/]+)(?:/.*)?$");
    private static final int REMEMBERED = 10_000;

    private final EventStore eventStore;
    private final AccessProblems problems;
    /** Owners never change; an incident without an organisation is remembered as "". */
    private final Map<String, String> owners = new ConcurrentHashMap<>();

    IncidentOwnershipFilter(EventStore eventStore, AccessProblems problems) {
        this.eventStore = eventStore;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String asking = CallerOrganisation.current();
        Matcher incident = INCIDENT_PATH.matcher(request.getRequestURI().substring(request.getContextPath().length()));
        if (asking != null && incident.matches()) {
            Optional<String> owner = ownerOf(incident.group(1));
            if (owner.isPresent() && !Organisations.mayAccess(asking, owner.get().isEmpty() ? null : owner.get())) {
                problems.incidentNotFound(response);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** The incident's organisation ("" for none), empty if the incident does not exist. */
    private Optional<String> ownerOf(String incidentId) {
        String known = owners.get(incidentId);
        if (known != null) {
            return Optional.of(known);
        }
        DomainEventStream events = eventStore.readEvents(incidentId, 0);
        if (!events.hasNext()) {
            return Optional.empty();
        }
        DomainEventMessage<?> first = events.next();
        String owner = Optional.ofNullable(Organisations.of(first)).orElse("");
        if (owners.size() >= REMEMBERED) {
            owners.clear();
        }
        owners.put(incidentId, owner);
        return Optional.of(owner);
    }
}
