package uk.iroinsight.system;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of an installation ({@code iro.*} in application.properties, or the environment).
 *
 * @param db          the DuckDB warehouse file
 * @param inbox       the drop folder the scheduled load scans
 * @param schedule    cron expression of the scheduled scan (default nightly at 02:00)
 * @param secretsDir  folder of the installation's secrets (pseudonymisation key), outside the repository
 * @param uploadLimit the largest file the Data loads view accepts into the inbox (default 200MB)
 */
@ConfigurationProperties("iro")
public record IroProperties(Path db, Path inbox, String schedule, Path secretsDir, @DefaultValue("200MB") DataSize uploadLimit) {
}
