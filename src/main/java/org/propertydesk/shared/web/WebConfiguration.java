package org.propertydesk.shared.web;

import java.time.Duration;
import java.util.Locale;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Chinese by default; {@code ?lang=en} or {@code ?lang=zh-CN} switches, and a cookie remembers the choice for a year.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    static final Locale DEFAULT_LOCALE = Locale.SIMPLIFIED_CHINESE;

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("pd_lang");
        resolver.setDefaultLocale(DEFAULT_LOCALE);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieHttpOnly(true);
        return resolver;
    }

    /**
     * Boot registers Thymeleaf's {@link ResourceUrlEncodingFilter} whenever the resource chain is on (webjars-locator-lite
     * turns it on) so that every link a page builds is offered to the static resource resolvers for a versioned URL.
     * Nothing here is versioned, and a link that is no file ({@code /requests/42}) misses their cache and searches the
     * class path again on every page: half the CPU of the request list under load. Registering the filter disabled makes
     * Boot's back off; webjar paths without a version still resolve when the browser asks for them.
     */
    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> unversionedResourceLinks() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> registration =
                new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
        registration.setEnabled(false);
        return registration;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
        interceptor.setParamName("lang");
        interceptor.setIgnoreInvalidLocale(true);
        registry.addInterceptor(interceptor);
    }
}
