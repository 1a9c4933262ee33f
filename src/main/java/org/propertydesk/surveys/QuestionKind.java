package org.propertydesk.surveys;

enum QuestionKind {
    /** 1 to 5, for one service line. */
    RATING,
    SINGLE_CHOICE,
    MULTIPLE_CHOICE,
    FREE_TEXT;

    public boolean hasOptions() {
        return this == SINGLE_CHOICE || this == MULTIPLE_CHOICE;
    }
}
