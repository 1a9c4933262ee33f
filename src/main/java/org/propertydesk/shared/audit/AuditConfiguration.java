package org.propertydesk.shared.audit;

import java.time.Clock;
import java.util.Optional;

import org.propertydesk.shared.security.CurrentUser;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.auditing.DateTimeProvider;
import org.springframework.data.domain.AuditorAware;
import org.springframework.data.jpa.repository.config.EnableJpaAuditing;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
@EnableJpaAuditing(auditorAwareRef = "auditor", dateTimeProviderRef = "auditClock")
class AuditConfiguration implements WebMvcConfigurer {

    private final AuditTrail trail;

    AuditConfiguration(AuditTrail trail) {
        this.trail = trail;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(trail);
    }

    @Bean
    AuditorAware<String> auditor() {
        return () -> Optional.of(CurrentUser.username());
    }

    @Bean
    DateTimeProvider auditClock(Clock clock) {
        return () -> Optional.of(clock.instant());
    }
}
