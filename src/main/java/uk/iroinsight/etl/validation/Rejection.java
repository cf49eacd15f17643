package uk.iroinsight.etl.validation;

/**
 * A rejected row, or one problem of it: where it is (file, line), which field, the value found
 * and why it cannot be loaded, in plain English. {@code child} is the row's CHILD as written in
 * the file (null when the row names none); it is pseudonymised or masked before anything is stored.
 */
public record Rejection(String file, int line, String field, String value, String reason, String child) {

    /** A one-line, human-readable form: {@code episodes.csv line 12, DECOM '31/02/2024': not a valid date}. */
    public String describe() {
        StringBuilder text = new StringBuilder(file).append(" line ").append(line);
        if (field != null) {
            text.append(", ").append(field);
            if (value != null) {
                text.append(" '").append(value).append('\'');
            }
        }
        return text.append(": ").append(reason).toString();
    }
}
