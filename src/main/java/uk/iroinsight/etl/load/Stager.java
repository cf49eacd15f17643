package uk.iroinsight.etl.load;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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

    /** One LA-year to stage under its load id. */
    record Load(String loadId, ValidatedReturn validated) {
    }

    /**
     * Appends the rows of every LA-year given to the staging tables, one appender per table for
     * them all (an appender's flush has a cost of its own, so staging an authority's years
     * together is several times faster than year by year).
     */
    void stage(Connection connection, List<Load> loads) throws SQLException {
        DuckDBConnection duck = connection.unwrap(DuckDBConnection.class);
        List<Prepared> prepared = new ArrayList<>();
        for (Load load : loads) {
            prepared.add(prepare(load));
        }
        try (DuckDBAppender a = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "stg_header")) {
            for (Prepared p : prepared) {
                for (Header h : p.validated().headers()) {
                    a.beginRow().append(p.loadId()).append(p.la()).append(p.year()).append(p.keys().get(h.child())).append((byte) h.sex())
                            .append(h.dob().withDayOfMonth(1)).append((byte) age(h.dob(), p.yearEnd())).append(h.ethnic()).append(h.line()).endRow();
                }
            }
        }
        try (DuckDBAppender a = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "stg_episode")) {
            for (Prepared p : prepared) {
                for (var e : p.validated().episodes()) {
                    a.beginRow().append(p.loadId()).append(p.la()).append(p.year()).append(p.keys().get(e.child())).append(e.decom()).append(e.rne())
                            .append(e.ls()).append(e.cin()).append(e.place());
                    text(a, e.placeProvider());
                    date(a, e.dec());
                    text(a, e.rec());
                    text(a, e.reasonPlaceChange());
                    text(a, e.urn());
                    text(a, pseudonymiser.postcodeKey(e.placePostcode()));
                    a.append((byte) age(p.dob().get(e.child()), e.decom())).append(e.line()).endRow();
                }
            }
        }
        try (DuckDBAppender a = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "stg_review")) {
            for (Prepared p : prepared) {
                for (var r : p.validated().reviews()) {
                    a.beginRow().append(p.loadId()).append(p.la()).append(p.year()).append(p.keys().get(r.child())).append(r.review()).append(r.reviewCode())
                            .append((byte) age(p.dob().get(r.child()), r.review())).append(r.line()).endRow();
                }
            }
        }
        try (DuckDBAppender a = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "stg_uasc")) {
            for (Prepared p : prepared) {
                for (var u : p.validated().uasc()) {
                    a.beginRow().append(p.loadId()).append(p.la()).append(p.year()).append(p.keys().get(u.child()));
                    date(a, u.duc());
                    a.append(u.line()).endRow();
                }
            }
        }
        try (DuckDBAppender a = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "stg_dispute")) {
            for (Prepared p : prepared) {
                for (var d : p.validated().disputes()) {
                    a.beginRow().append(p.loadId()).append(p.la()).append(p.year()).append(d.disputeId());
                    text(a, d.child() == null ? null : pseudonymiser.childKey(p.la(), d.child()));
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
        }
        try (DuckDBAppender a = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "stg_workforce")) {
            for (Prepared p : prepared) {
                for (var w : p.validated().workforce()) {
                    a.beginRow().append(p.loadId()).append(p.la()).append(p.year()).append(w.date());
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
        }
        try (DuckDBAppender a = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "stg_reject")) {
            for (Prepared p : prepared) {
                for (Rejection r : p.validated().rejections()) {
                    a.beginRow().append(p.loadId()).append(p.la()).append(p.year()).append(r.file()).append(r.line());
                    text(a, r.field());
                    text(a, r.shareableValue());
                    a.append(r.reason());
                    text(a, r.child() == null || r.child().isBlank() ? null : pseudonymiser.childKey(p.la(), r.child()));
                    a.endRow();
                }
            }
        }
    }

    private record Prepared(String loadId, String la, short year, LocalDate yearEnd, Map<String, String> keys,
            Map<String, LocalDate> dob, ValidatedReturn validated) {
    }

    private Prepared prepare(Load load) {
        ValidatedReturn validated = load.validated();
        String la = validated.laCode();
        Map<String, String> keys = new HashMap<>();
        Map<String, LocalDate> dob = new HashMap<>();
        for (Header header : validated.headers()) {
            keys.put(header.child(), pseudonymiser.childKey(la, header.child()));
            dob.put(header.child(), header.dob());
        }
        return new Prepared(load.loadId(), la, (short) validated.year(), LocalDate.of(validated.year(), 3, 31), keys, dob, validated);
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
