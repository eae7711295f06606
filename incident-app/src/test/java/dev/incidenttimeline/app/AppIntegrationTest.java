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
        "incident.integrations.pagerduty.secret=" + AppIntegrationTest.PAGERDUTY_SECRET,
        // Two organisations for the tenancy and access tests; the demo tokens of application.yml stay (Http uses
        // the admin one). The tokens are acme-responder-token, globex-responder-token and acme-viewer-token.
        "incident.security.tokens.acme-responder.token-hash="
                + "33de01402bec0fd00d18b2e220d806ad533cac0560f51cacbede17666a2ad4f7",
        "incident.security.tokens.acme-responder.role=RESPONDER",
        "incident.security.tokens.acme-responder.organisation=acme",
        "incident.security.tokens.globex-responder.token-hash="
                + "983d4765de3ca054d9fc2d2f5a8f3b4c3697c7d4b9a11ec9db2a5a15d4636bb5",
        "incident.security.tokens.globex-responder.role=RESPONDER",
        "incident.security.tokens.globex-responder.organisation=globex",
        "incident.security.tokens.acme-viewer.token-hash="
                + "82e2e0a977cc79e02909ab1ac7702683c95c8dc8e80f26be52b6eb58cf6afc8a",
        "incident.security.tokens.acme-viewer.role=VIEWER",
        "incident.security.tokens.acme-viewer.organisation=acme",
        // Administrators of one organisation (acme-admin-token, globex-admin-token) for the erasure tests.
        "incident.security.tokens.acme-admin.token-hash=8aeb934816ad3780c8f6c6a2bf98e6df6115b81de9e11de4b3a78a58bb196d90",
        "incident.security.tokens.acme-admin.role=ADMIN",
        "incident.security.tokens.acme-admin.organisation=acme",
        "incident.security.tokens.globex-admin.token-hash=8ab63283d1f392c16841264a38b765477b831ed6e1384a0887fc59047d05b8c8",
        "incident.security.tokens.globex-admin.role=ADMIN",
        "incident.security.tokens.globex-admin.organisation=globex",
        "incident.integrations.alertmanager.bearer-token=" + AppIntegrationTest.ALERTMANAGER_SECRET,
        "incident.integrations.alertmanager.organisation=acme"})
public @interface AppIntegrationTest {

    /** The secret the test app's Alertmanager sends as its bearer token; its deliveries belong to acme. */
    String ALERTMANAGER_SECRET = "test-secret-for-alertmanager";

    /** The PagerDuty webhook secret of the test app; tests sign their deliveries with it. */
    String PAGERDUTY_SECRET = "test-secret-for-pagerduty";
}
