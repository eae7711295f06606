package dev.incidenttimeline.app.api;

import org.springframework.http.HttpStatus;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads query parameters the way the JSON bodies are read: times are ISO-8601 instants with an offset, enum values
 * are their names (case-insensitive), a list is repeated or comma-separated; anything else is refused with a
 * {@code MALFORMED_REQUEST} problem that names the parameter.
 */
final class QueryParameters {

    private QueryParameters() {
    }

    /** An instant, or {@code null} if the parameter is absent or empty. */
    static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.trim(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException notAnInstant) {
            throw malformed(name + ": \"" + value + "\" is not an ISO-8601 instant (such as 2024-11-29T21:35:00Z;"
                    + " write + in an offset as %2B).");
        }
    }

    /** One enum value, or {@code null} if the parameter is absent or empty. */
    static <E extends Enum<E>> E one(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String wanted = value.trim().toUpperCase(Locale.ROOT);
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(wanted)) {
                return constant;
            }
        }
        throw malformed(name + ": \"" + value + "\" is not one of " + Arrays.stream(type.getEnumConstants())
                .map(Enum::name).collect(Collectors.joining(", ")) + ".");
    }

    /** The enum values given (repeated or comma-separated); empty if none. */
    static <E extends Enum<E>> Set<E> all(String name, List<String> values, Class<E> type) {
        Set<E> result = EnumSet.noneOf(type);
        if (values != null) {
            values.stream().flatMap(value -> Arrays.stream(value.split(",")))
                    .filter(value -> !value.isBlank())
                    .forEach(value -> result.add(one(name, value, type)));
        }
        return result;
    }

    /** A whole number within bounds, or {@code fallback} if the parameter is absent. */
    static int number(String name, String value, int min, int max, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.trim());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException notANumber) {
            // answered below, with the bounds
        }
        throw malformed(name + ": \"" + value + "\" is not a whole number from " + min + " to " + max + ".");
    }

    /** {@code true}/{@code false}, or {@code fallback} if the parameter is absent. */
    static boolean flag(String name, String value, boolean fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw malformed(name + ": \"" + value + "\" is not true or false.");
        };
    }

    static ApiProblem malformed(String detail) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, ApiProblem.MALFORMED_REQUEST, detail);
    }
}
