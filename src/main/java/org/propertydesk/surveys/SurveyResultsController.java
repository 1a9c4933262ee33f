package org.propertydesk.surveys;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.propertydesk.shared.web.PageLinks;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The results page of a questionnaire and its .xlsx export, for managers. */
@Controller
@RequestMapping("/surveys/{id}")
@PreAuthorize(SurveyAccess.MANAGERS)
class SurveyResultsController {

    private final Questionnaires questionnaires;
    private final SurveyResults results;
    private final Improvements improvements;
    private final MessageSource messages;

    SurveyResultsController(Questionnaires questionnaires, SurveyResults results, Improvements improvements,
            MessageSource messages) {
        this.questionnaires = questionnaires;
        this.results = results;
        this.improvements = improvements;
        this.messages = messages;
    }

    @GetMapping("/results")
    String results(@PathVariable long id, @RequestParam(defaultValue = "0") int page, Model model) {
        Questionnaire q = questionnaires.get(id);
        var comments = results.comments(q, page, SurveyResults.COMMENTS_PAGE);
        model.addAttribute("q", q);
        model.addAttribute("results", results.results(q));
        model.addAttribute("comments", comments.getContent());
        model.addAttribute("pages", PageLinks.of(comments));
        model.addAttribute("national", SatisfactionIndex.NATIONAL);
        model.addAttribute("threshold", improvements.threshold());
        return "surveys/results";
    }

    @GetMapping("/results.xlsx")
    void export(@PathVariable long id, Locale locale, HttpServletResponse response) throws IOException {
        Questionnaire q = questionnaires.get(id);
        SurveyResults.Results data = results.results(q);
        var comments = results.comments(q, 0, 10_000).getContent();
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("survey-" + q.getId() + ".xlsx", StandardCharsets.UTF_8).build().toString());
        try (OutputStream out = response.getOutputStream()) {
            new ResultsWorkbook(messages, locale).write(q, data, comments, out);
        }
    }
}
