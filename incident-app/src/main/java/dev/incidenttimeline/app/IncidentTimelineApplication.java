package dev.incidenttimeline.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;

/**
 * The reference host of Incident Timeline. It lives in its own package, so it scans only itself; the libraries
 * come in through their auto-configurations, as they would in any other host. Callers are authenticated by API tokens
 * only, so Spring Boot's generated in-memory user (and its password in the log) is left out.
 */
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@ConfigurationPropertiesScan
public class IncidentTimelineApplication {

    public static void main(String[] args) {
        SpringApplication.run(IncidentTimelineApplication.class, args);
    }
}
