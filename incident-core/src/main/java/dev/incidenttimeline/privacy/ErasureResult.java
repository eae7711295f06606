package dev.incidenttimeline.privacy;

import java.util.List;

/**
 * What an erasure did.
 *
 * @param subjects        how many data subjects (one per organisation the name was used in) were erased
 * @param readModelRows   how many read-model rows had the name replaced by the pseudonym
 * @param pseudonyms      what the name reads as from now on, one per subject
 */
public record ErasureResult(int subjects, long readModelRows, List<String> pseudonyms) {

    public ErasureResult {
        pseudonyms = List.copyOf(pseudonyms);
    }
}
