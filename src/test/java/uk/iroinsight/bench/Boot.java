package uk.iroinsight.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import uk.iroinsight.IroInsightApplication;

/** Starts the application without a web side, as the CLI's commands do ({@code cli.Spring}), on a warehouse file. */
final class Boot {

    private Boot() {
    }

    static ConfigurableApplicationContext start(Path db, Path secrets, String... properties) {
        List<String> all = new ArrayList<>(List.of(properties));
        all.add("spring.autoconfigure.exclude=com.vaadin.flow.spring.SpringBootAutoConfiguration,"
                + "com.vaadin.flow.spring.SpringSecurityAutoConfiguration");
        all.add("iro.db=" + db.toAbsolutePath().normalize());
        all.add("iro.secrets-dir=" + secrets.toAbsolutePath().normalize());
        all.add("iro.scheduling-enabled=false");
        all.add("logging.level.root=WARN");
        return new SpringApplicationBuilder(IroInsightApplication.class)
                .web(WebApplicationType.NONE)
                .run(all.stream().map(property -> "--" + property).toArray(String[]::new));
    }
}
