package dev.incidenttimeline.app.integration.slack;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SlackTextTest {

    private static final Map<String, String> USERS = Map.of("U02", "Kees de Vries");

    @Test
    void rendersMentionsChannelsAndLinksReadably() {
        String text = "<@U02> see <https://grafana.example.com/d/1|the dashboard> in <#C01|operations>, "
                + "<!here> &amp; <https://status.example.com>";

        assertThat(SlackText.plain(text, USERS)).isEqualTo("@Kees de Vries see the dashboard "
                + "(https://grafana.example.com/d/1) in #operations, @here & https://status.example.com");
        assertThat(SlackText.links(text)).containsExactly("https://grafana.example.com/d/1",
                "https://status.example.com");
    }

    @Test
    void readsTheMessageTimestampToTheMicrosecond() {
        assertThat(SlackText.instant("1732837200.000200")).isEqualTo(Instant.parse("2024-11-28T23:40:00.000200Z"));
        assertThat(SlackText.isTs("1732837200.000200")).isTrue();
        assertThat(SlackText.isTs("yesterday")).isFalse();
    }
}
