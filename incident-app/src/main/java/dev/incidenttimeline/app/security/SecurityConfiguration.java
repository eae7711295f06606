package dev.incidenttimeline.app.security;

import dev.incidenttimeline.app.integration.alertmanager.AlertmanagerProperties;
import dev.incidenttimeline.app.integration.pagerduty.PagerDutyProperties;
import dev.incidenttimeline.tenancy.CurrentOrganisation;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.util.matcher.RegexRequestMatcher;

/**
 * Who may call what. API tokens, not OAuth2: the app must run in a closed network with no identity provider, and
 * a token per team, bot or integration is what the services that call it can hold. No sessions and no cookies
 * (so no CSRF): every request carries its token.
 *
 * <ul>
 *     <li>open: the web page's files, {@code /actuator/health}, {@code /actuator/info}, the OpenAPI description;</li>
 *     <li>VIEWER: {@code GET /api/**};</li>
 *     <li>RESPONDER: every other {@code /api/**} call;</li>
 *     <li>ADMIN: {@code /api/admin/**}, {@code /api/imports/**}, redactions, {@code /actuator/**} (Prometheus);</li>
 *     <li>webhooks ({@code /api/integrations/**}): their own secret, or a RESPONDER token.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(AccessProperties.class)
class SecurityConfiguration {

    private static final String VIEWER = AccessRole.VIEWER.name();
    private static final String RESPONDER = AccessRole.RESPONDER.name();
    private static final String ADMIN = AccessRole.ADMIN.name();

    @Bean
    ApiTokens apiTokens(AccessProperties properties) {
        return new ApiTokens(properties);
    }

    @Bean
    AccessProblems accessProblems() {
        return new AccessProblems();
    }

    @Bean
    RequestRejectedHandler requestRejectedHandler(AccessProblems problems) {
        return problems.rejected();
    }

    @Bean
    CurrentOrganisation currentOrganisation() {
        return new CallerOrganisation();
    }

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, ApiTokens tokens, AlertmanagerProperties alertmanager,
                                    PagerDutyProperties pagerDuty, AccessProblems problems) throws Exception {
        return http
                .csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new TokenAuthenticationFilter(tokens, alertmanager, pagerDuty, problems),
                        AnonymousAuthenticationFilter.class)
                .exceptionHandling(failures -> failures.authenticationEntryPoint(problems.entryPoint())
                        .accessDeniedHandler(problems.accessDenied()))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/actuator/**").hasRole(ADMIN)
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                        .permitAll()
                        .requestMatchers(TokenAuthenticationFilter.ALERTMANAGER_PATH,
                                TokenAuthenticationFilter.PAGERDUTY_PATH, "/api/integrations/**")
                        .hasAnyRole(AccessRole.INTEGRATION.name(), RESPONDER)
                        .requestMatchers("/api/admin/**", "/api/imports/**").hasRole(ADMIN)
                        .requestMatchers(RegexRequestMatcher.regexMatcher("^/api/.*/redactions?(/.*)?$"))
                        .hasRole(ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/**").hasRole(VIEWER)
                        .requestMatchers(HttpMethod.HEAD, "/api/**").hasRole(VIEWER)
                        .requestMatchers("/api/**").hasRole(RESPONDER)
                        .anyRequest().permitAll())
                .build();
    }

    /** After Spring Security's filters, so that the caller is known. */
    @Bean
    FilterRegistrationBean<IncidentOwnershipFilter> incidentOwnershipFilter(EventStore eventStore,
                                                                           AccessProblems problems) {
        FilterRegistrationBean<IncidentOwnershipFilter> registration =
                new FilterRegistrationBean<>(new IncidentOwnershipFilter(eventStore, problems));
        registration.addUrlPatterns("/api/*");
        return registration;
    }
}
