package dev.incidenttimeline.postmortem;

import java.time.Duration;
import java.util.List;

/**
 * What the incident hurt.
 *
 * @param services          the services affected (declared and recorded with the impact), in the order first named
 * @param customersAffected the latest recorded number of affected customers, {@code null} if never counted
 * @param usersAffected     the latest recorded number of affected users, {@code null} if never counted
 * @param affectedCustomers the customers named as affected, in the order first named
 * @param duration          how long the impact lasted (response metrics), {@code null} if not known
 */
public record ImpactView(List<String> services,
                         Integer customersAffected,
                         Long usersAffected,
                         List<String> affectedCustomers,
                         Duration duration) {

    public ImpactView {
        services = List.copyOf(services);
        affectedCustomers = List.copyOf(affectedCustomers);
    }
}
