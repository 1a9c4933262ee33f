package org.propertydesk.shared.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.propertydesk.shared.security.CurrentUser;
import org.propertydesk.shared.security.PropertyDeskUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Writes an audit log entry for every change a staff member makes and every page or export of personal data they
 * open: who, which handler on which path, when, the answer's status and the address it came from. Form bodies are
 * never logged (passwords, ID numbers); a read's query string is, since it says what was looked for.
 * Owners' own actions are on their requests' timelines, not here.
 */
@Component
class AuditTrail implements HandlerInterceptor {

    private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
    /** Reads that show personal data: customers, houses and who lives there, caller lookup, every export. */
    private static final List<String> PERSONAL_DATA = List.of("/records/", "/api/v1/customers", "/owner-accounts/",
            "/audit");
    private static final int MAX = 500;

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditTrail(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception failure) {
        if (!(handler instanceof HandlerMethod method)) {
            return;
        }
        PropertyDeskUser user = CurrentUser.find().filter(found -> !found.isOwner()).orElse(null);
        if (user == null) {
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean read = READS.contains(request.getMethod());
        if (read && !showsPersonalData(path)) {
            return;
        }
        try {
            jdbc.sql("""
                    insert into audit_log (at, username, method, path, query, action, status, remote_addr)
                    values (:at, :username, :method, :path, :query, :action, :status, :remoteAddr)""")
                    .param("at", Timestamp.from(clock.instant()))
                    .param("username", user.getUsername())
                    .param("method", request.getMethod())
                    .param("path", cut(path))
                    .param("query", read ? cut(request.getQueryString()) : null)
                    .param("action", cut(method.getBeanType().getSimpleName() + "." + method.getMethod().getName()))
                    .param("status", response.getStatus())
                    .param("remoteAddr", cut(request.getRemoteAddr()))
                    .update();
        } catch (RuntimeException notWritten) {
            log.error("Audit log entry not written for {} {} by {}", request.getMethod(), path, user.getUsername(),
                    notWritten);
        }
    }

    private static boolean showsPersonalData(String path) {
        return path.contains("/export") || PERSONAL_DATA.stream().anyMatch(path::startsWith);
    }

    private static String cut(String text) {
        return text == null || text.length() <= MAX ? text : text.substring(0, MAX);
    }
}
