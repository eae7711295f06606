package dev.incidenttimeline.privacy;

/**
 * An object whose {@link PersonalData} fields belong to the data subjects of one organisation (the aggregate, in a
 * snapshot). Without it the organisation is taken from the message the current unit of work handles.
 */
public interface PersonalDataOwner {

    /** The organisation the names belong to, {@code null} for none. */
    String personalDataOrganisation();
}
