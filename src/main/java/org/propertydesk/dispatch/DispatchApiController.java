package org.propertydesk.dispatch;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.propertydesk.shared.api.ApiController;
import org.propertydesk.shared.api.ApiProblems;
import org.propertydesk.shared.api.ApiValidationException;
import org.propertydesk.shared.web.BusinessRuleException;
import org.springframework.context.i18n.LocaleContextHolder;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;

/**
 * Dispatch for API clients: dispatchers get ranked suggestions and assign; technicians list their jobs and take
 * them through their steps from a phone. The pages' roles and site rule apply (another site's request, or another
 * technician's work order, is "not found"). A refusal that belongs to one field of the body is a 400 with
 * {@code errors}; any other refusal is a move the state does not allow, 409, with the reason in {@code detail}.
 */
@ApiController
@Tag(name = "Dispatch", description = "Suggestions, work orders and the technician's steps")
class DispatchApiController {

    /** Those who see work orders: readers see their sites', technicians their own. */
    private static final String WORKERS = DispatchAccess.READERS + " or " + DispatchAccess.TECHNICIANS;

    /** Refusals of the domain that belong to one field of the body. */
    private static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("dispatch.error.chooseTechnician", "technicianId"),
            Map.entry("dispatch.error.notATechnician", "technicianId"),
            Map.entry("dispatch.error.technicianNotServing", "technicianId"),
            Map.entry("dispatch.error.teamNotFound", "teamId"),
            Map.entry("dispatch.error.teamNotServing", "teamId"),
            Map.entry("workOrder.error.reasonRequired", "reason"),
            Map.entry("workOrder.error.expectedInPast", "expectedResumeAt"),
            Map.entry("workOrder.error.workDoneRequired", "note"),
            Map.entry("workOrder.error.labourMinutes", "labourMinutes"),
            Map.entry("workOrder.error.charge", "charge"),
            Map.entry("workOrder.error.paidUnknown", "chargePaid"),
            Map.entry("workOrder.error.confirmationRequired", "confirmedBy"),
            Map.entry("workOrder.error.quantity", "materials"),
            Map.entry("workOrder.error.unknownMaterial", "materials"),
            Map.entry("workOrder.error.photoOnly", "photos"),
            Map.entry("workOrder.error.tooManyPhotos", "photos"),
            Map.entry("file.error.empty", "photos"),
            Map.entry("file.error.tooLarge", "photos"),
            Map.entry("file.error.type", "photos"));

    private final WorkOrderApiService api;
    private final ApiProblems problems;

    DispatchApiController(WorkOrderApiService api, ApiProblems problems) {
        this.api = api;
        this.problems = problems;
    }

    @GetMapping("/api/v1/requests/{id}/suggestions")
    @PreAuthorize(DispatchAccess.DISPATCHERS)
    @Operation(summary = "Technicians ranked for a request",
            description = "The technicians serving the request's site, best first: skill, then who is on duty, the "
                    + "lightest load and arrivals on time; `reasons` explain the score in the caller's language.")
    List<DispatchApiJson.SuggestionJson> suggestions(@PathVariable long id) {
        return api.suggestions(id, LocaleContextHolder.getLocale());
    }

    @PostMapping("/api/v1/requests/{id}/work-orders")
    @PreAuthorize(DispatchAccess.DISPATCHERS)
    @Operation(summary = "Assign a request to a technician or a team",
            description = "201 with Location and the work order. A technician or team that cannot work at the site "
                    + "is a field error. With `expectedActive`, a request someone assigned meanwhile answers 409 "
                    + "naming who took it; a closed request or an inquiry answers 409 too.")
    @ApiResponse(responseCode = "201", description = "Assigned; Location is the work order's URL")
    @ApiResponse(responseCode = "409", description = "Someone else assigned it meanwhile, or the request takes no work orders")
    ResponseEntity<DispatchApiJson.WorkOrderJson> assign(@PathVariable long id,
            @Valid @RequestBody DispatchApiJson.NewWorkOrder body) {
        if (body.technicianId() != null && body.teamId() != null) {
            throw ApiValidationException.of("teamId", "api.workOrder.oneAssignee");
        }
        DispatchApiJson.WorkOrderJson order = api.assign(id, body.assignee(), body.expectedActive());
        return ResponseEntity.created(URI.create("/api/v1/work-orders/" + order.id())).body(order);
    }

    @GetMapping("/api/v1/work-orders")
    @PreAuthorize(WORKERS)
    @Operation(summary = "Work orders: a technician's open jobs, or a request's work orders",
            description = "A technician always gets their own open jobs (and their team's not yet taken), the most "
                    + "pressing first. Dispatchers, managers, admins and front desk give `requestId` for all work "
                    + "orders of that request, or `mine=true` for their own jobs.")
    List<DispatchApiJson.WorkOrderJson> list(
            @Parameter(description = "Only the caller's own open jobs") @RequestParam(defaultValue = "false") boolean mine,
            @Parameter(description = "The request; required unless the caller lists their own jobs")
            @RequestParam(required = false) @Positive Long requestId) {
        if (mine || !WorkOrderApiService.readsAll()) {
            return api.mine(requestId);
        }
        if (requestId == null) {
            throw ApiValidationException.of("requestId", "api.error.required");
        }
        return api.ofRequest(requestId);
    }

    @GetMapping("/api/v1/work-orders/{id}")
    @PreAuthorize(WORKERS)
    @Operation(summary = "A work order",
            description = "For its technician, and for dispatchers, managers, admins and front desk of its site.")
    DispatchApiJson.WorkOrderJson get(@PathVariable long id) {
        return api.get(id);
    }

    @PostMapping("/api/v1/work-orders/{id}/accept")
    @PreAuthorize(DispatchAccess.TECHNICIANS)
    @Operation(summary = "Take the job", description = "On a team's work order, the one who accepts takes it.")
    @ApiResponse(responseCode = "409", description = "The work order's state does not allow this step")
    DispatchApiJson.WorkOrderJson accept(@PathVariable long id) {
        return api.accept(id);
    }

    @PostMapping("/api/v1/work-orders/{id}/decline")
    @PreAuthorize(DispatchAccess.TECHNICIANS)
    @Operation(summary = "Give the job back, with a reason", description = "The dispatchers of the site are told.")
    @ApiResponse(responseCode = "409", description = "The work order's state does not allow this step")
    DispatchApiJson.WorkOrderJson decline(@PathVariable long id, @Valid @RequestBody DispatchApiJson.Decline body) {
        return api.decline(id, body.reason());
    }

    @PostMapping("/api/v1/work-orders/{id}/arrive")
    @PreAuthorize(DispatchAccess.TECHNICIANS)
    @Operation(summary = "Arrive on site", description = "The request is in progress from now.")
    @ApiResponse(responseCode = "409", description = "The work order's state does not allow this step")
    DispatchApiJson.WorkOrderJson arrive(@PathVariable long id) {
        return api.arrive(id);
    }

    @PostMapping("/api/v1/work-orders/{id}/pause")
    @PreAuthorize(DispatchAccess.TECHNICIANS)
    @Operation(summary = "Pause the work, with a reason",
            description = "Waiting for a part or the owner; `expectedResumeAt`, if given, must be in the future.")
    @ApiResponse(responseCode = "409", description = "The work order's state does not allow this step")
    DispatchApiJson.WorkOrderJson pause(@PathVariable long id, @Valid @RequestBody DispatchApiJson.Pause body) {
        return api.pause(id, body.reason(), body.expectedResume());
    }

    @PostMapping("/api/v1/work-orders/{id}/resume")
    @PreAuthorize(DispatchAccess.TECHNICIANS)
    @Operation(summary = "Go on with paused work")
    @ApiResponse(responseCode = "409", description = "The work order's state does not allow this step")
    DispatchApiJson.WorkOrderJson resume(@PathVariable long id) {
        return api.resume(id);
    }

    @PostMapping(path = "/api/v1/work-orders/{id}/complete", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(DispatchAccess.TECHNICIANS)
    @Operation(summary = "Finish the job",
            description = "Materials are priced from the price list; a charge needs `chargePaid`; someone must "
                    + "confirm on site unless `ownerAbsent`. To add after photos, send the same call as "
                    + "multipart/form-data.")
    @ApiResponse(responseCode = "409", description = "The work order's state does not allow this step")
    DispatchApiJson.WorkOrderJson complete(@PathVariable long id, @Valid @RequestBody DispatchApiJson.Completion body) {
        return api.complete(id, body, List.of(), LocaleContextHolder.getLocale());
    }

    @PostMapping(path = "/api/v1/work-orders/{id}/complete", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(DispatchAccess.TECHNICIANS)
    @Operation(summary = "Finish the job with after photos",
            description = "Part `completion` is the completion as JSON (Content-Type application/json), parts "
                    + "`photos` the images, at most " + WorkOrderPhotos.MAX_PER_WORK_ORDER + " per work order. A "
                    + "refused photo refuses the completion too.")
    @ApiResponse(responseCode = "409", description = "The work order's state does not allow this step")
    DispatchApiJson.WorkOrderJson completeWithPhotos(@PathVariable long id,
            @Valid @RequestPart("completion") DispatchApiJson.Completion completion,
            @RequestPart(name = "photos", required = false) List<MultipartFile> photos) {
        return api.complete(id, completion, photos, LocaleContextHolder.getLocale());
    }

    @ExceptionHandler(BusinessRuleException.class)
    ResponseEntity<ProblemDetail> refused(BusinessRuleException refused, HttpServletRequest request) {
        String field = FIELDS.get(refused.messageKey());
        if (field != null) {
            ProblemDetail problem = problems.validation(request, List.of(new ApiProblems.FieldMessage(field,
                    problems.text(refused.messageKey(), refused.arguments(), request))));
            return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        return problems.refused(refused, HttpStatus.CONFLICT,
                refused instanceof WorkOrderService.AlreadyAssignedException ? ApiProblems.CONCURRENT_CHANGE
                        : ApiProblems.ILLEGAL_TRANSITION, request);
    }
}
