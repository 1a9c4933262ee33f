package org.propertydesk.shared.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * Sessions are kept in the database (Spring Session JDBC) so that every instance serves every session and a login
 * survives a restart. A browser's requests can arrive together (a page and its htmx parts, a second tab) and both add
 * the same new attribute, such as the CSRF token right after login: Spring Session's plain insert then fails one of
 * them with a duplicate key, so on PostgreSQL the attribute is upserted instead.
 */
@Configuration(proxyBeanMethods = false)
class SessionStore {

    @Bean
    PostgreSqlJdbcIndexedSessionRepositoryCustomizer upsertSessionAttributes() {
        return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
    }
}
