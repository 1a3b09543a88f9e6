package io.harbormaster.cli.config;

import io.harbormaster.cli.HmException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code login.json} in hm's configuration directory: the one server this workstation is logged in to. One login at
 * a time keeps {@code hm} without a "current server" to forget about; {@code hm login} to another server replaces it.
 */
public final class LoginStore {

    static final String FILE_NAME = "login.json";

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private final Path directory;

    public LoginStore(Path directory) {
        this.directory = directory;
    }

    public Path file() {
        return directory.resolve(FILE_NAME);
    }

    public Optional<StoredLogin> load() {
        try {
            return Optional.of(JSON.readValue(Files.readString(file()), StoredLogin.class));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JacksonException e) {
            // where, not what: the file holds the token, and Jackson's own message quotes the input
            throw new HmException("hm cannot read " + file() + " (not the JSON hm writes, " + Json.where(e)
                    + "). Delete it and run hm login again.");
        }
    }

    public void save(StoredLogin login) {
        PrivateFiles.write(file(), JSON.writeValueAsString(login) + "\n");
    }

    /** Forgets the login; answers whether there was one. */
    public boolean delete() {
        try {
            return Files.deleteIfExists(file());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + file() + ": " + e.getMessage(), e);
        }
    }
}
