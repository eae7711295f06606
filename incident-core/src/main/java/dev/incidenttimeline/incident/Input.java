package dev.incidenttimeline.incident;

import dev.incidenttimeline.incident.api.ErrorCode;
import dev.incidenttimeline.incident.api.IncidentRejected;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Checks on what people and integrations send, so that bad input is refused with a message that names the
 * field, before anything is applied. The limits keep one incident's stream a sensible size.
 */
final class Input {

    static final int MAX_NAME = 200;
    static final int MAX_TEXT = 10_000;
    static final int MAX_ITEMS = 100;
    static final int MAX_LINK = 2_000;

    private Input() {
    }

    static String required(String value, String field, int maxLength) {
        if (value == null || value.isBlank()) {
            throw invalid(field + " is required");
        }
        return optional(value, field, maxLength);
    }

    static String optional(String value, String field, int maxLength) {
        if (value != null && value.length() > maxLength) {
            throw invalid(field + " is too long (" + value.length() + " characters, at most " + maxLength + ")");
        }
        return value;
    }

    static <T> T required(T value, String field) {
        if (value == null) {
            throw invalid(field + " is required");
        }
        return value;
    }

    static List<String> names(List<String> values, String field) {
        if (values == null) {
            return List.of();
        }
        requireSize(values, field);
        for (String value : values) {
            required(value, "each of " + field, MAX_NAME);
        }
        return List.copyOf(values);
    }

    static List<String> links(List<String> values) {
        if (values == null) {
            return List.of();
        }
        requireSize(values, "links");
        for (String value : values) {
            required(value, "each link", MAX_LINK);
        }
        return List.copyOf(values);
    }

    static Map<String, String> labels(Map<String, String> labels) {
        if (labels == null) {
            return Map.of();
        }
        if (labels.size() > MAX_ITEMS) {
            throw invalid("labels has " + labels.size() + " entries, at most " + MAX_ITEMS);
        }
        Map<String, String> checked = new TreeMap<>();
        labels.forEach((key, value) -> {
            required(key, "a label name", MAX_NAME);
            checked.put(key, optional(value == null ? "" : value, "label " + key, MAX_LINK));
        });
        return Collections.unmodifiableMap(checked);
    }

    static void notNegative(Number value, String field) {
        if (value != null && value.longValue() < 0) {
            throw invalid(field + " cannot be negative");
        }
    }

    private static void requireSize(Collection<?> values, String field) {
        if (values.size() > MAX_ITEMS) {
            throw invalid(field + " has " + values.size() + " entries, at most " + MAX_ITEMS);
        }
    }

    static IncidentRejected invalid(String message) {
        return new IncidentRejected(ErrorCode.INVALID_INPUT, capitalize(message) + ".");
    }

    private static String capitalize(String message) {
        return Character.toUpperCase(message.charAt(0)) + message.substring(1);
    }
}
