package uk.iroinsight.security;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/**
 * The sign-in page. The form posts to Spring Security ({@code /login}); a failure comes back as
 * {@code ?error} and says only that sign-in failed (not whether the name exists or is locked).
 */
@Route("login")
@PageTitle("Sign in · IRO Insight")
@AnonymousAllowed
public class LoginView extends Main implements BeforeEnterObserver {

    private final LoginForm form = new LoginForm();
    private final Paragraph status = new Paragraph();

    public LoginView() {
        addClassName("iro-login");
        setId("main-content");
        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle("Sign in");
        i18n.getForm().setUsername("User name");
        i18n.getForm().setSubmit("Sign in");
        i18n.getErrorMessage().setTitle("Sign-in failed");
        i18n.getErrorMessage().setMessage("The user name or password is not right, or the account is disabled or locked after "
                + LoginAttempts.MAX_FAILURES + " failed attempts (it unlocks after " + LoginAttempts.LOCK.toMinutes()
                + " minutes). Ask an administrator if it goes on.");
        form.setI18n(i18n);
        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);
        status.setId("login-status");
        status.getElement().setAttribute("role", "status");
        add(new H1("IRO Insight"), status, form, new Paragraph(
                "Figures about children in care: sign in with the account an administrator gave you. The first administrator's "
                        + "password is printed in the log at the first start, or set with IRO_ADMIN_PASSWORD."));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var parameters = event.getLocation().getQueryParameters().getParameters();
        form.setError(parameters.containsKey("error"));
        status.setText(parameters.containsKey("logout") ? "You are signed out." : "");
        status.setVisible(parameters.containsKey("logout"));
    }
}
