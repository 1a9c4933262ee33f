package org.propertydesk.callbacks;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.propertydesk.notifications.Notifications;
import org.propertydesk.requests.RequestEvents;
import org.propertydesk.requests.RequestKind;
import org.propertydesk.requests.RequestStatus;
import org.propertydesk.requests.RequestWork;
import org.propertydesk.shared.security.CurrentUser;
import org.propertydesk.shared.security.Role;
import org.propertydesk.shared.time.Dates;
import org.propertydesk.shared.web.BusinessRuleException;
import org.propertydesk.shared.web.NotFoundException;
import org.propertydesk.staff.StaffDirectory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes callbacks due when requests are resolved, and turns what the owner says into the request's next step:
 * satisfied closes it, not solved or unsatisfied reopens and escalates it, unreachable leaves it resolved (to close by
 * itself later) with the failed calls counted.
 */
@Service
@Transactional
class CallbackService {

    private final CallbackRepository callbacks;
    private final CallbackSettingRepository settings;
    private final RequestWork requests;
    private final StaffDirectory staff;
    private final Notifications notifications;
    private final Dates dates;

    CallbackService(CallbackRepository callbacks, CallbackSettingRepository settings, RequestWork requests,
            StaffDirectory staff, Notifications notifications, Dates dates) {
        this.callbacks = callbacks;
        this.settings = settings;
        this.requests = requests;
        this.staff = staff;
        this.notifications = notifications;
        this.dates = dates;
    }

    /** In the transaction that resolved the request: its callback is due from the same moment. */
    @EventListener
    void on(RequestEvents.RequestStatusChanged changed) {
        if (changed.requestId() == null) {
            return;
        }
        if (changed.to() == RequestStatus.RESOLVED) {
            resolved(changed);
        } else if (changed.from() == RequestStatus.RESOLVED) {
            callbacks.findFirstByRequestIdAndStatus(changed.requestId(), CallbackStatus.DUE)
                    .ifPresent(callback -> callback.cancel(caller(), dates.now()));
        }
    }

    private void resolved(RequestEvents.RequestStatusChanged changed) {
        CallbackSetting setting = settings.effective(changed.siteId());
        int round = requests.find(changed.requestId()).map(RequestWork.Job::reopenCount).orElse(0);
        if (!needsCallback(changed.kind(), changed.requestId(), round, setting)) {
            return;
        }
        Instant due = requests.plusBusinessTime(changed.siteId(), changed.at(),
                Duration.ofHours(setting.getDueBusinessHours()));
        callbacks.save(new Callback(changed.requestId(), round, changed.siteId(), due));
    }

    /**
     * Complaints always; repairs at the site's sample rate, picked by a hash of the request so the choice is fair,
     * repeatable and needs no state; inquiries if the site asks for them.
     */
    static boolean needsCallback(RequestKind kind, long requestId, int round, CallbackSetting setting) {
        return switch (kind) {
            case COMPLAINT -> true;
            case REPAIR -> Math.floorMod(requestId * 7919L + round * 31L, 100) < setting.getRepairSamplePercent();
            case INQUIRY -> setting.isInquiryCallbacks();
        };
    }

    /** A call that did not reach the owner. */
    Callback attempt(long callbackId, AttemptOutcome outcome, Instant callBackAt, String note, Long expectedVersion) {
        Callback callback = mine(callbackId, expectedVersion);
        callback.attempt(outcome, callBackAt, note, caller(), dates.now(),
                settings.effective(callback.getSiteId()).getMaxFailedAttempts());
        if (callback.getStatus() == CallbackStatus.UNREACHABLE) {
            requests.callbackDone(callback.getRequestId(), "callback.status.UNREACHABLE · "
                    + callback.getFailedAttempts());
        }
        return callback;
    }

    /** The owner was reached: satisfied closes the request, anything else sends it back to work and escalates. */
    Callback reached(long callbackId, Callback.Answer answer, String note, Long expectedVersion) {
        Callback callback = mine(callbackId, expectedVersion);
        callback.reached(answer, note, caller(), dates.now());
        String said = (answer.solved() ? "callback.solved.TRUE" : "callback.solved.FALSE") + " · callback.satisfaction."
                + answer.satisfaction() + (callback.getComment() == null ? "" : " · " + callback.getComment());
        requests.callbackDone(callback.getRequestId(), said);
        if (answer.sendsBack()) {
            requests.reopen(callback.getRequestId(), said);
            RequestWork.Job job = requests.find(callback.getRequestId()).orElseThrow();
            List<StaffDirectory.StaffContact> siteManagers = staff.withRoleServing(Role.MANAGER, job.siteId());
            List<String> managers = new ArrayList<>(siteManagers.stream().map(StaffDirectory.StaffContact::username)
                    .toList());
            notifications.send(managers, "ESCALATION", "notification.callbackSentBack",
                    List.of(job.number(), callback.getComment() == null ? "—" : callback.getComment()),
                    "/requests/" + job.id());
            List<String> names = siteManagers.stream().map(StaffDirectory.StaffContact::displayName).toList();
            requests.note(job.id(), "callback.escalated.TRUE → " + (names.isEmpty() ? "—" : String.join(", ", names)),
                    true);
        } else {
            requests.close(callback.getRequestId(), null);
        }
        return callback;
    }

    /** The callback, if the current user serves its site; a stale version is refused. */
    private Callback mine(long callbackId, Long expectedVersion) {
        Callback callback = callbacks.findById(callbackId)
                .filter(c -> CurrentUser.siteScope().includes(c.getSiteId()))
                .orElseThrow(() -> new NotFoundException("Callback", callbackId));
        BusinessRuleException.requireVersion(expectedVersion, callback.getVersion());
        return callback;
    }

    private static Callback.Caller caller() {
        return new Callback.Caller(CurrentUser.username(), CurrentUser.displayName());
    }
}
