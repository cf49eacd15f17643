package uk.iroinsight.indicators;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The catalogue, read once per process. */
@Configuration(proxyBeanMethods = false)
class IndicatorsConfiguration {

    @Bean
    Catalogue catalogue() {
        return Catalogue.load();
    }
}
