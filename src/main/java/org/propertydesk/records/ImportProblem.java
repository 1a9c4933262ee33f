package org.propertydesk.records;

import java.util.List;

/**
 * Why a row cannot be imported: its row number in the file, the column (as the file names it) and a message key with
 * its arguments, translated when shown.
 */
record ImportProblem(int rowNumber, ImportColumn column, String messageKey, List<String> arguments) {

    public Object[] messageArguments() {
        return arguments.toArray();
    }
}
