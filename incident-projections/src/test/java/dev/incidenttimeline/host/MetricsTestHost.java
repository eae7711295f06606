package dev.incidenttimeline.host;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/**
 * A host that adds nothing but the libraries and a database, in a package of its own so that nothing of the
 * libraries is found by scanning: what works here works because the auto-configuration sets it up.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class MetricsTestHost {
}
