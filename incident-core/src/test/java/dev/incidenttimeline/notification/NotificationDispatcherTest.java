package dev.incidenttimeline.notification;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class NotificationDispatcherTest {

    @Test
    void waitsTwiceAsLongAfterEachFailureUpToTheMaximum() {
        NotificationProperties.Retry retry = new NotificationProperties.Retry(6, Duration.ofMillis(100),
                Duration.ofSeconds(1));

        assertThat(IntStream.rangeClosed(1, 5).mapToObj(attempt -> NotificationDispatcher.delay(retry, attempt)))
                .containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400),
                        Duration.ofMillis(800), Duration.ofSeconds(1));
    }
}
