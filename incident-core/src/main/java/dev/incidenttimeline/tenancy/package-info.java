/**
 * Organisations (tenants): the organisation a command or query acts for travels as the message metadata
 * {@value dev.incidenttimeline.tenancy.Organisations#METADATA_KEY}. The host says who is asking through a
 * {@link dev.incidenttimeline.tenancy.CurrentOrganisation}; dispatch interceptors put it on every command and query,
 * Axon copies it onto the events a command causes, the {@code Incident} aggregate refuses commands of another
 * organisation, and the read models answer each organisation with its own incidents only. A host without tenancy
 * changes nothing: no organisation means one organisation.
 */
package dev.incidenttimeline.tenancy;
