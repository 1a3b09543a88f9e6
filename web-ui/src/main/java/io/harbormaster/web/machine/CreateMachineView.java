package io.harbormaster.web.machine;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.harbormaster.api.driver.DriverList;
import io.harbormaster.api.machine.DriverOptions;
import io.harbormaster.api.machine.EngineOptions;
import io.harbormaster.api.machine.InvalidEngineOptionsException;
import io.harbormaster.api.machine.MachineName;
import io.harbormaster.api.team.TeamDetail;
import io.harbormaster.web.layout.PortalLayout;
import jakarta.annotation.security.PermitAll;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Creating a machine: the team, a name checked as it is typed, the driver, and that driver's options as the driver
 * describes them (so a new driver brings its own form), each checked by the driver as it is typed; for drivers that
 * provision, the SSH key (the user's, or one the platform makes whose public key the machine page then shows) and
 * Docker Engine's labels and flags. Creating goes to the machine's page, which follows the provisioning live. Public
 * because Vaadin instantiates routes reflectively.
 */
@Route(value = "new-machine", layout = PortalLayout.class)
@PageTitle("Create a machine")
@PermitAll
public class CreateMachineView extends VerticalLayout {

    static final String GENERATE = "Make a key for me: I will add its public key to the host";
    static final String OWN_KEY = "Use my private key";

    final ComboBox<TeamDetail> team = new ComboBox<>("Team");
    final TextField name = new TextField("Name");
    final Select<DriverList.Driver> driver = new Select<>();
    final FormLayout options = new FormLayout();
    final Map<String, TextField> optionFields = new LinkedHashMap<>();
    final RadioButtonGroup<String> keyChoice = new RadioButtonGroup<>("SSH key");
    final TextArea privateKey = new TextArea("Private key (OpenSSH or PEM)");
    final TextField labels = new TextField("Engine labels");
    final TextArea flags = new TextArea("Engine flags");
    final VerticalLayout provisioning = new VerticalLayout();
    final Button create = new Button("Create");
    final Paragraph problem = new Paragraph();

    private final MachineCreation creation;

    CreateMachineView(MachineCreation creation) {
        this.creation = creation;
        setMaxWidth("48em");
        var teams = creation.teams();
        team.setId("create-team");
        team.setItems(teams);
        team.setItemLabelGenerator(TeamDetail::name);
        team.setRequiredIndicatorVisible(true);
        if (teams.size() == 1) {
            team.setValue(teams.getFirst());
        }
        name.setId("create-name");
        name.setRequiredIndicatorVisible(true);
        name.setHelperText("Letters, digits, '.', '_' and '-', starting with a letter or digit (as docker-machine)");
        name.setValueChangeMode(ValueChangeMode.EAGER);
        name.addValueChangeListener(change -> checkName());

        driver.setId("create-driver");
        driver.setLabel("Driver");
        driver.setItems(creation.drivers());
        driver.setItemLabelGenerator(DriverList.Driver::name);
        driver.addValueChangeListener(change -> showOptions(change.getValue()));
        options.setId("create-options");

        keyChoice.setId("create-key-choice");
        keyChoice.setItems(GENERATE, OWN_KEY);
        keyChoice.setValue(GENERATE);
        privateKey.setId("create-private-key");
        privateKey.setVisible(false);
        privateKey.setWidthFull();
        privateKey.setHelperText("Kept in the secret store, never in the machine's history; never shown again.");
        keyChoice.addValueChangeListener(change -> privateKey.setVisible(OWN_KEY.equals(change.getValue())));
        labels.setId("create-labels");
        labels.setPlaceholder("env=prod, team=web");
        labels.setWidthFull();
        flags.setId("create-flags");
        flags.setPlaceholder("log-level=debug\nregistry-mirror=https://mirror.example");
        flags.setHelperText("dockerd options as key=value, one per line (docker-machine's --engine-opt)");
        flags.setWidthFull();
        provisioning.setPadding(false);
        provisioning.add(new H3("SSH and Docker Engine"), keyChoice, privateKey, labels, flags);
        provisioning.setVisible(false);

        problem.setId("create-problem");
        problem.getStyle().set("color", "var(--lumo-error-text-color, #8f1414)");
        create.setId("create-submit");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(click -> submit());

        add(new H2("Create a machine"), team, name, driver, options, provisioning, problem, create);
        var drivers = creation.drivers();
        drivers.stream().filter(d -> d.name().equals("generic")).findFirst()
                .or(() -> drivers.stream().findFirst()).ifPresent(driver::setValue);
    }

    private boolean checkName() {
        try {
            MachineName.of(name.getValue());
            name.setInvalid(false);
            return true;
        } catch (IllegalArgumentException e) {
            name.setErrorMessage(e.getMessage());
            name.setInvalid(true);
            return false;
        }
    }

    private void showOptions(DriverList.Driver chosen) {
        options.removeAll();
        optionFields.clear();
        if (chosen == null) {
            provisioning.setVisible(false);
            return;
        }
        for (var option : chosen.options()) {
            var field = new TextField(option.label());
            field.setId("option-" + option.name());
            field.setRequiredIndicatorVisible(option.required());
            field.setHelperText(option.description());
            if (option.defaultValue() != null) {
                field.setPlaceholder(option.defaultValue());
            }
            field.setValueChangeMode(ValueChangeMode.LAZY);
            field.addValueChangeListener(change -> checkOptions());
            optionFields.put(option.name(), field);
            options.add(field);
        }
        provisioning.setVisible(chosen.provisions());
    }

    /** Asks the driver about what is filled in so far; marks the option it refuses, clears the others. */
    private boolean checkOptions() {
        var chosen = driver.getValue();
        if (chosen == null) {
            return false;
        }
        var missingRequired = chosen.options().stream().filter(DriverList.Option::required)
                .anyMatch(option -> optionFields.get(option.name()).getValue().isBlank());
        var check = creation.check(chosen.name(), driverOptions());
        optionFields.forEach((option, field) -> {
            var refused = !check.valid() && option.equals(check.option());
            field.setInvalid(refused);
            if (refused) {
                field.setErrorMessage(check.problem());
            }
        });
        return check.valid() && !missingRequired;
    }

    DriverOptions driverOptions() {
        var values = new LinkedHashMap<String, String>();
        optionFields.forEach((option, field) -> {
            if (!field.getValue().isBlank()) {
                values.put(option, field.getValue().strip());
            }
        });
        return new DriverOptions(values);
    }

    private void submit() {
        problem.setText("");
        if (team.getValue() == null) {
            problem.setText("Pick the team the machine is for.");
            return;
        }
        if (!checkName()) {
            problem.setText("The name is not valid: " + name.getErrorMessage());
            return;
        }
        if (driver.getValue() == null || !checkOptions()) {
            problem.setText("Fill in the driver's required options and put right what is marked.");
            return;
        }
        var provisions = driver.getValue().provisions();
        EngineOptions engine = null;
        String key = null;
        if (provisions) {
            try {
                engine = new EngineOptions(lines(flags.getValue()), commaSeparated(labels.getValue()), null, List.of());
            } catch (InvalidEngineOptionsException e) {
                problem.setText("Engine options: " + e.getMessage());
                return;
            }
            if (OWN_KEY.equals(keyChoice.getValue())) {
                if (privateKey.getValue().isBlank()) {
                    problem.setText("Paste the private key, or let the platform make one.");
                    return;
                }
                key = privateKey.getValue();
            }
        }
        try {
            var id = creation.create(team.getValue(), MachineName.of(name.getValue()), driver.getValue().name(),
                    driverOptions(), key, engine);
            getUI().ifPresent(ui -> ui.navigate(MachineView.class, id.value()));
        } catch (RuntimeException refused) {
            problem.setText(refused.getMessage());
        }
    }

    private static List<String> lines(String text) {
        return text == null ? List.of() : text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    private static List<String> commaSeparated(String text) {
        return text == null ? List.of() : Arrays.stream(text.split(",")).map(String::strip)
                .filter(part -> !part.isEmpty()).toList();
    }
}
