-- Which event was sent to which channel, so a redelivered event is not sent twice.
CREATE TABLE sent_notification (
    event_id   VARCHAR(100)             NOT NULL,
    channel    VARCHAR(100)             NOT NULL,
    sent_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (event_id, channel)
);

-- The Slack message that stands for an incident, so that later messages go into its thread.
CREATE TABLE notification_thread (
    incident_id VARCHAR(100) NOT NULL,
    channel     VARCHAR(100) NOT NULL,
    thread_ref  VARCHAR(100) NOT NULL,
    PRIMARY KEY (incident_id, channel)
);
