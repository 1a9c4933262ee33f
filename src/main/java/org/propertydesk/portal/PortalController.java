package org.propertydesk.portal;

import java.util.ArrayList;
import java.util.List;

import org.propertydesk.records.RecordsDirectory.HouseSummary;
import org.propertydesk.requests.OwnerRequests;
import org.propertydesk.surveys.OwnerSurveys;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** The owner's start page (their houses, open requests and those waiting for their word) and the surveys open to them. */
@Controller
@RequestMapping("/portal")
@PreAuthorize("hasRole('OWNER')")
class PortalController {

    /** Enough for any household's open requests; older finished ones are on the list page. */
    private static final int RECENT = 50;

    /** A questionnaire open for one of the owner's houses, with the link that answers it for that house. */
    record SurveyItem(OwnerSurveys.OpenSurvey survey, HouseSummary house, String link, boolean answered) {
    }

    private final CurrentHousehold households;
    private final OwnerRequests requests;
    private final OwnerSurveys surveys;

    PortalController(CurrentHousehold households, OwnerRequests requests, OwnerSurveys surveys) {
        this.households = households;
        this.requests = requests;
        this.surveys = surveys;
    }

    @GetMapping
    String home(Model model) {
        CurrentHousehold.Owner owner = households.get();
        List<OwnerRequests.Summary> open = requests.list(owner.household(), PageRequest.of(0, RECENT)).getContent()
                .stream().filter(r -> r.status().isOpen() || r.awaitingConfirmation()).toList();
        model.addAttribute("houses", owner.houses());
        model.addAttribute("housesById", owner.housesById());
        model.addAttribute("openRequests", open);
        model.addAttribute("surveysToAnswer", surveyItems(owner).stream().filter(s -> !s.answered()).count());
        return "portal/home";
    }

    @GetMapping("/surveys")
    String surveys(Model model) {
        model.addAttribute("items", surveyItems(households.get()));
        return "portal/surveys";
    }

    private List<SurveyItem> surveyItems(CurrentHousehold.Owner owner) {
        List<SurveyItem> items = new ArrayList<>();
        for (HouseSummary house : owner.houses()) {
            for (OwnerSurveys.OpenSurvey survey : surveys.openToday(house.siteId())) {
                items.add(new SurveyItem(survey, house, surveys.linkFor(survey.id(), house.id()),
                        surveys.answered(survey.id(), house.id(), owner.household().customerId())));
            }
        }
        return items;
    }
}
