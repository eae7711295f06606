package dev.incidenttimeline.app.admin;

import java.util.List;

/**
 * Where the read models stand.
 *
 * @param replaying  whether a replay is rebuilding now (another is refused until it has finished)
 * @param readModels each read model, by processing group
 */
public record ReplayStatusView(boolean replaying, List<ReadModel> readModels) {

    /**
     * @param group     the processing group
     * @param caughtUp  whether it has handled every event stored so far (false while a replay rebuilds)
     */
    public record ReadModel(String group, boolean caughtUp) {
    }
}
