package dev.incidenttimeline.app.integration;

/** Fits text from outside into the limits of the incident commands, rather than refusing a whole delivery. */
public final class Text {

    /** The longest name or title a command takes. */
    public static final int MAX_NAME = 200;
    /** The longest text (a note, a summary) a command takes. */
    public static final int MAX_TEXT = 10_000;

    private Text() {
    }

    /** The first non-blank of the values, or {@code null}. */
    public static String firstOf(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    /** The text cut to {@code max} characters, marked with an ellipsis where it was cut. */
    public static String clip(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        return text.substring(0, max - 1) + "…";
    }
}
