package uk.iroinsight.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import uk.iroinsight.IroInsightApplication;

/** Starts the Spring application for a command. */
final class Spring {

    private Spring() {
    }

    static ConfigurableApplicationContext start(WebApplicationType type, Path db, String... properties) {
        List<String> all = new ArrayList<>(List.of(properties));
        if (type == WebApplicationType.NONE) {
            // Vaadin's auto-configuration needs a web context; commands without one leave it out.
            all.add("spring.autoconfigure.exclude=com.vaadin.flow.spring.SpringBootAutoConfiguration,"
                    + "com.vaadin.flow.spring.SpringSecurityAutoConfiguration");
        }
        if (db != null) {
            all.add("iro.db=" + db.toAbsolutePath().normalize());
        }
        // As command-line arguments, so they override application.properties.
        return new SpringApplicationBuilder(IroInsightApplication.class)
                .web(type)
                .run(all.stream().map(property -> "--" + property).toArray(String[]::new));
    }
}
