/**
 * The benchmark harness: what a command costs, how fast the event store can be read back, how a long incident
 * behaves and how fast the app starts, each figure printed next to a baseline measured in the same process on the
 * same database. Run by {@link dev.incidenttimeline.app.benchmark.Benchmark}; nothing here is a Spring component,
 * so the app never picks it up.
 */
package dev.incidenttimeline.app.benchmark;
