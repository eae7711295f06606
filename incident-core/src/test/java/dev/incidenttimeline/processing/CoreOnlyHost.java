package dev.incidenttimeline.processing;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A Spring Boot host with nothing but the core module's auto-configuration, on a database of the test's choosing:
 * for tests of the core's own beans (event store, token and saga stores) against a real H2 or PostgreSQL.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class CoreOnlyHost {

    public static ConfigurableApplicationContext start(String url, String user) {
        return new SpringApplicationBuilder(CoreOnlyHost.class).run(
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + user,
                "--spring.main.banner-mode=off");
    }
}
