package dev.incidenttimeline.privacy;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Settings of the encryption of person names, under {@code incident.core.personal-data}.
 *
 * @param keyCacheExpiry how long a node keeps a data subject's key in memory: an erasure on another node takes effect
 *                       here (names read as the pseudonym, new values get a new key) at the latest after this time;
 *                       the erasing node forgets the keys at once
 * @param keyCacheSize   how many subjects' keys a node keeps in memory at most (Caffeine evicts the least useful)
 */
@ConfigurationProperties("incident.core.personal-data")
public record PersonalDataProperties(@DefaultValue("60s") Duration keyCacheExpiry,
                                     @DefaultValue("100000") int keyCacheSize) {
}
