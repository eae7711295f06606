package dev.incidenttimeline.app;

import org.springframework.boot.test.context.SpringBootTest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The app on a random port over an in-memory H2 database, without demo data. The test classes that use it share
 * one Spring context (and so one database); each works on incidents of its own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:app-integration;DB_CLOSE_DELAY=-1",
        "incident.demo.enabled=false",
        // Tests count the events they cause; deadlines firing in the background (tested in incident-core) would
        // add events of their own.
        "incident.core.policies.enabled=false",
        "incident.integrations.pagerduty.secret=" + AppIntegrationTest.PAGERDUTY_SECRET})
public @interface AppIntegrationTest {

    /** The PagerDuty webhook secret of the test app; tests sign their deliveries with it. */
    String PAGERDUTY_SECRET = "test-secret-for-pagerduty";
}
