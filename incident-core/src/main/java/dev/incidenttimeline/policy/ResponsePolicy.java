package dev.incidenttimeline.policy;

import java.time.Duration;

/**
 * The pace that applies to one incident. A {@code null} duration means the policy sets no such deadline.
 *
 * @param name              how the policy is named in a missed deadline, e.g. {@code SEV1} or
 *                          {@code SEV1 for payments}
 * @param acknowledgeWithin see {@link ResponsePolicyProperties.Pace}
 * @param firstUpdateWithin see {@link ResponsePolicyProperties.Pace}
 * @param updateEvery       see {@link ResponsePolicyProperties.Pace}
 * @param mitigateWithin    see {@link ResponsePolicyProperties.Pace}
 * @param callbackWithin    see {@link ResponsePolicyProperties.Pace}
 */
public record ResponsePolicy(String name,
                             Duration acknowledgeWithin,
                             Duration firstUpdateWithin,
                             Duration updateEvery,
                             Duration mitigateWithin,
                             Duration callbackWithin) {

    /** A policy that sets no deadline at all. */
    public static ResponsePolicy none(String name) {
        return new ResponsePolicy(name, null, null, null, null, null);
    }
}
