package org.propertydesk.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Content-Security-Policy allows no inline script or style, so anything inline in a template would silently not
 * work in the browser. Behaviour lives in static/js/app.js, looks in static/css/app.css.
 */
class TemplatesTest {

    static Stream<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            List<Path> list = files.filter(file -> file.toString().endsWith(".html")).sorted().toList();
            return list.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void templatesHaveNoInlineScriptsStylesOrEventHandlers(Path template) throws IOException {
        String html = Files.readString(template);

        assertThat(html).as("inline <script> without src").doesNotContainPattern(Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>"));
        assertThat(html).as("<style> element").doesNotContainPattern(Pattern.compile("<style[\\s>]"));
        assertThat(html).as("style attribute").doesNotContainPattern(Pattern.compile("\\s(?:th:)?style\\s*="));
        assertThat(html).as("on… event handler attribute").doesNotContainPattern(Pattern.compile("\\s(?:th:)?on[a-z]+\\s*="));
        assertThat(html).as("htmx inline handler").doesNotContainPattern(Pattern.compile("\\shx-on"));
        assertThat(html).as("javascript: URL").doesNotContainIgnoringCase("javascript:");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void templatesDoNotWriteUnescapedText(Path template) throws IOException {
        // th:utext and [(…)] print text as markup: a customer's name or note could then inject script.
        String html = Files.readString(template);

        assertThat(html).doesNotContain("th:utext").doesNotContain("[(");
    }
}
