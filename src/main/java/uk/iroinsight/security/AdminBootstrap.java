package uk.iroinsight.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The first administrator (PRODUCT.md §6), settled while {@code serve} starts and before the
 * port opens. There is no default password:
 * <ul>
 * <li>With {@code IRO_ADMIN_PASSWORD} set, user {@code admin} has that password: created with
 *     it, or given it (enabled and ADMIN again) if it differs, which is also how a lost admin
 *     password is reset. A blank or weak value ({@link PasswordPolicy}) stops the start.</li>
 * <li>Without it, at the first start a random password is generated and printed once to the
 *     log; only its hash is kept. Later starts leave the account alone.</li>
 * </ul>
 */
@Component
@ConditionalOnWebApplication
class AdminBootstrap implements InitializingBean {

    static final String USERNAME = "admin", VARIABLE = "IRO_ADMIN_PASSWORD";
    private static final Logger LOG = LoggerFactory.getLogger(AdminBootstrap.class);

    private final UserAccounts accounts;
    private final Environment environment;

    AdminBootstrap(UserAccounts accounts, Environment environment) {
        this.accounts = accounts;
        this.environment = environment;
    }

    @Override
    public void afterPropertiesSet() {
        String given = environment.getProperty(VARIABLE);
        var admin = accounts.find(USERNAME);
        if (given != null) {
            PasswordPolicy.problem(USERNAME, given).ifPresent(problem -> {
                throw new IllegalStateException(VARIABLE + " is refused: " + problem
                        + " (use at least " + PasswordPolicy.MIN_LENGTH + " characters that are not a common password)");
            });
            if (admin.isEmpty()) {
                accounts.create(USERNAME, given, Role.ADMIN, null, VARIABLE);
                LOG.info("Created the administrator '{}' with the password from {}.", USERNAME, VARIABLE);
            } else if (!accounts.matches(USERNAME, given) || !admin.get().enabled() || admin.get().role() != Role.ADMIN) {
                accounts.setPassword(USERNAME, given, VARIABLE);
                accounts.change(USERNAME, Role.ADMIN, null, true, VARIABLE);
                LOG.info("Set the password of the administrator '{}' from {}.", USERNAME, VARIABLE);
            }
            return;
        }
        if (admin.isEmpty()) {
            String generated = PasswordPolicy.generate();
            accounts.create(USERNAME, generated, Role.ADMIN, null, "first start");
            LOG.warn("""

                    ================================================================================
                    IRO Insight: created the administrator account.
                        user name: {}
                        password:  {}
                    This is the only time the password is shown (only its hash is kept). Sign in and
                    add the other accounts on the Users page. To set or reset it, start with
                    {}=... in the environment.
                    ================================================================================""",
                    USERNAME, generated, VARIABLE);
        }
    }
}
