package org.propertydesk.care;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps running rounds up to date without anyone opening them: a new month's round starts, and households that came
 * into a target group (a birthday month, a move-in) join it, so the dashboard's coverage counts them.
 */
@Component
class CareTaskRefresh {

    private final CareTasks tasks;

    CareTaskRefresh(CareTasks tasks) {
        this.tasks = tasks;
    }

    @Scheduled(fixedDelayString = "${propertydesk.care.refresh-interval:PT1H}", initialDelayString = "PT60S")
    void refresh() {
        tasks.refreshAll();
    }
}
