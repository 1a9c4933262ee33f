package org.propertydesk.surveys;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;

/**
 * The results as an .xlsx: response rate per site, the index per site and service line (with the previous survey and
 * the national figure), the distribution per question and the comments. Text goes into string cells, which Excel never
 * evaluates; numbers are numbers.
 */
final class ResultsWorkbook {

    private final MessageSource messages;
    private final Locale locale;

    ResultsWorkbook(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
    }

    void write(Questionnaire q, SurveyResults.Results results, List<SurveyResults.Comment> comments, OutputStream out)
            throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sites = workbook.createSheet(text("survey.results.sites"));
            row(sites, 0, text("survey.site"), text("survey.results.households"), text("survey.results.responses"),
                    text("survey.results.rate"), text("survey.results.index"));
            int r = 1;
            for (SurveyResults.SiteResult site : results.sites()) {
                row(sites, r++, site.siteName(), site.households(), site.responses(), site.rate(), site.index());
            }

            Sheet lines = workbook.createSheet(text("survey.results.lines"));
            row(lines, 0, text("survey.site"), text("survey.question.serviceLine"), text("survey.results.index"),
                    text("survey.results.ratings"), text("survey.results.previous"), text("survey.results.national"));
            r = 1;
            for (SurveyResults.LineResult line : results.lines()) {
                row(lines, r++, line.siteName(), text("survey.line." + line.line()), line.index(), line.ratings(),
                        line.previous(), SatisfactionIndex.NATIONAL);
            }
            for (SurveyResults.LineResult line : results.lineTotals()) {
                row(lines, r++, text("survey.results.allSites"), text("survey.line." + line.line()), line.index(),
                        line.ratings(), null, SatisfactionIndex.NATIONAL);
            }

            Sheet distribution = workbook.createSheet(text("survey.results.distribution"));
            row(distribution, 0, text("survey.question.text"), text("survey.results.answer"), text("survey.results.count"),
                    text("survey.results.percent"));
            r = 1;
            for (SurveyResults.QuestionResult question : results.questions()) {
                for (SurveyResults.Bar bar : question.bars()) {
                    row(distribution, r++, question.question().getText(), bar.label(), bar.count(), bar.percent());
                }
            }

            Sheet texts = workbook.createSheet(text("survey.results.comments"));
            row(texts, 0, text("survey.site"), text("survey.house"), text("survey.question.text"),
                    text("survey.results.comment"), text("survey.channel"));
            r = 1;
            for (SurveyResults.Comment comment : comments) {
                row(texts, r++, comment.siteName(), comment.houseCode(), comment.question(), comment.text(),
                        text("survey.channel." + comment.channel()));
            }
            workbook.write(out);
        }
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, locale);
    }

    private static void row(Sheet sheet, int index, Object... cells) {
        Row row = sheet.createRow(index);
        for (int i = 0; i < cells.length; i++) {
            Object value = cells[i];
            if (value == null) {
                continue;
            }
            if (value instanceof BigDecimal number) {
                row.createCell(i).setCellValue(number.doubleValue());
            } else if (value instanceof Number number) {
                row.createCell(i).setCellValue(number.doubleValue());
            } else {
                row.createCell(i).setCellValue(value.toString());
            }
        }
    }
}
