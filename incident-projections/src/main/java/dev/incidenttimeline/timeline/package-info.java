/**
 * The timeline read model: every event a person would want to see, as an entry with its kind, when it happened
 * ({@code occurredAt}), when it was recorded ({@code recordedAt}), who, what, for whom (internal or public), its
 * links, whether it is pinned, amended (with the earlier versions) or redacted (content gone, place kept).
 *
 * <p>The tables are append-only: an entry row per event and a change row per amendment, pin, unpin or redaction. A
 * timeline is folded from them at query time, which is what makes "as known at" possible: entries and changes
 * recorded after the given time are left out. A redaction is the exception: it scrubs the content from every row,
 * so redacted content is gone from every view, whatever time it is viewed as of.
 */
package dev.incidenttimeline.timeline;
