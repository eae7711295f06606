package dev.incidenttimeline.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock a test sets or moves forward by hand, and that otherwise runs on at real speed from there (db-scheduler
 * waits by this clock between polls, so a frozen clock would stop it). Shared by every thread that reads it.
 */
public final class MutableClock extends Clock {

    private record Anchor(Instant at, long nanos) {
    }

    private volatile Anchor anchor;

    public MutableClock(Instant start) {
        set(start);
    }

    public synchronized void advance(Duration duration) {
        set(instant().plus(duration));
    }

    public synchronized void set(Instant instant) {
        anchor = new Anchor(instant, System.nanoTime());
    }

    @Override
    public Instant instant() {
        Anchor current = anchor;
        return current.at().plusNanos(System.nanoTime() - current.nanos());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a test clock stays in UTC");
    }
}
