package dev.incidenttimeline.app.integration.pagerduty;

import dev.incidenttimeline.app.integration.DeliveryView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Add a "Generic Webhook (v3)" subscription in PagerDuty pointing at {@code /api/integrations/pagerduty}. The body is
 * taken as raw bytes, because the signature is computed over exactly those bytes.
 */
@RestController
@Tag(name = "Integrations")
class PagerDutyController {

    private final PagerDutyWebhook webhook;

    PagerDutyController(PagerDutyWebhook webhook) {
        this.webhook = webhook;
    }

    @PostMapping("/api/integrations/pagerduty")
    @Operation(summary = "Receive a PagerDuty v3 webhook (incident.triggered, .acknowledged, .annotated, .resolved)")
    DeliveryView receive(@RequestBody byte[] body,
                         @RequestHeader(name = "X-PagerDuty-Signature", required = false) String signature) {
        return webhook.receive(body, signature);
    }
}
