package uk.iroinsight.etl.validation;

/**
 * A rejected row, or one problem of it: where it is (file, line), which field, the value found
 * and why it cannot be loaded, in plain English. {@code child} is the row's CHILD as written in
 * the file (null when the row names none); it is pseudonymised or masked before anything is stored.
 */
public record Rejection(String file, int line, String field, String value, String reason, String child) {

    /** Fields whose values identify a child: never stored, and withheld wherever a report leaves the person holding the files. */
    public static final java.util.Set<String> IDENTIFYING_FIELDS = java.util.Set.of("CHILD", "UPN", "DOB", "MC_DOB", "HOME_POST", "PL_POST");

    /** The value as it may be shown beyond the files' holder: null for an identifying field. */
    public String shareableValue() {
        return field != null && IDENTIFYING_FIELDS.contains(field) ? null : value;
    }

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
