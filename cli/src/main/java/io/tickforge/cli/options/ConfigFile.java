package io.tickforge.cli.options;

import picocli.CommandLine;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * An optional properties file given with {@code --config FILE} before or after the subcommand. Lines are flag
 * defaults, by long option name without dashes ({@code rate=2000}) or qualified by subcommand
 * ({@code simulate.rate=2000}, which wins), and Kafka client properties ({@code kafka.security.protocol=SSL}).
 * Flags on the command line always win over the file.
 */
public final class ConfigFile implements CommandLine.IDefaultValueProvider {
    /** The flag that names the file. */
    public static final String FLAG = "--config";
    private static final String KAFKA_PREFIX = "kafka.";

    private final Properties properties;

    private ConfigFile(Properties properties) {
        this.properties = properties;
    }

    /** @return a config with no entries, for runs without {@code --config} */
    public static ConfigFile empty() {
        return new ConfigFile(new Properties());
    }

    /**
     * @param file the properties file
     * @return the loaded config
     * @throws CommandLine.ParameterException-like {@link IllegalArgumentException} naming the file when unreadable
     */
    public static ConfigFile load(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(FLAG + " file does not exist: " + file, e);
        } catch (IOException e) {
            throw new UncheckedIOException(FLAG + " file cannot be read: " + file, e);
        }
        return new ConfigFile(p);
    }

    /**
     * Finds {@code --config FILE} or {@code --config=FILE} among the raw arguments, before picocli parses them.
     *
     * @param args the raw arguments
     * @return the config file, or {@link #empty()}
     */
    public static ConfigFile fromArgs(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals(FLAG) && i + 1 < args.size()) {
                return load(Path.of(args.get(i + 1)));
            }
            if (a.startsWith(FLAG + "=")) {
                return load(Path.of(a.substring(FLAG.length() + 1)));
            }
        }
        return empty();
    }

    /** @return the {@code kafka.*} entries with the prefix removed */
    public Map<String, String> kafkaProperties() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String name : properties.stringPropertyNames()) {
            if (name.startsWith(KAFKA_PREFIX)) {
                out.put(name.substring(KAFKA_PREFIX.length()), properties.getProperty(name));
            }
        }
        return out;
    }

    @Override
    public String defaultValue(CommandLine.Model.ArgSpec argSpec) {
        if (!(argSpec instanceof CommandLine.Model.OptionSpec option) || option.longestName().equals("--kafka")) {
            return null;
        }
        String key = option.longestName().replaceFirst("^-+", "");
        CommandLine.Model.CommandSpec command = option.command();
        if (command != null) {
            String qualified = properties.getProperty(command.name() + "." + key);
            if (qualified != null) {
                return qualified;
            }
        }
        return properties.getProperty(key);
    }
}
