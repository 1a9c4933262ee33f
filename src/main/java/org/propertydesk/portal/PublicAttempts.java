package org.propertydesk.portal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts attempts at public forms per phone number and per address over a window, in the database so that every app
 * instance counts together. An attempt is recorded whether it succeeds or not, in its own transaction, so that a
 * refused attempt still counts.
 */
@Component
class PublicAttempts {

    enum Form {
        ACTIVATE, PUBLIC_REPORT
    }

    private final JdbcClient jdbc;

    PublicAttempts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records an attempt under the key and says whether it is within {@code max} attempts in the window. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public boolean allow(Form form, String key, int max, Duration window, Instant now) {
        jdbc.sql("insert into public_attempt (form, attempt_key, at) values (:form, :key, :at)")
                .param("form", form.name()).param("key", key).param("at", Timestamp.from(now)).update();
        long recent = jdbc.sql("select count(*) from public_attempt where form = :form and attempt_key = :key and at > :since")
                .param("form", form.name()).param("key", key).param("since", Timestamp.from(now.minus(window)))
                .query(Long.class).single();
        return recent <= max;
    }

    /** Forgets attempts older than a day; the windows are shorter. */
    @Transactional
    public int prune(Instant now) {
        return jdbc.sql("delete from public_attempt where at < :before").param("before", Timestamp.from(now.minus(Duration.ofDays(1))))
                .update();
    }
}
