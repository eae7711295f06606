package dev.incidenttimeline.app.integration;

/**
 * What a webhook delivery did.
 *
 * @param incidentId the incident it concerned, or {@code null} if it concerned none
 * @param outcome    {@code DECLARED} (a new incident), {@code RECORDED} (added to an existing one, or nothing new
 *                   in a redelivery) or {@code IGNORED} (nothing to do, see {@code detail})
 * @param detail     why it was ignored, in plain words; {@code null} otherwise
 */
public record DeliveryView(String incidentId, String outcome, String detail) {

    public static DeliveryView declared(String incidentId) {
        return new DeliveryView(incidentId, "DECLARED", null);
    }

    public static DeliveryView recorded(String incidentId) {
        return new DeliveryView(incidentId, "RECORDED", null);
    }

    public static DeliveryView ignored(String incidentId, String detail) {
        return new DeliveryView(incidentId, "IGNORED", detail);
    }
}
