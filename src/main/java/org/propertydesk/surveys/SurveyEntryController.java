package org.propertydesk.surveys;


import org.propertydesk.shared.security.CurrentUser;
import org.propertydesk.shared.time.Dates;
import org.propertydesk.shared.web.BusinessRuleException;
import org.propertydesk.shared.web.Flash;
import org.propertydesk.shared.web.NotFoundException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff enter a paper or phone answer on an owner's behalf: the house, who answered, how, and the answers. */
@Controller
@RequestMapping("/surveys/{id}/answer")
@PreAuthorize(SurveyAccess.ENTRY)
class SurveyEntryController {

    private final Questionnaires questionnaires;
    private final SurveyResponses responses;
    private final HouseFinder houses;
    private final Dates dates;

    SurveyEntryController(Questionnaires questionnaires, SurveyResponses responses, HouseFinder houses, Dates dates) {
        this.questionnaires = questionnaires;
        this.responses = responses;
        this.houses = houses;
        this.dates = dates;
    }

    @GetMapping
    String form(@PathVariable long id, @RequestParam long houseId, Model model, RedirectAttributes redirect) {
        Questionnaire q = questionnaires.get(id);
        if (!q.acceptsAnswersOn(dates.today())) {
            Flash.error(redirect, "survey.error.notAccepting");
            return "redirect:/surveys/" + id;
        }
        HouseFinder.FoundHouse house = house(q, houseId);
        return page(q, house, AnswerValues.empty(), null, null, null, model);
    }

    @PostMapping
    String submit(@PathVariable long id, @RequestParam long houseId, @RequestParam(required = false) Long customerId,
            @RequestParam(required = false) String channel, jakarta.servlet.http.HttpServletRequest request,
            Model model, RedirectAttributes redirect) {
        Questionnaire q = questionnaires.get(id);
        HouseFinder.FoundHouse house = house(q, houseId);
        AnswerValues values = SurveyResponses.valuesFrom(q, request.getParameterMap());
        SurveyResponses.check(q, values);
        HouseFinder.Occupant respondent = customerId == null ? null
                : house.occupants().stream().filter(o -> o.customerId() == customerId).findFirst().orElse(null);
        if (respondent == null) {
            values.flag("customerId", "survey.answer.respondentRequired");
        }
        ResponseChannel how = "PAPER".equals(channel) ? ResponseChannel.PAPER
                : "PHONE".equals(channel) ? ResponseChannel.PHONE : null;
        if (how == null) {
            values.flag("channel", "survey.answer.channelRequired");
        }
        if (values.hasErrors()) {
            return page(q, house, values, customerId, channel, null, model);
        }
        try {
            responses.save(q, new SurveyResponses.Respondent(house.houseId(), house.siteId(), respondent.customerId(),
                    respondent.name(), how), values);
        } catch (BusinessRuleException refused) {
            return page(q, house, values, customerId, channel, refused.messageKey(), model);
        }
        Flash.success(redirect, "survey.answer.saved", house.code());
        return "redirect:/surveys/" + id;
    }

    private HouseFinder.FoundHouse house(Questionnaire q, long houseId) {
        return houses.house(q, houseId, CurrentUser.siteScope())
                .orElseThrow(() -> new NotFoundException("House", houseId));
    }

    private String page(Questionnaire q, HouseFinder.FoundHouse house, AnswerValues values, Long customerId,
            String channel, String refusal, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("house", house);
        model.addAttribute("values", values);
        model.addAttribute("customerId", customerId);
        model.addAttribute("channel", channel);
        model.addAttribute("refusal", refusal);
        model.addAttribute("alreadyAnswered", !q.isPerPerson() && responses.answered(q, house.houseId(), null));
        return "surveys/entry";
    }
}
