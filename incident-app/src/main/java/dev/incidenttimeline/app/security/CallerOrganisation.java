package dev.incidenttimeline.app.security;

import dev.incidenttimeline.tenancy.CurrentOrganisation;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The organisation of the authenticated caller of the current request: every command and query the request causes
 * goes out for it. Outside a request (demo data, background processes) there is none.
 */
class CallerOrganisation implements CurrentOrganisation {

    @Override
    public String get() {
        return current();
    }

    static String current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof Caller caller
                ? caller.organisation() : null;
    }
}
