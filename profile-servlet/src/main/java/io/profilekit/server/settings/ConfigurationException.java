package io.profilekit.server.settings;

/**
 * A setting or command-line argument profilekit cannot use: misspelt, malformed, out of range,
 * or missing where another needs it. Its message names the setting and says what it must be
 * (never a secret's value); the jar prints it and exits with status 2, the WAR refuses to
 * start with it.
 */
public final class ConfigurationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConfigurationException(String message) {
        super(message);
    }

    public ConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
