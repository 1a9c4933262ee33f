package org.propertydesk.surveys;


import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Opens questionnaires on their opening day and closes them after their closing day (raising improvement tasks). */
@Component
class SurveyJobs {

    private static final Logger log = LoggerFactory.getLogger(SurveyJobs.class);

    private final Questionnaires questionnaires;

    SurveyJobs(Questionnaires questionnaires) {
        this.questionnaires = questionnaires;
    }

    @Scheduled(fixedDelayString = "${propertydesk.surveys.check-interval:PT10M}", initialDelayString = "PT50S")
    void scheduled() {
        try {
            run();
        } catch (RuntimeException failed) {
            log.error("Could not open or close due questionnaires; will retry", failed);
        }
    }

    /** Runs as the system ("system" in the audit columns), not as whoever's thread this is. */
    void run() {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContextHolder.clearContext();
        try {
            questionnaires.openAndCloseDue();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
