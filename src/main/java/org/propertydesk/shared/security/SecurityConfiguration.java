package org.propertydesk.shared.security;

import org.propertydesk.shared.api.ApiLoginThrottle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Form login for people; every page needs a login except the login page itself, static assets, health probes, signed
 * links, portal activation and QR-code reports. Staff pages need a staff role and the portal the owner role, so an
 * owner's account can never reach a staff page whatever its own checks; which staff role may do what is decided per
 * module with {@code @PreAuthorize} on controllers, next to the code it guards.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    private static final String[] STAFF_ROLES = Role.STAFF_ROLES.stream().map(Role::name).toArray(String[]::new);

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; object-src 'none'; "
            + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    SecurityFilterChain webSecurity(HttpSecurity http, UserDetailsService accounts, ApiLoginThrottle throttle)
            throws Exception {
        http
            .addFilterBefore(new LoginThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class)
            .addFilterBefore(new CurrentAccountFilter(accounts), AuthorizationFilter.class)
            .authorizeHttpRequests(requests -> requests
                .requestMatchers("/login", "/webjars/**", "/css/**", "/js/**", "/img/**", "/favicon.ico", "/error",
                        "/actuator/health/**").permitAll()
                // pages opened from a signed link sent to an owner (rate a request, answer a survey): the link is the key
                .requestMatchers("/s/**").permitAll()
                // an owner activates their account with a code; anyone reports a problem at a QR code's place
                .requestMatchers("/portal/activate", "/portal/reset", "/r/**").permitAll()
                .requestMatchers("/portal/**").hasRole("OWNER")
                .requestMatchers("/actuator/**").hasRole("ADMIN")
                .requestMatchers("/").authenticated()
                // everything else is staff work: an owner's account opens the portal and nothing more
                .anyRequest().hasAnyRole(STAFF_ROLES))
            .formLogin(form -> form.loginPage("/login").permitAll()
                .successHandler((request, response, authentication) -> {
                    throttle.succeeded(authentication.getName());
                    new SavedRequestAwareAuthenticationSuccessHandler().onAuthenticationSuccess(request, response, authentication);
                })
                .failureHandler((request, response, exception) -> {
                    String username = request.getParameter("username");
                    throttle.failed(username == null ? "" : username.trim(), request.getRemoteAddr());
                    response.sendRedirect(request.getContextPath() + "/login?error");
                }))
            .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
            .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
            .headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .frameOptions(frame -> frame.deny())
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
            .csrf(Customizer.withDefaults());
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
