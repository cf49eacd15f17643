package uk.iroinsight;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The Spring Boot application behind {@code serve} and {@code load}. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class IroInsightApplication {
}
