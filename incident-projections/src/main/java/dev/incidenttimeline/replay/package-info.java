/**
 * Rebuilding read models from the event store: reset a processor's tokens (its {@code @ResetHandler} records the
 * reset, and the model is emptied right after it, see {@code ReadModelResets}), replay every stored event, and wait
 * until read models have caught up with the store's head. "Not replaying" is not "caught up": a processor is caught
 * up when every segment's token has reached the event store's head token.
 */
package dev.incidenttimeline.replay;
