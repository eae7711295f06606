package dev.incidenttimeline.app.demo;

import dev.incidenttimeline.incident.api.CustomerReportLinked;
import dev.incidenttimeline.incident.api.DetectionSource;
import dev.incidenttimeline.incident.api.IncidentDeclared;
import dev.incidenttimeline.incident.api.IncidentEvent;
import dev.incidenttimeline.incident.api.IncidentResolved;
import dev.incidenttimeline.incident.api.PostmortemPublished;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;

import java.time.Duration;
import java.util.List;

import static dev.incidenttimeline.app.Http.events;
import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:demo-data;DB_CLOSE_DELAY=-1",
        "incident.demo.enabled=true"})
class DemoDataIntegrationTest {

    @Autowired
    DemoData demoData;

    @Autowired
    EventStore eventStore;

    @Test
    void loadsTheThreeStoriesAtStartUp() {
        List<IncidentEvent> webshop = events(eventStore, DemoData.incidentOf(DemoData.WEBSHOP).value());
        List<IncidentEvent> database = events(eventStore, DemoData.incidentOf(DemoData.DATABASE).value());
        List<IncidentEvent> charging = events(eventStore, DemoData.incidentOf(DemoData.CHARGING).value());

        IncidentDeclared slowdown = (IncidentDeclared) webshop.get(0);
        assertThat(slowdown.detectedBy()).isEqualTo(DetectionSource.CUSTOMER);
        assertThat(Duration.between(slowdown.impactStartedAt(), slowdown.detectedAt())).isEqualTo(Duration.ofHours(1));
        assertThat(webshop).anyMatch(CustomerReportLinked.class::isInstance)
                .anyMatch(IncidentResolved.class::isInstance).last().isInstanceOf(PostmortemPublished.class);
        assertThat(((IncidentDeclared) database.get(0)).title()).containsIgnoringCase("database");
        assertThat(database).anyMatch(IncidentResolved.class::isInstance);
        assertThat(((IncidentDeclared) charging.get(0)).services()).containsExactly("charging-api");
        assertThat(charging).last().isInstanceOf(IncidentResolved.class);
    }

    @Test
    void loadsNothingTwice() throws Exception {
        long before = storedEvents();

        demoData.run(new DefaultApplicationArguments());

        assertThat(storedEvents()).isEqualTo(before);
    }

    private long storedEvents() {
        return events(eventStore, DemoData.incidentOf(DemoData.WEBSHOP).value()).size()
                + events(eventStore, DemoData.incidentOf(DemoData.DATABASE).value()).size()
                + events(eventStore, DemoData.incidentOf(DemoData.CHARGING).value()).size();
    }
}
