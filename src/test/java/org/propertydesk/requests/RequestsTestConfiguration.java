package org.propertydesk.requests;

import java.time.Instant;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Replaces the application's system clock with one the tests control, and provides the test data builder.
 * (A {@code @TestConfiguration} is not picked up by component scanning, so other test contexts keep the real clock.)
 */
@TestConfiguration(proxyBeanMethods = false)
class RequestsTestConfiguration {

    @Bean
    @Primary
    MutableClock mutableClock() {
        return new MutableClock(Instant.parse("2026-03-25T02:00:00Z"));
    }

    @Bean
    RequestsTestData requestsTestData(JdbcClient jdbc, RequestService requests) {
        return new RequestsTestData(jdbc, requests);
    }
}
