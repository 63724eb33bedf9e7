package io.tickforge.producer.follow;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which models the producer serves, and where they come from.
 *
 * @param names     the model names to serve from the model topic (e.g. {@code timegan-SIM-XHJ}); empty serves every
 *                  model on the topic; copied. Names are not blank and contain no whitespace.
 * @param modelFile a checkpoint file to serve from the start, or {@code null}. Its model is served whatever
 *                  {@code names} says (it was named explicitly); a newer version of the same name on the model topic
 *                  replaces it.
 * @param follow    whether to follow the model topic; false serves {@code modelFile} alone (which is then required)
 *                  and needs no model consumer
 */
public record ModelsConfig(Set<String> names, Path modelFile, boolean follow) {

    /** Validates every field; messages name it ({@code models.*}) and the value. */
    public ModelsConfig {
        Objects.requireNonNull(names, "models.names must not be null (empty serves every model)");
        for (String name : names) {
            if (name == null || name.isBlank() || name.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("models.names must hold non-blank names without whitespace, got \""
                        + name + "\"");
            }
        }
        names = Set.copyOf(new TreeSet<>(names));
        if (!follow && modelFile == null) {
            throw new IllegalArgumentException("models.modelFile must be set when models.follow is false (there would"
                    + " be no model to serve), got null");
        }
    }

    /** @return every model on the topic, no file, following */
    public static ModelsConfig defaults() {
        return new ModelsConfig(Set.of(), null, true);
    }

    /**
     * @param name a model name
     * @return whether the topic's model of that name is served
     */
    public boolean serves(String name) {
        return names.isEmpty() || names.contains(name);
    }

    /**
     * @param value the names to serve, empty for all
     * @return a copy with them
     */
    public ModelsConfig withNames(Set<String> value) {
        return new ModelsConfig(value, modelFile, follow);
    }

    /**
     * @param value a checkpoint file, or null
     * @return a copy with it
     */
    public ModelsConfig withModelFile(Path value) {
        return new ModelsConfig(names, value, follow);
    }

    /**
     * @param value whether to follow the model topic
     * @return a copy with it
     */
    public ModelsConfig withFollow(boolean value) {
        return new ModelsConfig(names, modelFile, value);
    }
}
