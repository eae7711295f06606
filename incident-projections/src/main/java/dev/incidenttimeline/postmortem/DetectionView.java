package dev.incidenttimeline.postmortem;

import dev.incidenttimeline.incident.api.DetectionSource;

import java.time.Duration;
import java.time.Instant;

/**
 * How the incident was found.
 *
 * @param source        how it was first noticed
 * @param declaredBy    who declared it
 * @param firstAlert    the name of the first alert linked to it, {@code null} if none
 * @param detectedAt    when it was first noticed
 * @param timeToDetect  from the start of impact to the detection (response metrics), {@code null} if not known
 * @param customerFirst whether a customer told us before our monitoring or people noticed
 */
public record DetectionView(DetectionSource source,
                            String declaredBy,
                            String firstAlert,
                            Instant detectedAt,
                            Duration timeToDetect,
                            boolean customerFirst) {
}
