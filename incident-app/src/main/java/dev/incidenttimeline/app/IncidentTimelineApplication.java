package dev.incidenttimeline.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The reference host of Incident Timeline. It lives in its own package, so it scans only itself; the libraries
 * come in through their auto-configurations, as they would in any other host.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IncidentTimelineApplication {

    public static void main(String[] args) {
        SpringApplication.run(IncidentTimelineApplication.class, args);
    }
}
