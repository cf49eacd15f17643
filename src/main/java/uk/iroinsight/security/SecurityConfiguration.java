package uk.iroinsight.security;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

import com.vaadin.flow.spring.security.VaadinWebSecurity;

/**
 * Sign-in for the dashboards (Spring Security with Vaadin): every view and download needs a
 * signed-in account except the login page; views name who may open them ({@code @PermitAll},
 * {@code @RolesAllowed}) and a view without an annotation is refused. Form login posts to
 * {@code /login}; CSRF protection stays on (Vaadin's own token for its requests, Spring's for
 * the rest, and for the login form, which Vaadin exempts from Spring's token, {@link LoginOriginCheck}); sessions time out after {@code server.servlet.session.timeout} of inactivity.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@ConditionalOnWebApplication
class SecurityConfiguration extends VaadinWebSecurity {

    @Override
    protected void configure(HttpSecurity http) throws Exception {
        http.headers(headers -> headers
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                .frameOptions(frame -> frame.deny()));
        http.sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()));
        http.addFilterBefore(new LoginOriginCheck("/login"), UsernamePasswordAuthenticationFilter.class);
        super.configure(http);
        setLoginView(http, LoginView.class, "/login?logout");
    }
}
