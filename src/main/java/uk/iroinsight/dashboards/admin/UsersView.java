package uk.iroinsight.dashboards.admin;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;
import uk.iroinsight.dashboards.layout.MainLayout;
import uk.iroinsight.security.CurrentAccess;
import uk.iroinsight.security.Role;
import uk.iroinsight.security.UserAccount;
import uk.iroinsight.security.UserAccounts;
import uk.iroinsight.warehouse.Warehouse;

/**
 * Accounts (admin, PRODUCT.md §6): who may sign in, with which role and (an LA analyst) which
 * authority, when they were created and by whom, and when they last signed in. An admin adds an
 * account, changes one's role, authority or whether it may sign in, and resets a password. New
 * and reset passwords are generated (or typed, and checked by the policy) and shown once. Every
 * change goes through {@link UserAccounts}, which refuses what may not be done (its reason is
 * shown beside the form) and writes the audit trail.
 */
@RolesAllowed(Role.ADMIN_NAME)
@Route(value = MainLayout.USERS, layout = MainLayout.class)
@PageTitle("Users · IRO Insight")
public class UsersView extends VerticalLayout {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.UK);

    private final UserAccounts accounts;
    private final String me;
    private final List<Authorities.Authority> authorities;
    private final Map<String, Authorities.Authority> authorityByCode;
    private final Grid<UserAccount> grid = new Grid<>();
    private final H2 listTitle = new H2("Accounts");

    private final TextField newName = new TextField("User name");
    private final ComboBox<Role> newRole = roleChooser("new-role");
    private final ComboBox<Authorities.Authority> newAuthority;
    private final PasswordChoice newPassword = new PasswordChoice("new-password", "Password");
    private final Paragraph addError = errorLine("add-error");
    private final Paragraph addStatus = new Paragraph();

    private final ComboBox<UserAccount> changeAccount = new ComboBox<>("Account");
    private final ComboBox<Role> changeRole = roleChooser("change-role");
    private final ComboBox<Authorities.Authority> changeAuthority;
    private final Checkbox changeEnabled = new Checkbox("May sign in (enabled)");
    private final PasswordChoice resetPassword = new PasswordChoice("reset-password", "New password");
    private final Paragraph changeError = errorLine("change-error");
    private final Paragraph changeStatus = new Paragraph();

    public UsersView(UserAccounts accounts, CurrentAccess current, Warehouse warehouse) {
        this.accounts = accounts;
        this.me = current.get().username();
        this.authorities = Authorities.current(warehouse);
        this.authorityByCode = Authorities.byCode(authorities);
        this.newAuthority = authorityChooser("new-authority");
        this.changeAuthority = authorityChooser("change-authority");
        setId("main-content");
        add(new H1("Users"), new Paragraph("Administrators load data and manage accounts and see every figure; LA analysts see "
                + "their own authority's records and every authority's figures unsuppressed; viewers see the figures with small "
                + "numbers suppressed. Every change here is recorded in the audit trail."));
        add(listSection(), addSection(), changeSection());
        refresh();
    }

    private Section listSection() {
        listTitle.setId("accounts-title");
        grid.setId("accounts");
        grid.setAriaLabel("Accounts");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(UserAccount::username).setHeader("User name").setSortable(true).setAutoWidth(true).setFlexGrow(1);
        grid.addColumn(a -> a.role().label()).setHeader("Role").setSortable(true).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(this::authority).setHeader("Authority").setAutoWidth(true).setFlexGrow(1);
        grid.addColumn(a -> a.enabled() ? "Yes" : "No: cannot sign in").setHeader("Enabled").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(a -> time(a.createdAt()) + " by " + a.createdBy()).setHeader("Created").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(a -> a.lastLoginAt() == null ? "never" : time(a.lastLoginAt())).setHeader("Last sign-in").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addComponentColumn(this::changeButton).setHeader("Change").setAutoWidth(true).setFlexGrow(0);
        grid.setAllRowsVisible(true);
        Section section = new Section(listTitle, grid);
        section.getElement().setAttribute("aria-labelledby", "accounts-title");
        section.setWidthFull();
        return section;
    }

    private Section addSection() {
        H2 title = new H2("Add an account");
        title.setId("add-title");
        newName.setId("new-username");
        newName.setHelperText("2 to 64 lower-case letters, digits, '.', '-', '_' or '@' (an e-mail address will do)");
        newName.setWidth("22em");
        newName.setRequiredIndicatorVisible(true);
        newRole.addValueChangeListener(e -> newAuthority.setVisible(e.getValue() == Role.LA_ANALYST));
        newAuthority.setVisible(false);
        Button add = new Button("Add account", click -> addAccount());
        add.setId("add-account");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.getElement().setAttribute("aria-describedby", "add-error add-status");
        addStatus.setId("add-status");
        addStatus.getElement().setAttribute("role", "status");
        HorizontalLayout fields = new HorizontalLayout(newName, newRole, newAuthority);
        fields.setAlignItems(FlexComponent.Alignment.BASELINE);
        fields.getStyle().set("flex-wrap", "wrap");
        Section section = new Section(title, column(fields, newPassword, add, addError, addStatus));
        section.setId("add-account-form");
        section.getElement().setAttribute("aria-labelledby", "add-title");
        return section;
    }

    private Section changeSection() {
        H2 title = new H2("Change an account");
        title.setId("change-title");
        changeAccount.setId("change-account");
        changeAccount.setItemLabelGenerator(UserAccount::username);
        changeAccount.setWidth("22em");
        changeAccount.setHelperText("Choose one, or use Change in the table above");
        changeAccount.addValueChangeListener(e -> chosen(e.getValue()));
        changeRole.addValueChangeListener(e -> changeAuthority.setVisible(e.getValue() == Role.LA_ANALYST));
        changeAuthority.setVisible(false);
        changeEnabled.setId("change-enabled");
        Button save = new Button("Save role and access", click -> saveChange());
        save.setId("save-account");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.getElement().setAttribute("aria-describedby", "change-error change-status");
        Button reset = new Button("Reset password", click -> resetPassword());
        reset.setId("reset-password");
        reset.getElement().setAttribute("aria-describedby", "change-error change-status");
        changeStatus.setId("change-status");
        changeStatus.getElement().setAttribute("role", "status");
        HorizontalLayout fields = new HorizontalLayout(changeRole, changeAuthority);
        fields.setAlignItems(FlexComponent.Alignment.BASELINE);
        fields.getStyle().set("flex-wrap", "wrap");
        H3 resetTitle = new H3("Reset the password");
        Section section = new Section(title, column(changeAccount, fields, changeEnabled, save, resetTitle, resetPassword, reset,
                changeError, changeStatus));
        section.setId("change-account-form");
        section.getElement().setAttribute("aria-labelledby", "change-title");
        return section;
    }

    private void addAccount() {
        addError.setText("");
        addStatus.setText("");
        String password = newPassword.password();
        try {
            UserAccount created = accounts.create(newName.getValue(), password, newRole.getValue(),
                    newAuthority.getValue() == null ? null : newAuthority.getValue().laCode(), me);
            newPassword.toShow(password).ifPresent(p -> new OneTimePassword(created.username(), p, true).open());
            addStatus.setText("Account " + created.username() + " created (" + created.role().label()
                    + (created.laCode() == null ? "" : " for " + authority(created)) + ").");
            newName.clear();
            newRole.clear();
            newAuthority.clear();
            newName.setInvalid(false);
            newRole.setInvalid(false);
            newAuthority.setInvalid(false);
            newPassword.reset();
            refresh();
        } catch (UserAccounts.Refused refused) {
            addError.setText(refused.getMessage());
        }
    }

    private void chosen(UserAccount account) {
        changeError.setText("");
        if (account == null) {
            changeRole.clear();
            changeAuthority.clear();
            changeEnabled.setValue(false);
            return;
        }
        changeRole.setValue(account.role());
        changeAuthority.setValue(account.laCode() == null ? null : authorityByCode.get(account.laCode()));
        changeEnabled.setValue(account.enabled());
    }

    private void saveChange() {
        changeError.setText("");
        changeStatus.setText("");
        UserAccount account = changeAccount.getValue();
        if (account == null) {
            changeError.setText("Choose the account to change.");
            return;
        }
        try {
            accounts.change(account.username(), changeRole.getValue(),
                    changeAuthority.getValue() == null ? null : changeAuthority.getValue().laCode(), changeEnabled.getValue(), me);
            changeStatus.setText(account.username() + " saved: " + changeRole.getValue().label()
                    + (changeRole.getValue() == Role.LA_ANALYST ? " for " + changeAuthority.getValue().label() : "")
                    + (changeEnabled.getValue() ? ", may sign in." : ", disabled: cannot sign in."));
            refresh();
        } catch (UserAccounts.Refused refused) {
            changeError.setText(refused.getMessage());
        }
    }

    private void resetPassword() {
        changeError.setText("");
        changeStatus.setText("");
        UserAccount account = changeAccount.getValue();
        if (account == null) {
            changeError.setText("Choose the account whose password to reset.");
            return;
        }
        String password = resetPassword.password();
        try {
            accounts.setPassword(account.username(), password, me);
            resetPassword.toShow(password).ifPresent(p -> new OneTimePassword(account.username(), p, false).open());
            changeStatus.setText("The password of " + account.username() + " has been reset.");
            resetPassword.reset();
            refresh();
        } catch (UserAccounts.Refused refused) {
            changeError.setText(refused.getMessage());
        }
    }

    private void refresh() {
        List<UserAccount> all = accounts.all();
        grid.setItems(all);
        grid.recalculateColumnWidths();
        listTitle.setText("Accounts (" + all.size() + ")");
        String chosen = changeAccount.getValue() == null ? null : changeAccount.getValue().username();
        changeAccount.setItems(all);
        all.stream().filter(a -> a.username().equals(chosen)).findFirst().ifPresent(changeAccount::setValue);
    }

    private Component changeButton(UserAccount account) {
        Button button = new Button("Change", click -> {
            changeAccount.setValue(accounts.find(account.username()).orElse(account));
            changeRole.focus();
        });
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        button.setAriaLabel("Change " + account.username());
        return button;
    }

    private String authority(UserAccount account) {
        if (account.laCode() == null) {
            return "";
        }
        Authorities.Authority authority = authorityByCode.get(account.laCode());
        return authority == null ? account.laCode() : authority.label();
    }

    private ComboBox<Authorities.Authority> authorityChooser(String id) {
        ComboBox<Authorities.Authority> chooser = new ComboBox<>("Authority");
        chooser.setId(id);
        chooser.setItems(authorities);
        chooser.setItemLabelGenerator(Authorities.Authority::label);
        chooser.setHelperText("The authority whose records the LA analyst may see; type a name or code");
        chooser.setRequiredIndicatorVisible(true);
        chooser.setWidth("22em");
        return chooser;
    }

    private static ComboBox<Role> roleChooser(String id) {
        ComboBox<Role> chooser = new ComboBox<>("Role");
        chooser.setId(id);
        chooser.setItems(Arrays.asList(Role.values()));
        chooser.setItemLabelGenerator(Role::label);
        chooser.setRequiredIndicatorVisible(true);
        chooser.setWidth("14em");
        return chooser;
    }

    /** The form's parts one under another, each as wide as it needs. */
    private static VerticalLayout column(Component... parts) {
        VerticalLayout column = new VerticalLayout(parts);
        column.setPadding(false);
        column.setSpacing(true);
        column.setDefaultHorizontalComponentAlignment(FlexComponent.Alignment.START);
        return column;
    }

    private static Paragraph errorLine(String id) {
        Paragraph line = new Paragraph();
        line.setId(id);
        line.getElement().setAttribute("role", "alert");
        line.getStyle().set("color", "var(--lumo-error-text-color)").set("font-weight", "600");
        return line;
    }

    private static String time(LocalDateTime time) {
        return TIME.format(time);
    }
}
