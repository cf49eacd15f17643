package uk.iroinsight.etl.load;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.Period;
import java.util.HashMap;
import java.util.Map;

import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

import uk.iroinsight.etl.privacy.Pseudonymiser;
import uk.iroinsight.etl.validation.Rejection;
import uk.iroinsight.etl.validation.ReturnRecords.Header;
import uk.iroinsight.etl.validation.ValidatedReturn;

/**
 * Writes a validated LA-year into the staging tables with DuckDB's Appender, pseudonymising as
 * it goes: CHILD becomes a keyed hash, the date of birth becomes a month plus the ages the
 * indicators need, postcodes become keyed hashes, UPN and MC_DOB are dropped.
 */
final class Stager {

    private final Pseudonymiser pseudonymiser;

    Stager(Pseudonymiser pseudonymiser) {
        this.pseudonymiser = pseudonymiser;
    }

    void stage(Connection connection, String loadId, ValidatedReturn validated) throws SQLException {
        DuckDBConnection duck = connection.unwrap(DuckDBConnection.class);
        String la = validated.laCode();
        short year = (short) validated.year();
        LocalDate yearEnd = LocalDate.of(validated.year(), 3, 31);
        Map<String, String> keys = new HashMap<>();
        Map<String, LocalDate> dob = new HashMap<>();
        for (Header header : validated.headers()) {
            keys.put(header.child(), pseudonymiser.childKey(la, header.child()));
            dob.put(header.child(), header.dob());
        }
        try (DuckDBAppender a = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "stg_header")) {
            for (Header h : validated.headers()) {
                a.beginRow().append(loadId).append(la).append(year).append(keys.get(h.child())).append((byte) h.sex())
                        .append(h.dob().withDayOfMonth(1)).append((byte) age(h.dob(), yearEnd)).append(h.ethnic()).append(h.line()).endRow();
            }
        }
        try (DuckDBAppender a = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "stg_episode")) {
            for (var e : validated.episodes()) {
                a.beginRow().append(loadId).append(la).append(year).append(keys.get(e.child())).append(e.decom()).append(e.rne())
                        .append(e.ls()).append(e.cin()).append(e.place());
                text(a, e.placeProvider());
                date(a, e.dec());
                text(a, e.rec());
                text(a, e.reasonPlaceChange());
                text(a, e.urn());
                text(a, pseudonymiser.postcodeKey(e.placePostcode()));
                a.append((byte) age(dob.get(e.child()), e.decom())).append(e.line()).endRow();
            }
        }
        try (DuckDBAppender a = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "stg_review")) {
            for (var r : validated.reviews()) {
                a.beginRow().append(loadId).append(la).append(year).append(keys.get(r.child())).append(r.review()).append(r.reviewCode())
                        .append((byte) age(dob.get(r.child()), r.review())).append(r.line()).endRow();
            }
        }
        try (DuckDBAppender a = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "stg_uasc")) {
            for (var u : validated.uasc()) {
                a.beginRow().append(loadId).append(la).append(year).append(keys.get(u.child()));
                date(a, u.duc());
                a.append(u.line()).endRow();
            }
        }
        try (DuckDBAppender a = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "stg_dispute")) {
            for (var d : validated.disputes()) {
                a.beginRow().append(loadId).append(la).append(year).append(d.disputeId());
                text(a, d.child() == null ? null : pseudonymiser.childKey(la, d.child()));
                a.append(d.type()).append(d.raised());
                text(a, d.theme());
                a.append(d.stageReached());
                date(a, d.stage1Date());
                a.append(d.cafcass());
                date(a, d.resolved());
                text(a, d.outcome());
                a.append(d.line()).endRow();
            }
        }
        try (DuckDBAppender a = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "stg_workforce")) {
            for (var w : validated.workforce()) {
                a.beginRow().append(loadId).append(la).append(year).append(w.date());
                decimal(a, w.iroFte());
                if (w.iroHeadcount() == null) {
                    a.appendNull();
                } else {
                    a.append(w.iroHeadcount().intValue());
                }
                decimal(a, w.vacantFte());
                decimal(a, w.agencyFte());
                a.append(w.line()).endRow();
            }
        }
        try (DuckDBAppender a = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "stg_reject")) {
            for (Rejection r : validated.rejections()) {
                a.beginRow().append(loadId).append(la).append(year).append(r.file()).append(r.line());
                text(a, r.field());
                text(a, r.shareableValue());
                a.append(r.reason());
                text(a, r.child() == null || r.child().isBlank() ? null : pseudonymiser.childKey(la, r.child()));
                a.endRow();
            }
        }
    }

    private static int age(LocalDate dob, LocalDate on) {
        return Math.max(0, Period.between(dob, on).getYears());
    }

    private static void text(DuckDBAppender a, String value) throws SQLException {
        if (value == null || value.isEmpty()) {
            a.appendNull();
        } else {
            a.append(value);
        }
    }

    private static void date(DuckDBAppender a, LocalDate value) throws SQLException {
        if (value == null) {
            a.appendNull();
        } else {
            a.append(value);
        }
    }

    private static void decimal(DuckDBAppender a, BigDecimal value) throws SQLException {
        if (value == null) {
            a.appendNull();
        } else {
            a.append(value.setScale(2, java.math.RoundingMode.HALF_UP));
        }
    }
}
