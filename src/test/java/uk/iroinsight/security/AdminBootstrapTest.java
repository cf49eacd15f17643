package uk.iroinsight.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import uk.iroinsight.IroInsightApplication;

/**
 * The first administrator, as {@code serve} starts (PRODUCT.md §6): no default password; a
 * generated one printed once; IRO_ADMIN_PASSWORD taken (and a lost password reset with it); a
 * blank or weak one refused before the port opens.
 */
class AdminBootstrapTest {

    @TempDir
    Path folder;

    @Test
    void theFirstStartGeneratesTheAdminPasswordAndPrintsItOnceOnly() {
        String log = start();
        Matcher printed = Pattern.compile("password:\\s+([a-z2-9]{5}(?:-[a-z2-9]{5}){3})").matcher(log);
        assertThat(printed.find()).as(log).isTrue();
        String password = printed.group(1);
        try (ConfigurableApplicationContext context = context()) {
            UserAccounts accounts = context.getBean(UserAccounts.class);
            UserAccount admin = accounts.find("admin").orElseThrow();
            assertThat(admin.role()).isEqualTo(Role.ADMIN);
            assertThat(admin.passwordHash()).startsWith("{bcrypt}").doesNotContain(password);
            assertThat(accounts.matches("admin", password)).isTrue();
        }
        assertThat(start()).doesNotContain("password:").doesNotContain(password); // later starts leave it alone
    }

    @Test
    void theEnvironmentsPasswordIsTakenAndResetsALostOne() {
        start("IRO_ADMIN_PASSWORD=first-Heron-Lantern-204");
        start("IRO_ADMIN_PASSWORD=second-Badger-Compass-913");
        try (ConfigurableApplicationContext context = context()) {
            UserAccounts accounts = context.getBean(UserAccounts.class);
            assertThat(accounts.matches("admin", "second-Badger-Compass-913")).isTrue();
            assertThat(accounts.matches("admin", "first-Heron-Lantern-204")).isFalse();
            assertThat(context.getBean(AuditLog.class).recent(10, "IRO_ADMIN_PASSWORD", "user_changed", null, null)).isNotEmpty();
        }
    }

    @Test
    void aBlankOrWeakAdminPasswordStopsTheStart() {
        for (String weak : List.of("", "password123", "Password2026!")) {
            assertThatThrownBy(() -> start("IRO_ADMIN_PASSWORD=" + weak)).as("'%s'", weak)
                    .hasStackTraceContaining("IRO_ADMIN_PASSWORD is refused");
        }
        try (ConfigurableApplicationContext context = context()) {
            assertThat(context.getBean(UserAccounts.class).find("admin")).isEmpty(); // nothing was created
        }
    }

    @Test
    void passwordsAreStoredAsBcryptHashes() {
        PasswordEncoder encoder = new PasswordConfiguration().passwordEncoder();
        String hash = encoder.encode("test-only-Kestrel-Harbour-91");
        assertThat(hash).startsWith("{bcrypt}$2a$10$");
        assertThat(encoder.matches("test-only-Kestrel-Harbour-91", hash)).isTrue();
    }

    /**
     * Starts and stops the web application on a random port; returns what {@link AdminBootstrap}
     * logged. Its log is read by an appender attached once Boot has set logging up for this start
     * (console output cannot be relied on: other contexts of the test JVM hold the console).
     */
    private String start(String... properties) {
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        ApplicationListener<ApplicationPreparedEvent> attach = event -> {
            Logger logger = (Logger) LoggerFactory.getLogger(AdminBootstrap.class);
            logged.setContext(logger.getLoggerContext());
            logged.start();
            logger.addAppender(logged);
        };
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(IroInsightApplication.class)
                .web(WebApplicationType.SERVLET).listeners(attach).run(arguments(true, properties))) {
            return logged.list.stream().map(ILoggingEvent::getFormattedMessage).collect(Collectors.joining("\n"));
        } finally {
            ((Logger) LoggerFactory.getLogger(AdminBootstrap.class)).detachAppender(logged);
        }
    }

    /** The application without its web side, to look into the warehouse it left. */
    private ConfigurableApplicationContext context() {
        return new SpringApplicationBuilder(IroInsightApplication.class).web(WebApplicationType.NONE).run(arguments(false));
    }

    private String[] arguments(boolean web, String... properties) {
        List<String> all = new ArrayList<>(List.of(
                "--iro.db=" + folder.resolve("warehouse.duckdb"),
                "--iro.secrets-dir=" + folder.resolve("secrets"),
                "--iro.inbox=" + folder.resolve("inbox"),
                "--iro.demo.enabled=false",
                "--iro.scheduling-enabled=false",
                "--vaadin.productionMode=true",
                "--server.port=0",
                "--logging.level.root=WARN",
                "--logging.level.uk.iroinsight.security=INFO"));
        if (!web) {
            all.add("--spring.autoconfigure.exclude=com.vaadin.flow.spring.SpringBootAutoConfiguration,"
                    + "com.vaadin.flow.spring.SpringSecurityAutoConfiguration");
        }
        for (String property : properties) {
            all.add("--" + property);
        }
        return all.toArray(String[]::new);
    }
}
