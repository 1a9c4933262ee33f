package org.propertydesk.shared.time;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DisplayZoneProperties.class)
class TimeConfiguration {

    /** Tests replace this with a fixed clock; everything that asks "what time is it" asks this bean. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean("dates")
    Dates dates(DisplayZoneProperties properties, Clock clock) {
        return new Dates(properties.zone(), clock);
    }
}
