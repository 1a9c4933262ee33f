package org.propertydesk.surveys;

import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.propertydesk.shared.security.SiteScope;
import org.propertydesk.shared.time.Dates;
import org.propertydesk.shared.web.BusinessRuleException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The owner's questionnaire page, opened from a signed link without logging in. The link opens only its
 * questionnaire for its house, while the questionnaire is open and until the link expires; anything else (a changed
 * id, an expired or forged link) gets a page that says so.
 */
@Controller
@RequestMapping("/s/survey/{questionnaireId}/{houseId}")
class SurveyLinkController {

    private final SurveyLinks links;
    private final Questionnaires questionnaires;
    private final SurveyResponses responses;
    private final HouseFinder houses;
    private final Dates dates;

    SurveyLinkController(SurveyLinks links, Questionnaires questionnaires, SurveyResponses responses, HouseFinder houses,
            Dates dates) {
        this.links = links;
        this.questionnaires = questionnaires;
        this.responses = responses;
        this.houses = houses;
        this.dates = dates;
    }

    /** What the link opens, or the message key of why it opens nothing. */
    private record Opened(Questionnaire q, HouseFinder.FoundHouse house, String refusal) {
    }

    private Opened open(String questionnaireId, String houseId, String expires, String sig) {
        SurveyLinks.Check check = links.check(questionnaireId, houseId, expires, sig);
        if (check == SurveyLinks.Check.INVALID) {
            return new Opened(null, null, "survey.link.invalid");
        }
        if (check == SurveyLinks.Check.EXPIRED) {
            return new Opened(null, null, "survey.link.expired");
        }
        Optional<Questionnaire> q = questionnaires.find(Long.parseLong(questionnaireId));
        long house = Long.parseLong(houseId);
        Optional<HouseFinder.FoundHouse> found = q.flatMap(questionnaire -> houses.house(questionnaire, house, SiteScope.all()));
        if (q.isEmpty() || found.isEmpty()) {
            return new Opened(null, null, "survey.link.invalid");
        }
        if (!q.get().acceptsAnswersOn(dates.today())) {
            return new Opened(q.get(), null, "survey.link.notOpen");
        }
        if (!q.get().isPerPerson() && responses.answered(q.get(), house, null)) {
            return new Opened(q.get(), null, "survey.answer.alreadyAnswered");
        }
        return new Opened(q.get(), found.get(), null);
    }

    @GetMapping
    String show(@PathVariable String questionnaireId, @PathVariable String houseId,
            @RequestParam(required = false) String expires, @RequestParam(required = false) String sig, Model model,
            HttpServletResponse response) {
        Opened opened = open(questionnaireId, houseId, expires, sig);
        if (opened.refusal() != null) {
            return refused(opened, model, response);
        }
        return page(opened, AnswerValues.empty(), null, expires, sig, null, model);
    }

    @PostMapping
    String submit(@PathVariable String questionnaireId, @PathVariable String houseId,
            @RequestParam(required = false) String expires, @RequestParam(required = false) String sig,
            @RequestParam(required = false) Long customerId, jakarta.servlet.http.HttpServletRequest request, Model model,
            HttpServletResponse response) {
        Opened opened = open(questionnaireId, houseId, expires, sig);
        if (opened.refusal() != null) {
            return refused(opened, model, response);
        }
        Questionnaire q = opened.q();
        HouseFinder.FoundHouse house = opened.house();
        AnswerValues values = SurveyResponses.valuesFrom(q, request.getParameterMap());
        SurveyResponses.check(q, values);
        HouseFinder.Occupant respondent = null;
        if (q.isPerPerson()) {
            respondent = customerId == null ? null
                    : house.occupants().stream().filter(o -> o.customerId() == customerId).findFirst().orElse(null);
            if (respondent == null) {
                values.flag("customerId", "survey.answer.respondentRequired");
            }
        }
        if (values.hasErrors()) {
            return page(opened, values, customerId, expires, sig, null, model);
        }
        try {
            responses.save(q, new SurveyResponses.Respondent(house.houseId(), house.siteId(),
                    respondent == null ? null : respondent.customerId(), respondent == null ? null : respondent.name(),
                    ResponseChannel.LINK), values);
        } catch (BusinessRuleException refused) {
            return page(opened, values, customerId, expires, sig, refused.messageKey(), model);
        }
        model.addAttribute("q", q);
        return "surveys/public/thanks";
    }

    private String refused(Opened opened, Model model, HttpServletResponse response) {
        if ("survey.link.invalid".equals(opened.refusal()) || "survey.link.expired".equals(opened.refusal())) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        }
        model.addAttribute("refusal", opened.refusal());
        model.addAttribute("q", opened.q());
        return "surveys/public/refused";
    }

    private String page(Opened opened, AnswerValues values, Long customerId, String expires, String sig, String refusal,
            Model model) {
        model.addAttribute("q", opened.q());
        model.addAttribute("house", opened.house());
        model.addAttribute("values", values);
        model.addAttribute("customerId", customerId);
        model.addAttribute("expires", expires);
        model.addAttribute("sig", sig);
        model.addAttribute("refusal", refusal);
        return "surveys/public/answer";
    }

}
