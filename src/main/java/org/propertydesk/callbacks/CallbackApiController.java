package org.propertydesk.callbacks;

import java.net.URI;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.propertydesk.shared.api.ApiController;
import org.propertydesk.shared.api.ApiPage;
import org.propertydesk.shared.api.ApiProblems;
import org.propertydesk.shared.api.ApiValidationException;
import org.propertydesk.shared.api.ApiVersions;
import org.propertydesk.shared.web.BusinessRuleException;
import org.propertydesk.shared.web.NotFoundException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Callbacks (回访) and ratings for API clients: the front desk's queue, the calls and what the owner said, and the
 * owner's stars recorded by staff. The pages' roles and site rule apply (another site's callback or request is "not
 * found"). A refusal that belongs to one field of the body is a 400 with {@code errors}; a callback already finished
 * or a request that cannot be rated (yet, or again) is 409 with the reason in {@code detail}.
 */
@ApiController
@PreAuthorize(CallbackApiController.CALLERS)
@Tag(name = "Callbacks", description = "Callbacks after resolution, and ratings of requests")
class CallbackApiController {

    /** Who calls owners back and records their ratings. */
    static final String CALLERS = "hasAnyRole('ADMIN','MANAGER','FRONT_DESK')";

    static final int MAX_PAGE_SIZE = 100;

    /** Refusals of the domain that belong to one field of the body. */
    private static final Map<String, String> FIELDS = Map.of(
            "callback.error.satisfactionRequired", "satisfaction",
            "callback.error.answerRequired", "satisfaction",
            "callback.error.callBackAt", "callBackAt",
            "rating.error.overallRequired", "overall",
            "rating.error.stars", "overall",
            "rating.error.commentTooLong", "comment");

    private final CallbackApiService api;
    private final ApiProblems problems;

    CallbackApiController(CallbackApiService api, ApiProblems problems) {
        this.api = api;
        this.problems = problems;
    }

    @GetMapping("/api/v1/callbacks")
    @Operation(summary = "The callback queue of the caller's sites",
            description = "`status` DUE (default): every callback still due, the earliest due first; TODAY: due by "
                    + "the end of today (overdue included); OVERDUE: past their due time; FINISHED: done, unreachable "
                    + "or no longer needed, the latest first. `size` is at most " + MAX_PAGE_SIZE + ".")
    ApiPage<CallbackApiJson.CallbackSummary> list(
            @Parameter(description = "DUE, TODAY, OVERDUE or FINISHED")
            @RequestParam(defaultValue = "DUE") CallbackQueue.When status,
            @Parameter(description = "Only this site; a site the caller does not serve lists nothing")
            @RequestParam(required = false) @Positive Long siteId,
            @Parameter(description = "Zero-based page number") @RequestParam(defaultValue = "0") @Min(0) int page,
            @Parameter(description = "Page size, 1 to " + MAX_PAGE_SIZE) @RequestParam(defaultValue = "20") @Min(1) int size) {
        return api.list(status, siteId, PageRequest.of(page, Math.min(size, MAX_PAGE_SIZE)));
    }

    @GetMapping("/api/v1/callbacks/{id}")
    @Operation(summary = "A callback with its calls",
            description = "With the request's status and its latest resolution (what was done, by whom). The ETag is "
                    + "the callback's version.")
    ResponseEntity<CallbackApiJson.CallbackJson> get(@PathVariable long id) {
        CallbackApiJson.CallbackJson callback = api.get(id);
        return ResponseEntity.ok().eTag(ApiVersions.etag(callback.version())).body(callback);
    }

    @PostMapping("/api/v1/callbacks/{id}/attempts")
    @Operation(summary = "Record a call",
            description = "REACHED ends the callback with what the owner said: satisfied (and solved) closes the "
                    + "request; not solved or unsatisfied reopens it (back to its technician, if work orders did it) "
                    + "and tells the site's managers. NO_ANSWER, WRONG_NUMBER and REFUSED count as failed; after the "
                    + "configured number the callback ends as UNREACHABLE and the request stays resolved. CALL_LATER "
                    + "needs a future `callBackAt`. The answer is the callback with `requestStatus` after the call. "
                    + "Send the version from the ETag as `If-Match` to have the call refused (412) if someone else "
                    + "recorded one meanwhile.")
    @ApiResponse(responseCode = "409", description = "The callback is no longer due")
    @ApiResponse(responseCode = "412", description = "If-Match does not match the callback's version")
    ResponseEntity<CallbackApiJson.CallbackJson> attempt(@PathVariable long id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @Valid @RequestBody CallbackApiJson.NewAttempt body) {
        ApiValidationException.Collector errors = new ApiValidationException.Collector();
        if (body.outcome() != AttemptOutcome.REACHED) {
            if (body.solved() != null) {
                errors.add("solved", "api.callback.onlyWhenReached");
            }
            if (body.satisfaction() != null) {
                errors.add("satisfaction", "api.callback.onlyWhenReached");
            }
            if (body.comment() != null && !body.comment().isBlank()) {
                errors.add("comment", "api.callback.onlyWhenReached");
            }
        }
        if (body.outcome() != AttemptOutcome.CALL_LATER && body.callBackAt() != null) {
            errors.add("callBackAt", "api.callback.onlyWithCallLater");
        }
        errors.throwIfAny();
        CallbackApiJson.CallbackJson callback = api.attempt(id, body, ApiVersions.expectedVersion(ifMatch));
        return ResponseEntity.ok().eTag(ApiVersions.etag(callback.version())).body(callback);
    }

    @PostMapping("/api/v1/requests/{id}/rating")
    @Operation(summary = "Record the owner's rating of a request",
            description = "One rating per request, once it is resolved; recorded by the caller with channel STAFF. "
                    + "Stars go from 1 to 5, `overall` is required. A rating of 2 or less puts an internal note on "
                    + "the request's timeline and tells the site's managers to follow up.")
    @ApiResponse(responseCode = "201", description = "Recorded; Location is the request's rating")
    @ApiResponse(responseCode = "409", description = "The request is not resolved, or already rated")
    ResponseEntity<CallbackApiJson.RatingJson> rate(@PathVariable long id,
            @Valid @RequestBody CallbackApiJson.NewRating body) {
        CallbackApiJson.RatingJson rating;
        try {
            rating = api.rate(id, body.stars());
        } catch (DataIntegrityViolationException ratedMeanwhile) {
            throw new BusinessRuleException("rating.error.alreadyRated");
        }
        return ResponseEntity.created(URI.create("/api/v1/requests/" + id + "/rating")).body(rating);
    }

    @GetMapping("/api/v1/requests/{id}/rating")
    @Operation(summary = "A request's rating", description = "404 if the request was not rated (yet).")
    CallbackApiJson.RatingJson rating(@PathVariable long id) {
        return api.rating(id).orElseThrow(() -> new NotFoundException("RequestRating", id));
    }

    @ExceptionHandler(BusinessRuleException.class)
    ResponseEntity<ProblemDetail> refused(BusinessRuleException refused, HttpServletRequest request) {
        String field = FIELDS.get(refused.messageKey());
        if (field != null) {
            ProblemDetail problem = problems.validation(request, java.util.List.of(new ApiProblems.FieldMessage(field,
                    problems.text(refused.messageKey(), refused.arguments(), request))));
            return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        if ("error.concurrentChange".equals(refused.messageKey())) {
            return problems.refused(refused, HttpStatus.PRECONDITION_FAILED, ApiProblems.PRECONDITION_FAILED, request);
        }
        return problems.refused(refused, HttpStatus.CONFLICT, ApiProblems.ILLEGAL_TRANSITION, request);
    }
}
