package uk.iroinsight.etl.load;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

import uk.iroinsight.etl.privacy.Pseudonymiser;
import uk.iroinsight.etl.validation.Rejection;
import uk.iroinsight.etl.validation.ReturnRecords.Header;
import uk.iroinsight.etl.validation.ValidatedReturn;

/**
 * Writes validated LA-years into the staging tables (built as Arrow columns, {@link ArrowRows}), pseudonymising as
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
     * Inserts the rows of every LA-year given into the staging tables, one insert per table for
     * them all (each insert has a cost of its own, so staging an authority's years together is
     * several times faster than year by year).
     */
    void stage(Connection connection, List<Load> loads, Memory memory) throws SQLException {
        List<Prepared> prepared = new ArrayList<>();
        for (Load load : loads) {
            prepared.add(prepare(load));
        }
        insert(connection, memory, "stg_header", rows -> {
            for (Prepared p : prepared) {
                for (Header h : p.validated().headers()) {
                    p.start(rows).text(p.keys().get(h.child())).tinyint(h.sex()).date(h.dob().withDayOfMonth(1))
                            .tinyint(age(h.dob(), p.yearEnd())).text(h.ethnic()).integer(h.line());
                }
            }
        });
        insert(connection, memory, "stg_episode", rows -> {
            for (Prepared p : prepared) {
                for (var e : p.validated().episodes()) {
                    p.start(rows).text(p.keys().get(e.child())).date(e.decom()).text(e.rne()).text(e.ls()).text(e.cin())
                            .text(e.place()).optional(e.placeProvider()).date(e.dec()).optional(e.rec()).optional(e.reasonPlaceChange())
                            .optional(e.urn()).optional(pseudonymiser.postcodeKey(e.placePostcode()))
                            .tinyint(age(p.dob().get(e.child()), e.decom())).integer(e.line());
                }
            }
        });
        insert(connection, memory, "stg_review", rows -> {
            for (Prepared p : prepared) {
                for (var r : p.validated().reviews()) {
                    p.start(rows).text(p.keys().get(r.child())).date(r.review()).text(r.reviewCode())
                            .tinyint(age(p.dob().get(r.child()), r.review())).integer(r.line());
                }
            }
        });
        insert(connection, memory, "stg_uasc", rows -> {
            for (Prepared p : prepared) {
                for (var u : p.validated().uasc()) {
                    p.start(rows).text(p.keys().get(u.child())).date(u.duc()).integer(u.line());
                }
            }
        });
        insert(connection, memory, "stg_dispute", rows -> {
            for (Prepared p : prepared) {
                for (var d : p.validated().disputes()) {
                    p.start(rows).text(d.disputeId()).optional(d.child() == null ? null : pseudonymiser.childKey(p.la(), d.child()))
                            .text(d.type()).date(d.raised()).optional(d.theme()).text(d.stageReached()).date(d.stage1Date())
                            .bool(d.cafcass()).date(d.resolved()).optional(d.outcome()).integer(d.line());
                }
            }
        });
        insert(connection, memory, "stg_workforce", rows -> {
            for (Prepared p : prepared) {
                for (var w : p.validated().workforce()) {
                    p.start(rows).date(w.date()).decimal(w.iroFte())
                            .integer(w.iroHeadcount() == null ? null : w.iroHeadcount().intValue())
                            .decimal(w.vacantFte()).decimal(w.agencyFte()).integer(w.line());
                }
            }
        });
        insert(connection, memory, "stg_reject", rows -> {
            for (Prepared p : prepared) {
                for (Rejection r : p.validated().rejections()) {
                    p.start(rows).text(r.file()).integer(r.line()).optional(r.field()).optional(r.shareableValue()).text(r.reason())
                            .optional(r.child() == null || r.child().isBlank() ? null : pseudonymiser.childKey(p.la(), r.child()));
                }
            }
        });
    }

    /** Fills one staging table's rows. */
    @FunctionalInterface
    private interface Fill {
        void into(ArrowRows rows);
    }

    private static void insert(Connection connection, Memory memory, String table, Fill fill) throws SQLException {
        ArrowRows rows = memory.keep(ArrowRows.forTable(connection, table, memory.allocator));
        fill.into(rows);
        rows.insertInto(connection, memory.allocator);
    }

    /**
     * The Arrow memory of one staging transaction, closed only after the transaction has
     * committed or rolled back, so that nothing DuckDB was handed is freed while the transaction
     * that read it is open. (A defensive rule: the native crashes the long loader fuzzing runs
     * found happen with the Appender too; see README, Reliability.)
     */
    static final class Memory implements AutoCloseable {
        private final BufferAllocator allocator = new RootAllocator();
        private final List<ArrowRows> rows = new ArrayList<>();

        private ArrowRows keep(ArrowRows table) {
            rows.add(table);
            return table;
        }

        @Override
        public void close() {
            rows.forEach(ArrowRows::close);
            allocator.close();
        }
    }

    private record Prepared(String loadId, String la, short year, LocalDate yearEnd, Map<String, String> keys,
            Map<String, LocalDate> dob, ValidatedReturn validated) {

        /** Starts a staging row with the columns every staging table begins with. */
        ArrowRows start(ArrowRows rows) {
            return rows.row().text(loadId).text(la).smallint(year);
        }
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
}
