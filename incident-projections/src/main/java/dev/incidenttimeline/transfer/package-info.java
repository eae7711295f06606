/**
 * Moving incidents between instances for analysis: export their events as JSON lines (one incident, or every
 * incident declared in a period) and import such an export into another instance. An imported event keeps its
 * identifier, aggregate id, sequence number and recorded time, so the other instance's read models show the same
 * timelines (including "as known at" views), and importing the same export again adds nothing.
 */
package dev.incidenttimeline.transfer;
