package org.propertydesk.callbacks;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.media.Schema;

import org.propertydesk.requests.RequestKind;
import org.propertydesk.requests.RequestStatus;
import org.propertydesk.requests.RequestWork;

/**
 * The JSON of the callback and rating API. Instants are written with the offset of the display zone, and read with
 * any offset. Text limits are the callback's and the rating's own, so that a too-long text is refused field by field
 * before the domain sees it.
 */
final class CallbackApiJson {

    private CallbackApiJson() {
    }

    @Schema(name = "CallbackSummary", description = "A callback in the queue, with its request")
    record CallbackSummary(long id, long requestId, String requestNumber, RequestKind requestKind, long siteId,
            @Schema(description = "0 for the first resolution, 1 after the request was reopened and resolved again")
            int round,
            OffsetDateTime dueAt, CallbackStatus status, boolean overdue,
            @Schema(description = "How many calls were made") int attempts,
            @Schema(description = "Calls that did not reach the owner and count towards unreachable")
            int failedAttempts,
            @Schema(description = "When the owner asked to be called back, while due") OffsetDateTime callBackAt) {

        static CallbackSummary of(Callback c, RequestWork.Job job, Instant now, ZoneId zone) {
            return new CallbackSummary(c.getId(), c.getRequestId(), job == null ? null : job.number(),
                    job == null ? null : job.kind(), c.getSiteId(), c.getRound(), at(c.getDueAt(), zone), c.getStatus(),
                    c.isOverdue(now), c.getAttempts().size(), c.getFailedAttempts(), at(c.getCallBackAt(), zone));
        }
    }

    @Schema(name = "Callback", description = "A callback with its calls, what the owner said, and where its request "
            + "stands now")
    record CallbackJson(long id, long requestId, String requestNumber, RequestKind requestKind,
            @Schema(description = "The request's status now: after a reached call CLOSED (satisfied) or REOPENED "
                    + "(not solved or unsatisfied); after the last failed call it stays RESOLVED")
            RequestStatus requestStatus,
            long siteId, int round, OffsetDateTime dueAt, CallbackStatus status, boolean overdue, int failedAttempts,
            OffsetDateTime callBackAt, Boolean solved, Satisfaction satisfaction, String comment,
            OffsetDateTime closedAt, @Schema(description = "Who finished it, by name") String closedBy,
            @Schema(description = "What was done and by whom: the request's latest resolution") ResolutionJson resolution,
            @Schema(description = "The calls, oldest first") List<AttemptJson> attempts, long version) {

        static CallbackJson of(Callback c, RequestWork.Job job, RequestWork.Resolution resolution, Instant now,
                ZoneId zone) {
            return new CallbackJson(c.getId(), c.getRequestId(), job.number(), job.kind(), job.status(),
                    c.getSiteId(), c.getRound(), at(c.getDueAt(), zone), c.getStatus(), c.isOverdue(now),
                    c.getFailedAttempts(), at(c.getCallBackAt(), zone), c.getSolved(), c.getSatisfaction(),
                    c.getComment(), at(c.getClosedAt(), zone), c.getClosedByName(),
                    resolution == null ? null : new ResolutionJson(resolution.note(), resolution.by(),
                            at(resolution.at(), zone)),
                    c.getAttempts().stream().map(a -> AttemptJson.of(a, zone)).toList(), c.getVersion());
        }
    }

    @Schema(name = "CallbackResolution")
    record ResolutionJson(String note, String by, OffsetDateTime at) {
    }

    @Schema(name = "CallbackAttempt", description = "One call")
    record AttemptJson(long id, OffsetDateTime at, @Schema(description = "Who called, by name") String by,
            AttemptOutcome outcome, OffsetDateTime callBackAt, String note) {

        static AttemptJson of(CallbackAttempt a, ZoneId zone) {
            return new AttemptJson(a.getId(), CallbackApiJson.at(a.getAt(), zone), a.getByName(), a.getOutcome(),
                    CallbackApiJson.at(a.getCallBackAt(), zone), a.getNote());
        }
    }

    @Schema(name = "NewCallbackAttempt", description = "How a call went. REACHED needs `satisfaction` (and `solved`, "
            + "true if left out) and ends the callback; CALL_LATER needs a future `callBackAt` and does not count as "
            + "failed; NO_ANSWER, WRONG_NUMBER and REFUSED count as failed.")
    record NewAttempt(
            @NotNull AttemptOutcome outcome,
            @Schema(description = "Only with CALL_LATER, and then required: when the owner wants to be called")
            OffsetDateTime callBackAt,
            @Size(max = Callback.MAX_NOTE) String note,
            @Schema(description = "Only with REACHED: whether the problem is solved; true if left out") Boolean solved,
            @Schema(description = "Only with REACHED, and then required") Satisfaction satisfaction,
            @Schema(description = "Only with REACHED: what the owner said") @Size(max = Callback.MAX_COMMENT)
            String comment) {

        Instant callBack() {
            return callBackAt == null ? null : callBackAt.toInstant();
        }
    }

    @Schema(name = "NewRequestRating", description = "The owner's stars, 1 to 5; overall is required")
    record NewRating(
            @NotNull @Min(1) @Max(5) Integer overall,
            @Min(1) @Max(5) Integer speed,
            @Min(1) @Max(5) Integer attitude,
            @Min(1) @Max(5) Integer quality,
            @Size(max = 1000) String comment) {

        RequestRating.Stars stars() {
            return new RequestRating.Stars(overall, speed, attitude, quality, comment);
        }
    }

    @Schema(name = "RequestRating", description = "A request's one rating")
    record RatingJson(long id, long requestId, int overall, Integer speed, Integer attitude, Integer quality,
            String comment, @Schema(description = "Where it came from: PORTAL, LINK, CALLBACK or STAFF") String channel,
            OffsetDateTime ratedAt,
            @Schema(description = "A rating of 2 or less: a supervisor follows up") boolean low) {

        static RatingJson of(RequestRating r, ZoneId zone) {
            return new RatingJson(r.getId(), r.getRequestId(), r.getOverall(), r.getSpeed(), r.getAttitude(),
                    r.getQuality(), r.getComment(), r.getChannel().name(), at(r.getRatedAt(), zone), r.isLow());
        }
    }

    static OffsetDateTime at(Instant instant, ZoneId zone) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }
}
