package org.propertydesk.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * The Spring setup of tests that move time: the whole application on its own embedded PostgreSQL, driven through
 * MockMvc, with a {@link MutableClock} the tests set and move forward. Every such test uses exactly this annotation
 * (directly or through a module's alias), so they share one context and one database; each test creates its own
 * sites, houses and people and asserts only on them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest
@AutoConfigureMockMvc
@Import(ClockedIntegrationTest.ClockConfiguration.class)
public @interface ClockedIntegrationTest {

    /**
     * Replaces the application's system clock with one the tests control. (A {@code @TestConfiguration} is not
     * picked up by component scanning, so other test contexts keep the real clock.)
     */
    @TestConfiguration(proxyBeanMethods = false)
    class ClockConfiguration {

        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock(Instant.parse("2026-03-25T02:00:00Z"));
        }
    }
}
