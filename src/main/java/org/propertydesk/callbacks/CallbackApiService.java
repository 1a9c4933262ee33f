package org.propertydesk.callbacks;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.propertydesk.requests.RequestWork;
import org.propertydesk.shared.api.ApiPage;
import org.propertydesk.shared.security.CurrentUser;
import org.propertydesk.shared.time.Dates;
import org.propertydesk.shared.web.NotFoundException;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The callback API's calls, each one transaction that also builds the answer: a callback's attempts load lazily, and
 * the answer shows where the request stands after the call.
 */
@Service
@Transactional
class CallbackApiService {

    private final CallbackQueue queue;
    private final CallbackService service;
    private final CallbackRepository callbacks;
    private final Ratings ratings;
    private final RequestWork requests;
    private final Dates dates;

    CallbackApiService(CallbackQueue queue, CallbackService service, CallbackRepository callbacks, Ratings ratings,
            RequestWork requests, Dates dates) {
        this.queue = queue;
        this.service = service;
        this.callbacks = callbacks;
        this.ratings = ratings;
        this.requests = requests;
        this.dates = dates;
    }

    @Transactional(readOnly = true)
    ApiPage<CallbackApiJson.CallbackSummary> list(CallbackQueue.When when, Long siteId, Pageable pageable) {
        return ApiPage.of(queue.list(when, siteId, CurrentUser.siteScope(), pageable),
                row -> CallbackApiJson.CallbackSummary.of(row.callback(), row.job(), dates.now(), dates.zone()));
    }

    @Transactional(readOnly = true)
    CallbackApiJson.CallbackJson get(long id) {
        return json(callbacks.findById(id).filter(c -> CurrentUser.siteScope().includes(c.getSiteId()))
                .orElseThrow(() -> new NotFoundException("Callback", id)));
    }

    /** A call: reaching the owner records their answer and moves the request on; any other outcome is an attempt. */
    CallbackApiJson.CallbackJson attempt(long id, CallbackApiJson.NewAttempt body, Long expectedVersion) {
        Callback callback = body.outcome() == AttemptOutcome.REACHED
                ? service.reached(id, new Callback.Answer(!Boolean.FALSE.equals(body.solved()), body.satisfaction(),
                        body.comment()), body.note(), expectedVersion)
                : service.attempt(id, body.outcome(), body.callBack(), body.note(), expectedVersion);
        callbacks.flush();
        return json(callback);
    }

    /** Staff record the owner's stars, as said to them (channel STAFF). */
    CallbackApiJson.RatingJson rate(long requestId, RequestRating.Stars stars) {
        return CallbackApiJson.RatingJson.of(ratings.record(requestId, stars, RequestRating.Channel.STAFF),
                dates.zone());
    }

    /** The request's rating, if it was rated; a request of another site is not found. */
    @Transactional(readOnly = true)
    Optional<CallbackApiJson.RatingJson> rating(long requestId) {
        requests.find(requestId).filter(job -> CurrentUser.siteScope().includes(job.siteId()))
                .orElseThrow(() -> new NotFoundException("Request", requestId));
        return ratings.of(requestId).map(r -> CallbackApiJson.RatingJson.of(r, dates.zone()));
    }

    private CallbackApiJson.CallbackJson json(Callback callback) {
        RequestWork.Job job = requests.find(callback.getRequestId()).orElseThrow();
        Map<Long, RequestWork.Resolution> resolutions = requests.resolutions(List.of(callback.getRequestId()));
        return CallbackApiJson.CallbackJson.of(callback, job, resolutions.get(callback.getRequestId()), dates.now(),
                dates.zone());
    }
}
