package dev.incidenttimeline.app.integration.alertmanager;

import dev.incidenttimeline.app.integration.DeliveryView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Point an Alertmanager {@code webhook_config} at {@code /api/integrations/alertmanager}. */
@RestController
@Tag(name = "Integrations")
class AlertmanagerController {

    private final AlertmanagerWebhook webhook;

    AlertmanagerController(AlertmanagerWebhook webhook) {
        this.webhook = webhook;
    }

    @PostMapping("/api/integrations/alertmanager")
    @Operation(summary = "Receive an Alertmanager webhook notification (payload version 4)")
    DeliveryView receive(@RequestBody AlertmanagerNotification notification) {
        return webhook.receive(notification);
    }
}
