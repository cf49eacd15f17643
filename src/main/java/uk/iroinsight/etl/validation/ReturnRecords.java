package uk.iroinsight.etl.validation;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The accepted rows of one LA-year, typed. CHILD is still the LA's own identifier here; it is
 * replaced by a keyed hash when the rows are staged, and never stored.
 */
public final class ReturnRecords {

    private ReturnRecords() {
    }

    public record Header(int line, String child, int sex, LocalDate dob, String ethnic) {
    }

    public record Episode(int line, String child, LocalDate decom, String rne, String ls, String cin, String place,
            String placeProvider, LocalDate dec, String rec, String reasonPlaceChange, String urn, String placePostcode) {

        /** True while the episode covers the day (it starts on or before it and has not ended before it). */
        boolean covers(LocalDate day) {
            return !decom.isAfter(day) && (dec == null || !dec.isBefore(day));
        }
    }

    public record Review(int line, String child, LocalDate review, String reviewCode) {
    }

    public record Uasc(int line, String child, LocalDate duc) {
    }

    public record Dispute(int line, String disputeId, String child, String type, LocalDate raised, String theme,
            String stageReached, LocalDate stage1Date, boolean cafcass, LocalDate resolved, String outcome) {
    }

    public record Workforce(int line, LocalDate date, BigDecimal iroFte, Integer iroHeadcount, BigDecimal vacantFte,
            BigDecimal agencyFte) {
    }
}
