package org.propertydesk.shared.api;

import java.nio.file.Path;
import java.time.Clock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

import tools.jackson.databind.json.JsonMapper;

/**
 * Security of the JSON API, apart from the pages' form login: {@code /api/**} is stateless (no session, no CSRF, no
 * login redirect), authenticated by bearer tokens from {@code POST /api/v1/auth/token}, and answers 401/403 as problem
 * details. It is ordered before the form-login chain, which keeps everything else.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ApiProperties.class)
class ApiSecurityConfiguration {

    static final String TOKEN_PATH = "/api/v1/auth/token";

    @Bean
    ApiSigningKey apiSigningKey(ApiProperties properties, @Value("${propertydesk.data-dir:./data}") Path dataDirectory) {
        return ApiSigningKey.of(properties.tokenKey(), dataDirectory);
    }

    @Bean
    ApiTokens apiTokens(ApiSigningKey key, ApiProperties properties, Clock clock) {
        return new ApiTokens(key, properties.tokenLifetime(), clock);
    }

    @Bean
    ApiLoginThrottle apiLoginThrottle(ApiProperties properties, Clock clock) {
        return new ApiLoginThrottle(properties.throttle(), clock);
    }

    @Bean
    ApiProblems apiProblems(MessageSource messageSource, JsonMapper jsonMapper) {
        return new ApiProblems(messageSource, jsonMapper);
    }

    @Bean
    ApiPasswordCheck apiPasswordCheck(UserDetailsService users, PasswordEncoder passwordEncoder) {
        return new ApiPasswordCheck(users, passwordEncoder);
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, ApiTokens tokens, UserDetailsService users, ApiProblems problems)
            throws Exception {
        ApiSecurityProblems answers = new ApiSecurityProblems(problems);
        http
            .securityMatcher("/api/**")
            .authorizeHttpRequests(requests -> requests
                .requestMatchers(HttpMethod.POST, TOKEN_PATH).permitAll()
                .anyRequest().authenticated())
            .oauth2ResourceServer(resourceServer -> resourceServer
                .jwt(jwt -> jwt.decoder(tokens.decoder())
                    .jwtAuthenticationConverter(new ApiUserAuthenticationConverter(users)))
                .authenticationEntryPoint(answers)
                .accessDeniedHandler(answers))
            .exceptionHandling(exceptions -> exceptions
                .authenticationEntryPoint(answers)
                .accessDeniedHandler(answers))
            .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .csrf(AbstractHttpConfigurer::disable)
            .requestCache(AbstractHttpConfigurer::disable)
            .headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
                .frameOptions(frame -> frame.deny())
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)));
        return http.build();
    }
}
