package uk.iroinsight.dashboards.admin;

import java.util.Objects;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.PermitAll;
import uk.iroinsight.dashboards.layout.MainLayout;
import uk.iroinsight.security.Access;
import uk.iroinsight.security.CurrentAccess;
import uk.iroinsight.security.LoginAttempts;
import uk.iroinsight.security.PasswordPolicy;
import uk.iroinsight.security.UserAccount;
import uk.iroinsight.security.UserAccounts;
import uk.iroinsight.warehouse.Warehouse;

/**
 * Your account (anyone signed in): who you are, your role and authority, and changing your own
 * password (the current one first; the new one twice, checked by {@link PasswordPolicy}).
 */
@PermitAll
@Route(value = MainLayout.ACCOUNT, layout = MainLayout.class)
@PageTitle("Your account · IRO Insight")
public class AccountView extends VerticalLayout {

    private final UserAccounts accounts;
    private final Access me;
    private final PasswordField currentPassword = new PasswordField("Current password");
    private final PasswordField newPassword = new PasswordField("New password");
    private final PasswordField repeatPassword = new PasswordField("New password again");
    private final Paragraph error = new Paragraph();
    private final Paragraph status = new Paragraph();
    private final DescriptionList.Description passwordSet = new DescriptionList.Description();

    public AccountView(UserAccounts accounts, CurrentAccess current, Warehouse warehouse) {
        this.accounts = accounts;
        this.me = current.get();
        setId("main-content");
        setMaxWidth("50em");
        add(new H1("Your account"));

        UserAccount account = accounts.find(me.username()).orElse(null);
        DescriptionList about = new DescriptionList();
        about.setId("account-details");
        about.add(new DescriptionList.Term("User name"), new DescriptionList.Description(me.username()));
        about.add(new DescriptionList.Term("Role"), new DescriptionList.Description(me.role().label() + ": " + what(me)));
        if (me.laCode() != null) {
            Authorities.Authority authority = Authorities.byCode(Authorities.current(warehouse)).get(me.laCode());
            String name = authority == null ? me.laCode() : authority.label();
            about.add(new DescriptionList.Term("Authority"), new DescriptionList.Description(name));
        }
        if (account != null) {
            passwordSet.setText(AuditTable.WHEN.format(account.passwordChangedAt()));
            about.add(new DescriptionList.Term("Password last set"), passwordSet);
        }
        add(about);

        H2 title = new H2("Change your password");
        title.setId("password-title");
        currentPassword.setId("current-password");
        newPassword.setId("new-password");
        repeatPassword.setId("repeat-password");
        newPassword.setHelperText("At least " + PasswordPolicy.MIN_LENGTH + " characters; not a common password, a run or repeat, "
                + "your user name or the product's name. A few unrelated words make a good one.");
        for (PasswordField field : new PasswordField[] {currentPassword, newPassword, repeatPassword}) {
            field.setWidth("22em");
            field.setRequiredIndicatorVisible(true);
        }
        currentPassword.getElement().setAttribute("autocomplete", "current-password");
        newPassword.getElement().setAttribute("autocomplete", "new-password");
        repeatPassword.getElement().setAttribute("autocomplete", "new-password");
        error.setId("password-error");
        error.getElement().setAttribute("role", "alert");
        error.getStyle().set("color", "var(--lumo-error-text-color)").set("font-weight", "600");
        status.setId("password-status");
        status.getElement().setAttribute("role", "status");
        Button change = new Button("Change password", click -> change());
        change.setId("change-password");
        change.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        change.getElement().setAttribute("aria-describedby", "password-error password-status");
        VerticalLayout form = new VerticalLayout(currentPassword, newPassword, repeatPassword, change, error, status);
        form.setPadding(false);
        Section section = new Section(title, form);
        section.getElement().setAttribute("aria-labelledby", "password-title");
        add(section);
    }

    private void change() {
        error.setText("");
        status.setText("");
        if (!accounts.confirmOwnPassword(me.username(), currentPassword.getValue())) {
            error.setText("The current password is not right (after " + LoginAttempts.MAX_FAILURES + " wrong tries it is refused for " + LoginAttempts.LOCK.toMinutes() + " minutes).");
            return;
        }
        if (!Objects.equals(newPassword.getValue(), repeatPassword.getValue())) {
            error.setText("The two new passwords are not the same.");
            return;
        }
        try {
            accounts.setPassword(me.username(), newPassword.getValue(), me.username());
            status.setText("Your password has been changed. Use the new one next time you sign in.");
            accounts.find(me.username()).ifPresent(a -> passwordSet.setText(AuditTable.WHEN.format(a.passwordChangedAt())));
            for (PasswordField field : new PasswordField[] {currentPassword, newPassword, repeatPassword}) {
                field.clear();
                field.setInvalid(false);
            }
        } catch (UserAccounts.Refused refused) {
            error.setText(refused.getMessage());
        }
    }

    private static String what(Access access) {
        return switch (access.role()) {
            case ADMIN -> "data loads, accounts, the audit trail and every figure unsuppressed";
            case LA_ANALYST -> "your authority's record-level rows, and every authority's figures unsuppressed";
            case VIEWER -> "the figures, with small numbers suppressed";
        };
    }
}
