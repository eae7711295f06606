package dev.incidenttimeline.postmortem;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownTextTest {

    @Test
    void escapesHeadingsHtmlPipesBackticksAndLineBreaks() {
        assertThat(MarkdownText.escape("# heading")).isEqualTo("\\# heading");
        assertThat(MarkdownText.escape("<script>alert('x')</script>"))
                .isEqualTo("&lt;script&gt;alert'x'&lt;/script&gt;".replace("alert'x'", "alert\\('x'\\)"));
        assertThat(MarkdownText.escape("| pipes |")).isEqualTo("\\| pipes \\|");
        assertThat(MarkdownText.escape("run `rm -rf` now")).isEqualTo("run \\`rm -rf\\` now");
        assertThat(MarkdownText.escape("line one\n## two\r\nthree")).isEqualTo("line one<br>\\#\\# two<br>three");
        assertThat(MarkdownText.escape("[click](javascript:x) & *bold* _it_"))
                .isEqualTo("\\[click\\]\\(javascript:x\\) &amp; \\*bold\\* \\_it\\_");
    }

    @Test
    void escapesATextThatWouldStartAList() {
        assertThat(MarkdownText.escape("- item")).isEqualTo("\\- item");
        assertThat(MarkdownText.escape("12. step")).isEqualTo("12\\. step");
        assertThat(MarkdownText.escape("charge-api 4.12")).isEqualTo("charge-api 4.12");
    }

    @Test
    void writesDurationsInHoursAndMinutes() {
        assertThat(MarkdownText.duration(Duration.ofMinutes(7))).isEqualTo("7 min");
        assertThat(MarkdownText.duration(Duration.ofMinutes(75))).isEqualTo("1 h 15 min");
        assertThat(MarkdownText.duration(Duration.ofSeconds(90))).isEqualTo("1 min 30 s");
        assertThat(MarkdownText.duration(null)).isEqualTo("unknown");
    }

    @Test
    void keepsNastyTextInsideItsTableCellInTheRenderedPostmortem() {
        String nasty = "# Owned\n| a | b |\n<img src=x onerror=alert(1)>";
        String escaped = MarkdownText.escape(nasty);
        assertThat(escaped).doesNotContain("\n").doesNotContain("<img").doesNotContainPattern("(?<!\\\\)\\|");
    }
}
