package dev.incidenttimeline.app.admin;

import dev.incidenttimeline.app.api.ApiProblem;
import org.springframework.http.HttpStatus;

import java.util.List;

/** A processing group named in an operator's request, checked against the groups an endpoint can act on. */
final class KnownProcessingGroups {

    /** The code of a problem response for a processing group that does not exist, or that the endpoint cannot use. */
    static final String GROUP_NOT_FOUND = "PROCESSING_GROUP_NOT_FOUND";

    private KnownProcessingGroups() {
    }

    /**
     * The group, if it is one of {@code groups}; otherwise a 404 problem that names the known ones ({@code what} says
     * which groups count, e.g. "with a dead-letter queue").
     */
    static String require(String group, List<String> groups, String what) {
        if (!groups.contains(group)) {
            throw new ApiProblem(HttpStatus.NOT_FOUND, GROUP_NOT_FOUND, "There is no processing group \""
                    + (group.length() > 100 ? group.substring(0, 100) + "…" : group)
                    + "\" " + what + "; known groups: " + String.join(", ", groups) + ".");
        }
        return group;
    }
}
