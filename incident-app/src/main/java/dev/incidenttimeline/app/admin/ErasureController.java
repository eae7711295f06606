package dev.incidenttimeline.app.admin;

import dev.incidenttimeline.app.api.ApiProblem;
import dev.incidenttimeline.privacy.Erasure;
import dev.incidenttimeline.privacy.ErasureResult;
import dev.incidenttimeline.tenancy.CurrentOrganisation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Erasure of a person for privacy: their name becomes unreadable in every stored event and snapshot (the key is
 * deleted) and is replaced by a pseudonym in the read models. A token tied to an organisation erases the person in
 * that organisation only; a token without one in every organisation.
 */
@RestController
@RequestMapping("/api/admin/erasures")
@Tag(name = "Administration", description = "Operator endpoints")
class ErasureController {

    /** The longest name a command accepts, so the longest one that can have been stored. */
    private static final int MAX_NAME = 200;

    /**
     * The person to erase.
     *
     * @param person the name exactly as it was given in commands ("Alice Example")
     */
    record ErasureRequest(String person) {
    }

    private final Erasure erasure;
    private final CurrentOrganisation organisation;

    ErasureController(Erasure erasure, CurrentOrganisation organisation) {
        this.erasure = erasure;
        this.organisation = organisation;
    }

    @PostMapping
    @Operation(summary = "Erase a person: their name reads as a pseudonym everywhere from now on")
    ErasureResult erase(@RequestBody ErasureRequest request) {
        String person = request == null ? null : request.person();
        if (person == null || person.isBlank()) {
            throw ApiProblem.invalidPayload("Say whom to erase: {\"person\": \"<name as given in commands>\"}.");
        }
        if (person.length() > MAX_NAME) {
            throw ApiProblem.invalidPayload("person is longer than " + MAX_NAME + " characters; no such name can "
                    + "have been stored.");
        }
        String caller = organisation.get();
        return caller == null ? erasure.eraseEverywhere(person) : erasure.erase(caller, person);
    }
}
