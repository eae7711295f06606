package dev.incidenttimeline.app.security;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import java.util.List;

/**
 * What a caller may do. Each role includes the ones before it: a viewer reads, a responder also records what
 * happens, an admin also redacts, imports and uses {@code /api/admin/**}. {@link #INTEGRATION} is a webhook that
 * proved itself with its own secret; it may only deliver to its endpoint.
 */
public enum AccessRole {

    VIEWER,
    RESPONDER,
    ADMIN,
    INTEGRATION;

    /** The Spring Security authorities of the role, with those of the roles it includes. */
    List<GrantedAuthority> authorities() {
        return switch (this) {
            case VIEWER -> List.of(authority(VIEWER));
            case RESPONDER -> List.of(authority(VIEWER), authority(RESPONDER));
            case ADMIN -> List.of(authority(VIEWER), authority(RESPONDER), authority(ADMIN));
            case INTEGRATION -> List.of(authority(INTEGRATION));
        };
    }

    private static GrantedAuthority authority(AccessRole role) {
        return new SimpleGrantedAuthority("ROLE_" + role.name());
    }
}
