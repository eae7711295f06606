/**
 * Erasure of a person's data by crypto-shredding. Events are never rewritten, so every person name in them
 * ({@link dev.incidenttimeline.privacy.PersonalData}) is stored encrypted with a key of its own data subject (a name
 * within an organisation); erasing the person ({@link dev.incidenttimeline.privacy.Erasure}) deletes the key, and
 * the name reads as a stable pseudonym everywhere from then on, while the timeline's structure and the metrics stay.
 */
package dev.incidenttimeline.privacy;
