package org.propertydesk.callbacks;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.propertydesk.requests.RequestKind;
import org.propertydesk.requests.RequestWork;
import org.propertydesk.shared.time.Dates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A resolved request nobody needs to call back closes by itself after the site's number of days: the owner had that
 * long to say it is not fixed. A complaint closes this way only after its callback found the owner unreachable.
 */
@Component
class AutoClose {

    private static final Logger log = LoggerFactory.getLogger(AutoClose.class);
    static final int BATCH = 200;

    private final RequestWork requests;
    private final CallbackRepository callbacks;
    private final CallbackSettingRepository settings;
    private final TransactionTemplate transaction;
    private final Dates dates;

    AutoClose(RequestWork requests, CallbackRepository callbacks, CallbackSettingRepository settings,
            TransactionTemplate transaction, Dates dates) {
        this.requests = requests;
        this.callbacks = callbacks;
        this.settings = settings;
        this.transaction = transaction;
        this.dates = dates;
    }

    @Scheduled(fixedDelayString = "${propertydesk.callbacks.auto-close-interval:PT15M}", initialDelayString = "PT50S")
    void scheduled() {
        int closed = closeQuietOnes();
        if (closed > 0) {
            log.info("Closed {} resolved request(s) that needed no callback", closed);
        }
    }

    private boolean closeIfQuiet(RequestWork.Job job, int days, Instant now) {
        if (job.resolvedAt().plus(Duration.ofDays(days)).isAfter(now)) {
            return false;
        }
        try {
            return Boolean.TRUE.equals(transaction.execute(status -> {
                if (callbacks.findFirstByRequestIdAndStatus(job.id(), CallbackStatus.DUE).isPresent()
                        || (job.kind() == RequestKind.COMPLAINT && callbacks
                                .findFirstByRequestIdAndStatus(job.id(), CallbackStatus.UNREACHABLE).isEmpty())) {
                    return false;
                }
                requests.close(job.id(), "callback.autoClose.TRUE");
                return true;
            }));
        } catch (RuntimeException failed) {
            log.error("Could not close request {}; will retry", job.number(), failed);
            return false;
        }
    }

    /** Closes what is due to close now; each request in its own transaction. Returns how many closed. */
    int closeQuietOnes() {
        Instant now = dates.now();
        Map<Long, CallbackSetting> bySite = settings.findAll().stream()
                .filter(s -> s.getSiteId() != null).collect(Collectors.toMap(CallbackSetting::getSiteId, Function.identity()));
        CallbackSetting fallback = settings.findDefault();
        int shortest = bySite.values().stream().mapToInt(CallbackSetting::getAutoCloseDays)
                .reduce(fallback.getAutoCloseDays(), Math::min);
        int closed = 0;
        long after = 0;
        List<RequestWork.Job> batch;
        do {
            batch = requests.resolvedBefore(now.minus(Duration.ofDays(shortest)), after, BATCH);
            for (RequestWork.Job job : batch) {
                after = job.id();
                closed += closeIfQuiet(job, bySite.getOrDefault(job.siteId(), fallback).getAutoCloseDays(), now) ? 1 : 0;
            }
        } while (batch.size() == BATCH);
        return closed;
    }
}
