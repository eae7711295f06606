package dev.incidenttimeline.policy;

import com.github.kagkarlsson.scheduler.Scheduler;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Axon's db-scheduler deadline manager, except that cancelling a deadline that is firing or has just fired is not
 * an error. db-scheduler reports such a cancel as "removed 0" (not as "not found", which Axon already tolerates);
 * with a deadline met at the moment it fires that race is normal, and the incident ignores a deadline that was met.
 */
class TolerantDbSchedulerDeadlineManager extends DbSchedulerDeadlineManager {

    private static final Logger log = LoggerFactory.getLogger(TolerantDbSchedulerDeadlineManager.class);

    private final Scheduler scheduler;

    TolerantDbSchedulerDeadlineManager(Builder builder, Scheduler scheduler) {
        super(builder);
        this.scheduler = scheduler;
    }

    @Override
    public void cancelSchedule(String deadlineName, String scheduleId) {
        runOnPrepareCommitOrNow(() -> {
            try {
                scheduler.cancel(new DbSchedulerDeadlineToken(scheduleId));
            } catch (RuntimeException goneAlready) {
                log.debug("Deadline {} [{}] was not cancelled; it fired or is firing: {}", deadlineName, scheduleId,
                        goneAlready.toString());
            }
        });
    }
}
