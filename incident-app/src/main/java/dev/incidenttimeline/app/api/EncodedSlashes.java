package dev.incidenttimeline.app.api;

import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Lets an encoded slash ({@code %2F}) in a path through to Spring MVC, which decodes it within its path segment: an
 * id such as {@code a%2Fb} then gets the API's problem response (an unknown incident) instead of Tomcat's own HTML
 * error page, which Tomcat answers before the application sees the request.
 */
@Configuration(proxyBeanMethods = false)
class EncodedSlashes {

    @Bean
    TomcatConnectorCustomizer encodedSlashesPassThrough() {
        return connector -> connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue());
    }
}
