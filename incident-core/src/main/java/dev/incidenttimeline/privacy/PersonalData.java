package dev.incidenttimeline.privacy;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a person's name in a stored message (an event's record component, a field of the aggregate's snapshot): the
 * event serializer stores it encrypted with the key of its data subject, so that erasing the person
 * ({@link Erasure}) makes every stored copy unreadable without rewriting a single event. Allowed on a {@code String}
 * or on a collection or map whose elements (values) are names.
 *
 * <p>Free text (status updates, notes, summaries) is not covered, even when it mentions a person: redact it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
public @interface PersonalData {
}
