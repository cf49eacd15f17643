package uk.iroinsight.system;

import java.sql.SQLException;
import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import uk.iroinsight.warehouse.ReferenceData;
import uk.iroinsight.warehouse.Warehouse;

/** The process's one DuckDB warehouse, opened with its schema and reference data in place. */
@Configuration(proxyBeanMethods = false)
class WarehouseConfiguration {

    @Bean(destroyMethod = "close")
    Warehouse warehouse(IroProperties properties) throws SQLException {
        Warehouse warehouse = Warehouse.open(properties.db());
        warehouse.write(connection -> {
            ReferenceData.load(connection);
            return null;
        });
        return warehouse;
    }

    @Bean
    Clock clock() {
        return Clock.systemDefaultZone();
    }
}
