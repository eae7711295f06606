package dev.incidenttimeline.app.integration.slack;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Slack's message markup made readable: {@code <@U123>} becomes {@code @Name}, {@code <#C1|ops>} becomes
 * {@code #ops}, {@code <https://x|label>} becomes {@code label (https://x)}, and the links are collected.
 */
final class SlackText {

    private static final Pattern MARKUP = Pattern.compile("<([^<>]+)>");

    private SlackText() {
    }

    static String plain(String text, Map<String, String> userNames) {
        if (text == null) {
            return "";
        }
        Matcher matcher = MARKUP.matcher(text);
        StringBuilder plain = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(plain, Matcher.quoteReplacement(render(matcher.group(1), userNames)));
        }
        matcher.appendTail(plain);
        return unescape(plain.toString());
    }

    static Set<String> links(String text) {
        Set<String> links = new LinkedHashSet<>();
        if (text == null) {
            return links;
        }
        Matcher matcher = MARKUP.matcher(text);
        while (matcher.find()) {
            String target = target(matcher.group(1));
            if (target.startsWith("http://") || target.startsWith("https://") || target.startsWith("mailto:")) {
                links.add(unescape(target));
            }
        }
        return links;
    }

    /** A message's {@code ts} ("1732911234.000200": seconds and microseconds) as an instant. */
    static Instant instant(String ts) {
        BigDecimal seconds = new BigDecimal(ts);
        long whole = seconds.longValue();
        long nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).longValue();
        return Instant.ofEpochSecond(whole, nanos);
    }

    static boolean isTs(String ts) {
        return ts != null && ts.matches("\\d{1,12}\\.\\d{1,9}");
    }

    private static String render(String markup, Map<String, String> userNames) {
        String target = target(markup);
        String label = markup.contains("|") ? markup.substring(markup.indexOf('|') + 1) : null;
        if (target.startsWith("@")) {
            String name = userNames.get(target.substring(1));
            return "@" + (name != null ? name : label != null ? label : target.substring(1));
        }
        if (target.startsWith("#")) {
            return "#" + (label != null ? label : target.substring(1));
        }
        if (target.startsWith("!")) {
            if (label != null) {
                return label;
            }
            return "@" + target.substring(1);
        }
        if (label == null || label.equals(target)) {
            return target;
        }
        return label + " (" + target + ")";
    }

    private static String target(String markup) {
        int bar = markup.indexOf('|');
        return bar < 0 ? markup : markup.substring(0, bar);
    }

    private static String unescape(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }
}
