package dev.cairn.store.registry;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Name rules of the registry. Aliases follow MLflow: letters, digits, underscores and dashes, at most 255
 * characters; {@code latest} and {@code v<digits>} are reserved (they already mean a version).
 */
public final class RegistryNames {
    /** The longest model name or alias accepted. */
    public static final int MAX_LENGTH = 255;
    private static final Pattern ALIAS = Pattern.compile("[\\w\\-]+");
    private static final Pattern VERSION_LIKE = Pattern.compile("v\\d+", Pattern.CASE_INSENSITIVE);

    private RegistryNames() {
    }

    /** Fails with a message saying why when {@code alias} is not a valid alias name. */
    public static String requireValidAlias(String alias) {
        if (alias == null || alias.isEmpty()) {
            throw new IllegalArgumentException("An alias name cannot be empty.");
        }
        if (alias.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("The alias '" + alias.substring(0, 20) + "…' is longer than "
                    + MAX_LENGTH + " characters.");
        }
        if (!ALIAS.matcher(alias).matches()) {
            throw new IllegalArgumentException("Invalid alias '" + alias
                    + "': use only letters, digits, underscores (_) and dashes (-).");
        }
        if (alias.toLowerCase(Locale.ROOT).equals("latest") || VERSION_LIKE.matcher(alias).matches()) {
            throw new IllegalArgumentException("The alias '" + alias
                    + "' is reserved ('latest' and 'v<number>' already name versions).");
        }
        return alias;
    }

    /** Fails with a message saying why when {@code name} is not a valid model name. */
    public static String requireValidModelName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A model name cannot be empty.");
        }
        if (name.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("The model name '" + name.substring(0, 20) + "…' is longer than "
                    + MAX_LENGTH + " characters.");
        }
        if (!name.equals(name.strip()) || name.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("Invalid model name '" + name
                    + "': no leading or trailing spaces or control characters.");
        }
        return name;
    }
}
