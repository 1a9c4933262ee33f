package org.propertydesk.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.test.web.servlet.ResultMatcher;

/**
 * Reads rendered pages the way a person does: which message is shown next to which form field.
 * Forms put a Bootstrap {@code invalid-feedback} right after each control and mark the control {@code is-invalid}.
 */
public final class Html {

    private static final Pattern NAME = Pattern.compile("\\sname=\"([^\"]*)\"");

    private Html() {
    }

    /** The message shown at the control submitted as {@code field} (its {@code name} attribute). */
    public static ResultMatcher errorAt(String field, String message) {
        return result -> assertThat(errorAt(result.getResponse().getContentAsString(), "name", field))
                .as("message shown at field %s", field).contains(message);
    }

    /**
     * The message shown after a group of checkboxes submitted as {@code field}, where the group as a whole is wrong
     * (the boxes themselves need not be marked).
     */
    public static ResultMatcher errorAtGroup(String field, String message) {
        return result -> assertThat(errorAt(result.getResponse().getContentAsString(), "name", field, false))
                .as("message shown at checkbox group %s", field).contains(message);
    }

    /** The message shown at the control with this {@code id}, for pages that repeat a form (one per site). */
    public static ResultMatcher errorAtId(String id, String message) {
        return result -> assertThat(errorAt(result.getResponse().getContentAsString(), "id", id))
                .as("message shown at control #%s", id).contains(message);
    }

    /** The text of the alerts above a form (errors that belong to no single field). */
    public static ResultMatcher formError(String message) {
        return result -> {
            String html = result.getResponse().getContentAsString();
            Matcher alert = Pattern.compile("<div class=\"alert alert-danger\"[^>]*>(.*?)</div>", Pattern.DOTALL).matcher(html);
            StringBuilder shown = new StringBuilder();
            while (alert.find()) {
                shown.append(unescape(alert.group(1)));
            }
            assertThat(shown.toString()).as("alerts on the page").contains(message);
        };
    }

    static String errorAt(String html, String attribute, String value) {
        return errorAt(html, attribute, value, true);
    }

    static String errorAt(String html, String attribute, String value, boolean markedInvalid) {
        String marker = " " + attribute + "=\"" + value + "\"";
        int at = html.indexOf(marker);
        if (at < 0) {
            fail("No form control with %s=\"%s\" on the page", attribute, value);
        }
        String tag = html.substring(html.lastIndexOf('<', at), html.indexOf('>', at) + 1);
        if (markedInvalid) {
            assertThat(tag).as("control %s is marked invalid", value).contains("is-invalid");
        }
        int feedback = html.indexOf("class=\"invalid-feedback", at);
        if (feedback < 0) {
            fail("No message after the control with %s=\"%s\"", attribute, value);
        }
        String field = attribute.equals("name") ? value : nameIn(tag);
        Matcher between = NAME.matcher(html.substring(at + marker.length(), feedback));
        while (between.find()) {
            String other = between.group(1);
            // Checkbox groups repeat the name and add Spring's hidden "_name" marker; anything else is another field.
            if (!other.equals(field) && !other.equals("_" + field)) {
                fail("The next message after %s belongs to another field (%s)", value, other);
            }
        }
        int textStart = html.indexOf('>', feedback) + 1;
        return unescape(html.substring(textStart, html.indexOf("</div>", textStart))).trim();
    }

    private static String nameIn(String tag) {
        Matcher name = NAME.matcher(tag);
        return name.find() ? name.group(1) : "";
    }

    public static String unescape(String html) {
        return html.replace("<br />", "\n").replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<")
                .replace("&gt;", ">").replace("&amp;", "&");
    }
}
