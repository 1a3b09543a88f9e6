package io.harbormaster.command.driver;

import io.harbormaster.api.machine.MachineId;
import io.harbormaster.api.team.TeamId;
import io.harbormaster.command.secret.SecretPath;
import io.harbormaster.command.secret.SecretStore;
import io.harbormaster.command.secret.SecretStoreException;
import io.harbormaster.command.ssh.HostShells;
import io.harbormaster.command.ssh.MachineSshKeys;
import io.harbormaster.driver.CloudCredential;
import io.harbormaster.driver.DriverContext;
import io.harbormaster.driver.DriverException;
import io.harbormaster.driver.HostShell;
import io.harbormaster.driver.SshTarget;
import java.time.Clock;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.PropertyResolver;

/**
 * The {@link DriverContext} of this process: SSH through the SSH layer, keys and credentials from the secret store,
 * settings from the platform's configuration ({@code harbormaster.drivers.<key>}). Each is looked up when first used,
 * not when the registry is made, so a context without an SSH layer or a secret store (some test slices) still lets
 * drivers that need neither work; a driver that does is told what is missing.
 */
final class PlatformDriverContext implements DriverContext {

    private final ObjectProvider<HostShells> shells;
    private final ObjectProvider<MachineSshKeys> keys;
    private final ObjectProvider<SecretStore> secrets;
    private static final String SETTINGS_PREFIX = "harbormaster.drivers.";
    private static final Pattern SETTING_KEY = Pattern.compile("^[a-z0-9][a-z0-9.-]{0,127}$");

    private final Clock clock;
    private final PropertyResolver settings;

    PlatformDriverContext(ObjectProvider<HostShells> shells, ObjectProvider<MachineSshKeys> keys,
                          ObjectProvider<SecretStore> secrets, Clock clock, PropertyResolver settings) {
        this.shells = shells;
        this.keys = keys;
        this.secrets = secrets;
        this.clock = clock;
        this.settings = settings;
    }

    /** A context without settings. */
    PlatformDriverContext(ObjectProvider<HostShells> shells, ObjectProvider<MachineSshKeys> keys,
                          ObjectProvider<SecretStore> secrets, Clock clock) {
        this(shells, keys, secrets, clock, null);
    }

    @Override
    public HostShell openShell(MachineId machine, SshTarget target) {
        return require(shells.getIfAvailable(), "SSH access").open(machine, target);
    }

    @Override
    public Optional<String> sshPublicKey(MachineId machine) {
        try {
            return require(keys.getIfAvailable(), "SSH keys").currentPublicKey(machine);
        } catch (SecretStoreException e) {
            throw new DriverException(e.getMessage(), e);
        }
    }

    /** A credential name that cannot be a path segment is refused like a missing store: with the rule, no value. */
    @Override
    public Optional<CloudCredential> cloudCredential(TeamId team, String name) {
        SecretPath path;
        try {
            path = SecretPath.teamCredential(team, name);
        } catch (IllegalArgumentException e) {
            throw new DriverException("The cloud credential name is not usable: " + e.getMessage());
        }
        try {
            return require(secrets.getIfAvailable(), "secret store").read(path)
                    .map(secret -> new CloudCredential(name, secret.data()));
        } catch (SecretStoreException e) {
            throw new DriverException(e.getMessage(), e);
        }
    }

    @Override
    public Clock clock() {
        return clock;
    }

    /** Only keys of the drivers' own namespace: a driver cannot read other configuration, such as passwords. */
    @Override
    public Optional<String> setting(String key) {
        if (key == null || !SETTING_KEY.matcher(key).matches()) {
            throw new DriverException("A driver setting is named with lower-case letters, digits, dots and dashes.");
        }
        if (settings == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(settings.getProperty(SETTINGS_PREFIX + key)).map(String::strip)
                .filter(value -> !value.isEmpty());
    }

    private static <T> T require(T dependency, String what) {
        if (dependency == null) {
            throw new DriverException("This Harbormaster process has no " + what + " configured for drivers.");
        }
        return dependency;
    }
}
