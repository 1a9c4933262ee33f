package org.propertydesk.portal;

import org.propertydesk.shared.time.Dates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Forgets old attempts at public forms, so the table holds only what the rate limits still count. */
@Component
class PublicAttemptsPruning {

    private static final Logger log = LoggerFactory.getLogger(PublicAttemptsPruning.class);

    private final PublicAttempts attempts;
    private final Dates dates;

    PublicAttemptsPruning(PublicAttempts attempts, Dates dates) {
        this.attempts = attempts;
        this.dates = dates;
    }

    @Scheduled(fixedDelayString = "${propertydesk.portal.attempts-prune-interval:PT1H}", initialDelayString = "PT55S")
    void scheduled() {
        try {
            int pruned = attempts.prune(dates.now());
            if (pruned > 0) {
                log.info("Forgot {} old attempt(s) at public forms", pruned);
            }
        } catch (RuntimeException failed) {
            log.error("Could not forget old attempts at public forms; will retry", failed);
        }
    }
}
