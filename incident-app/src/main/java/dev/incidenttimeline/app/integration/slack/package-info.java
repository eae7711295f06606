/**
 * Import of a Slack thread from a workspace export (the zip with {@code users.json}, {@code channels.json} and one
 * folder per channel with one JSON file per day): the thread's messages become the incident's timeline, and
 * configurable rules ({@link dev.incidenttimeline.app.integration.slack.SlackImportProperties}) recognise the
 * acknowledgement, the leader, status updates, the mitigation and the resolution.
 */
package dev.incidenttimeline.app.integration.slack;
