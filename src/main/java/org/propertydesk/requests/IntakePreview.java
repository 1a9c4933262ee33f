package org.propertydesk.requests;

import java.util.List;
import java.util.Locale;

import org.propertydesk.shared.security.CurrentUser;
import org.propertydesk.shared.time.Dates;
import org.propertydesk.shared.web.BusinessRuleException;

/**
 * What the agent sees before saving: the priority after any care-flag raise, "acknowledge by 10:15, on site by
 * 10:30", open requests of the same house to add this call to instead, and whether it is a repeat problem.
 */
record IntakePreview(Priority priority, String raisedReason, SlaPlan plan, List<ServiceRequest> openForHouse,
        Long repeatOfId, List<ReplyTemplates.Filled> templates) {

    static final IntakePreview EMPTY = new IntakePreview(null, null, null, List.of(), null, List.of());

    static IntakePreview of(IntakeForm form, RequestService service, ReplyTemplates replies, Dates dates, Locale locale) {
        if (form.getKind() == null || form.getCategoryCode() == null || form.getCategoryCode().isBlank()
                || form.getSiteId() == null || !CurrentUser.siteScope().includes(form.getSiteId())) {
            return EMPTY;
        }
        try {
            IntakeCommand command = new IntakeCommand(form.getKind(), form.getCategoryCode(), form.getChannel(),
                    form.getSiteId(), form.getPriority(), form.getScope(), form.getHouseId(), form.getCustomerId(), null,
                    null, "", null, form.getPreferredTo() == null ? null : form.getPreferredTo().atZone(dates.zone()).toInstant(),
                    null);
            RequestService.Assessment assessment = service.assess(command, CurrentUser.siteScope());
            List<ServiceRequest> open = form.getHouseId() == null ? List.of()
                    : service.openForHouse(form.getHouseId(), form.getCategoryCode());
            List<ReplyTemplates.Filled> templates = form.getKind() == RequestKind.INQUIRY
                    ? replies.filledFor(form.getCategoryCode(), form.getCustomerId(), form.getHouseId(), form.getSiteId(), locale)
                    : List.of();
            return new IntakePreview(assessment.priority(), assessment.raisedReason(), assessment.plan(), open,
                    assessment.repeatOfId(), templates);
        } catch (BusinessRuleException notYetComplete) {
            return EMPTY;
        }
    }
}
