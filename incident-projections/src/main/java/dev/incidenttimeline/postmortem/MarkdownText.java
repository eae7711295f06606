package dev.incidenttimeline.postmortem;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Puts text people typed into a Markdown document so that it stays text: HTML special characters become entities,
 * Markdown's control characters are backslash-escaped, a leading list marker is escaped, and line breaks become
 * {@code <br>} (so a text cannot end a table row, a list item or a paragraph and start a heading). Also the shared
 * formats for times and durations of the renderers.
 */
final class MarkdownText {

    private static final String ESCAPED = "\\`*_{}[]()#!|~";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private MarkdownText() {
    }

    /** The text escaped for any place in a Markdown document (a paragraph, a list item, a table cell). */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        int leading = leadingMarker(text);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (i == leading) {
                out.append('\\').append(c);
            } else if (c == '\r') {
                out.append("<br>");
                if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
            } else if (c == '\n') {
                out.append("<br>");
            } else if (c == '&') {
                out.append("&amp;");
            } else if (c == '<') {
                out.append("&lt;");
            } else if (c == '>') {
                out.append("&gt;");
            } else if (c == '"') {
                out.append("&quot;");
            } else if (ESCAPED.indexOf(c) >= 0) {
                out.append('\\').append(c);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The index of a character that would make the text start a list ({@code -}, {@code +}, {@code 1.}), or -1. */
    private static int leadingMarker(String text) {
        int start = 0;
        while (start < text.length() && text.charAt(start) == ' ') {
            start++;
        }
        if (start >= text.length()) {
            return -1;
        }
        char first = text.charAt(start);
        if (first == '-' || first == '+' || first == '=') {
            return start;
        }
        int digits = start;
        while (digits < text.length() && Character.isDigit(text.charAt(digits))) {
            digits++;
        }
        if (digits > start && digits < text.length() && (text.charAt(digits) == '.' || text.charAt(digits) == ')')) {
            return digits;
        }
        return -1;
    }

    /** A plain-text value on one line, continuation lines indented, so it cannot pose as a label of its own. */
    static String plain(String text, String indent) {
        if (text == null) {
            return "";
        }
        return text.replace("\r\n", "\n").replace('\r', '\n').replace("\n", "\n" + indent);
    }

    static String time(Instant instant) {
        return instant == null ? "unknown" : TIME.format(instant);
    }

    static String duration(Duration duration) {
        if (duration == null) {
            return "unknown";
        }
        String sign = duration.isNegative() ? "-" : "";
        Duration d = duration.abs();
        long days = d.toDays();
        long hours = d.toHoursPart();
        long minutes = d.toMinutesPart();
        long seconds = d.toSecondsPart();
        StringBuilder out = new StringBuilder(sign);
        if (days > 0) {
            out.append(days).append(" d ");
        }
        if (days > 0 || hours > 0) {
            out.append(hours).append(" h ");
        }
        out.append(minutes).append(" min");
        if (seconds > 0) {
            out.append(' ').append(seconds).append(" s");
        }
        return out.toString();
    }

    /** A role's name in words: {@code LEADER} becomes {@code leader}, {@code DB_EXPERT} {@code db expert}. */
    static String role(String role) {
        return role.toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
