/**
 * How a host embeds the read side: the module's auto-configuration, which imports each read model's
 * configuration.
 */
package dev.incidenttimeline.projections;
