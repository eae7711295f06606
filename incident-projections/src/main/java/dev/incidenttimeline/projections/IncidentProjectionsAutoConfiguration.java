package dev.incidenttimeline.projections;

import dev.incidenttimeline.embedding.IncidentCoreAutoConfiguration;
import dev.incidenttimeline.metrics.MetricsConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The read side of Incident Timeline in any Spring Boot host: every read model, its projection and its query
 * handlers, imported explicitly (the host needs no component scanning). Every bean can be replaced by the host.
 */
@AutoConfiguration(after = IncidentCoreAutoConfiguration.class)
@Import(MetricsConfiguration.class)
public class IncidentProjectionsAutoConfiguration {
}
