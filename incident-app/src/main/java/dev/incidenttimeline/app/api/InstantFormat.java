package dev.incidenttimeline.app.api;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.module.SimpleModule;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Times in requests are ISO-8601 instants with a zone offset ({@code 2024-11-29T21:35:00Z},
 * {@code 2024-11-29T22:35+01:00}), nothing else: a bare number could be seconds or milliseconds, and a huge one
 * would silently turn into some other time, so it is refused with a message that names the field.
 */
@Configuration(proxyBeanMethods = false)
class InstantFormat {

    @Bean
    JacksonModule strictInstants() {
        return new SimpleModule("incident-timeline-instants").addDeserializer(Instant.class, new Deserializer());
    }

    static final class Deserializer extends ValueDeserializer<Instant> {

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                return (Instant) context.handleUnexpectedToken(Instant.class, parser);
            }
            String text = parser.getString().trim();
            try {
                return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
            } catch (DateTimeParseException notAnInstant) {
                return (Instant) context.handleWeirdStringValue(Instant.class, text,
                        "not an ISO-8601 instant with a zone offset");
            }
        }
    }
}
