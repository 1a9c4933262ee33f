package org.propertydesk.requests;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * The due times of a request's targets, and the moments they become "at risk" (a share of the time used up,
 * 80 % by default). Computed at intake, and again when the kind or priority changes.
 */
record SlaPlan(Instant dueAcknowledge, Instant riskAcknowledge, Instant dueArrival, Instant riskArrival,
        Instant dueResolve, Instant riskResolve) {

    static SlaPlan compute(SlaPolicy policy, BusinessCalendar clock, Instant start, Instant preferredTo,
            double riskFraction) {
        Instant dueAcknowledge = clock.plus(start, minutes(policy.getResponseMinutes()));
        Instant riskAcknowledge = clock.plus(start, share(minutes(policy.getResponseMinutes()), riskFraction));
        Instant dueArrival = null;
        Instant riskArrival = null;
        if (policy.getKind() == RequestKind.REPAIR) {
            if (preferredTo != null && preferredTo.isAfter(start) && policy.getPriority().ordinal() >= Priority.NORMAL.ordinal()) {
                dueArrival = preferredTo;
                riskArrival = start.plus(share(Duration.between(start, preferredTo), riskFraction));
            } else if (policy.isArrivalNextBusinessDay()) {
                dueArrival = clock.endOfNextBusinessDay(start);
                riskArrival = clock.plus(start, share(clock.between(start, dueArrival), riskFraction));
            } else if (policy.getArrivalMinutes() != null) {
                dueArrival = clock.plus(start, minutes(policy.getArrivalMinutes()));
                riskArrival = clock.plus(start, share(minutes(policy.getArrivalMinutes()), riskFraction));
            }
        }
        Instant dueResolve = clock.plus(start, minutes(policy.getResolutionMinutes()));
        Instant riskResolve = clock.plus(start, share(minutes(policy.getResolutionMinutes()), riskFraction));
        if (dueArrival != null && dueResolve.isBefore(dueArrival)) {
            dueResolve = dueArrival;
            riskResolve = riskArrival;
        }
        return new SlaPlan(dueAcknowledge, riskAcknowledge, dueArrival, riskArrival, dueResolve, riskResolve);
    }

    /**
     * This plan with the arrival and resolution due no later than the ceiling: a customer with special needs is
     * answered within 72 hours whatever the category's own targets, and the ceiling turns "at risk" at the same share
     * of the time as any target.
     */
    SlaPlan cappedAt(Instant start, Duration ceiling, double riskFraction) {
        Instant latest = start.plus(ceiling);
        Instant risk = start.plus(share(ceiling, riskFraction));
        boolean arrivalCapped = dueArrival != null && dueArrival.isAfter(latest);
        boolean resolveCapped = dueResolve.isAfter(latest);
        return new SlaPlan(dueAcknowledge, riskAcknowledge,
                arrivalCapped ? latest : dueArrival, arrivalCapped ? risk : riskArrival,
                resolveCapped ? latest : dueResolve, resolveCapped ? risk : riskResolve);
    }

    /**
     * The same plan with the given targets pushed back by time spent on hold, measured on the policy's clock. Targets
     * already met keep their due time: a late acknowledgement stays late whatever happens afterwards.
     */
    SlaPlan delayedBy(BusinessCalendar clock, Duration held, Set<SlaTarget> targets) {
        if (held.isZero() || targets.isEmpty()) {
            return this;
        }
        boolean ack = targets.contains(SlaTarget.ACKNOWLEDGE);
        boolean arrival = targets.contains(SlaTarget.ARRIVAL) && dueArrival != null;
        boolean resolve = targets.contains(SlaTarget.RESOLVE);
        return new SlaPlan(ack ? clock.plus(dueAcknowledge, held) : dueAcknowledge,
                ack ? clock.plus(riskAcknowledge, held) : riskAcknowledge,
                arrival ? clock.plus(dueArrival, held) : dueArrival,
                arrival ? clock.plus(riskArrival, held) : riskArrival,
                resolve ? clock.plus(dueResolve, held) : dueResolve,
                resolve ? clock.plus(riskResolve, held) : riskResolve);
    }

    /** This plan, with the given targets taken from another one. */
    SlaPlan withTargetsFrom(SlaPlan other, Set<SlaTarget> targets) {
        boolean ack = targets.contains(SlaTarget.ACKNOWLEDGE);
        boolean arrival = targets.contains(SlaTarget.ARRIVAL);
        boolean resolve = targets.contains(SlaTarget.RESOLVE);
        return new SlaPlan(ack ? other.dueAcknowledge : dueAcknowledge, ack ? other.riskAcknowledge : riskAcknowledge,
                arrival ? other.dueArrival : dueArrival, arrival ? other.riskArrival : riskArrival,
                resolve ? other.dueResolve : dueResolve, resolve ? other.riskResolve : riskResolve);
    }

    private static Duration minutes(int minutes) {
        return Duration.ofMinutes(minutes);
    }

    private static Duration share(Duration duration, double fraction) {
        return Duration.ofSeconds(Math.round(duration.toSeconds() * fraction));
    }
}
