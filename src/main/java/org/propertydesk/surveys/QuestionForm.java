package org.propertydesk.surveys;

import java.util.Arrays;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

class QuestionForm {

    @NotNull
    private QuestionKind kind = QuestionKind.RATING;

    @NotBlank
    @Size(max = 500)
    private String text;

    private ServiceLine serviceLine;

    private boolean required = true;

    /** Choice options, one per line. */
    @Size(max = 2000)
    private String options;

    /** The options as entered, without blank lines. */
    List<String> optionList() {
        return options == null ? List.of()
                : Arrays.stream(options.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    public QuestionKind getKind() {
        return kind;
    }

    public void setKind(QuestionKind kind) {
        this.kind = kind;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public ServiceLine getServiceLine() {
        return serviceLine;
    }

    public void setServiceLine(ServiceLine serviceLine) {
        this.serviceLine = serviceLine;
    }

    public boolean isRequired() {
        return required;
    }

    public void setRequired(boolean required) {
        this.required = required;
    }

    public String getOptions() {
        return options;
    }

    public void setOptions(String options) {
        this.options = options;
    }
}
