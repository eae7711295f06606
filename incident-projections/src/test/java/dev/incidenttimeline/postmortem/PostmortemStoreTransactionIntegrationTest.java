package dev.incidenttimeline.postmortem;

import dev.incidenttimeline.incident.api.IncidentId;
import dev.incidenttimeline.incident.api.LessonLearnedRecorded;
import dev.incidenttimeline.projections.TestHost;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(classes = TestHost.class,
        properties = "spring.datasource.url=jdbc:h2:mem:postmortem-store-transaction;DB_CLOSE_DELAY=-1")
class PostmortemStoreTransactionIntegrationTest {

    @Autowired
    PostmortemStore store;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void storesARedeliveredEventOnceInsideTheBatchTransaction() {
        IncidentId id = IncidentId.random();
        Instant at = Instant.parse("2025-03-04T10:15:00Z");
        FactRow lesson = PostmortemFacts.translate(new LessonLearnedRecorded(id, "Roll back first", "anna", at, null),
                "event-1", 7, at.plusSeconds(2));
        FactRow another = PostmortemFacts.translate(new LessonLearnedRecorded(id, "Page the owner", "anna",
                at.plusSeconds(60), null), "event-2", 8, at.plusSeconds(62));
        TransactionTemplate batch = new TransactionTemplate(transactionManager);

        batch.executeWithoutResult(status -> store.write(List.of(lesson), Map.of()));
        batch.executeWithoutResult(status -> store.write(List.of(lesson, another), Map.of()));
        batch.executeWithoutResult(status -> store.write(List.of(another, another), Map.of()));

        assertThat(store.facts(id.value())).containsExactly(lesson, another);
    }
}
