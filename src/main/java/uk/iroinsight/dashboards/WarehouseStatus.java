package uk.iroinsight.dashboards;

import java.util.List;

import org.springframework.stereotype.Service;

import uk.iroinsight.warehouse.Warehouse;

/** What the warehouse holds now: loaded LA-years and reference data, for the landing page. */
@Service
class WarehouseStatus {

    /** One loaded LA-year. */
    record LoadedLaYear(String laCode, String laName, int year, int children, int rowsLoaded, int rowsRejected, String loadedAt) {
    }

    private final Warehouse warehouse;

    WarehouseStatus(Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    List<LoadedLaYear> loadedLaYears() {
        return query("""
                SELECT l.la_code, coalesce(a.la_name, l.la_code), l.year, l.children, l.rows_loaded, l.rows_rejected,
                       strftime(l.loaded_at, '%Y-%m-%d %H:%M')
                FROM etl_la_year l LEFT JOIN dim_authority a USING (la_code)
                ORDER BY 2, l.year""",
                rows -> new LoadedLaYear(rows.getString(1), rows.getString(2), rows.getInt(3), rows.getInt(4), rows.getInt(5),
                        rows.getInt(6), rows.getString(7)));
    }

    long publishedFigures() {
        return query("SELECT count(*) FROM fact_published_indicator", rows -> rows.getLong(1)).get(0);
    }

    long authorities() {
        return query("SELECT count(*) FROM dim_authority WHERE is_current", rows -> rows.getLong(1)).get(0);
    }

    private <T> List<T> query(String sql, Warehouse.RowMapper<T> mapper) {
        return warehouse.query("the warehouse status", sql, mapper);
    }
}
