package org.propertydesk.shared.scheduling;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Background jobs (SLA escalation…) run unless {@code propertydesk.scheduling.enabled=false}. Each job does its work
 * under database guarantees (unique rows, row locks), so several app instances may run it at once.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "propertydesk.scheduling.enabled", havingValue = "true", matchIfMissing = true)
class SchedulingConfiguration {
}
