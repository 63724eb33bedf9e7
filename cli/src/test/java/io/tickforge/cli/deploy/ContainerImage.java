package io.tickforge.cli.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An image tarball as {@code jib:buildTar} writes it (docker-save format: {@code manifest.json}, the config, gzipped
 * layers), read with GNU tar, and run without a container engine: its layers unpacked into a root directory, its
 * entrypoint started there by {@code unshare} with a private PID namespace and {@code /proc}, its working directory,
 * its environment only, and its user. That is what a container runtime does short of cgroups and a network
 * namespace (the process shares the host's loopback, which is how tests reach it and it reaches the test broker).
 */
final class ContainerImage {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path tarball;
    private final JsonNode manifest;
    private final JsonNode config;

    private ContainerImage(Path tarball, JsonNode manifest, JsonNode config) {
        this.tarball = tarball;
        this.manifest = manifest;
        this.config = config;
    }

    /**
     * @param tarball an image tarball
     * @return the image, its manifest and config read
     * @throws IOException if tar cannot read it
     */
    static ContainerImage read(Path tarball) throws IOException {
        JsonNode manifest = JSON.readTree(member(tarball, "manifest.json")).get(0);
        JsonNode config = JSON.readTree(member(tarball, manifest.get("Config").asText()));
        return new ContainerImage(tarball, manifest, config);
    }

    private static byte[] member(Path tarball, String name) throws IOException {
        return run(List.of("tar", "--warning=no-unknown-keyword", "-xOf", tarball.toString(), name));
    }

    /** @return the image's tags, e.g. {@code tickforge/trainer:0.1.0-SNAPSHOT} */
    List<String> repoTags() {
        List<String> tags = new ArrayList<>();
        manifest.get("RepoTags").forEach(t -> tags.add(t.asText()));
        return tags;
    }

    /** @return the layer files in the tarball, bottom first */
    List<String> layers() {
        return strings(manifest.get("Layers"));
    }

    /** @return the image config's {@code config} object: User, Env, Entrypoint, Cmd, ExposedPorts, WorkingDir */
    JsonNode runConfig() {
        return config.get("config");
    }

    /** @return the entrypoint */
    List<String> entrypoint() {
        return strings(runConfig().get("Entrypoint"));
    }

    /** @return the environment, {@code NAME=value} */
    List<String> env() {
        return strings(runConfig().get("Env"));
    }

    /** @return the user, {@code uid:gid} */
    String user() {
        return runConfig().path("User").asText("");
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null) {
            array.forEach(n -> out.add(n.asText()));
        }
        return out;
    }

    /**
     * Unpacks the layers in order into {@code root} and adds what a runtime provides: the device nodes a JVM opens,
     * {@code /proc} as a mount point, and the host's {@code /etc/hosts}.
     *
     * @param root an empty directory
     * @throws IOException if unpacking fails
     */
    void unpack(Path root) throws IOException {
        Files.createDirectories(root);
        for (JsonNode layer : manifest.get("Layers")) {
            Path dir = Files.createTempDirectory(root.getParent(), "layer");
            run(List.of("tar", "--warning=no-unknown-keyword", "-xf", tarball.toString(), "-C", dir.toString(),
                    layer.asText()));
            run(List.of("tar", "--warning=no-unknown-keyword", "-xzf", dir.resolve(layer.asText()).toString(),
                    "-C", root.toString()));
            run(List.of("rm", "-rf", dir.toString()));
        }
        Files.createDirectories(root.resolve("proc"));
        Files.createDirectories(root.resolve("dev"));
        for (String[] node : new String[][] {{"null", "3"}, {"zero", "5"}, {"full", "7"}, {"random", "8"},
            {"urandom", "9"}}) {
            run(List.of("mknod", "-m", "666", root.resolve("dev").resolve(node[0]).toString(), "c", "1", node[1]));
        }
        Files.copy(Path.of("/etc/hosts"), root.resolve("etc/hosts"));
    }

    /**
     * Starts the image's entrypoint with these arguments in an unpacked root, as the image's user.
     *
     * @param root an unpacked root ({@link #unpack})
     * @param log  where stdout and stderr go
     * @param args the arguments (the image's Cmd is replaced, as {@code docker run IMAGE ARGS...} does)
     * @return the started process ({@code unshare}; its child dies with it)
     * @throws IOException if it cannot start
     */
    Process start(Path root, Path log, List<String> args) throws IOException {
        String[] user = user().split(":");
        List<String> command = new ArrayList<>(List.of("unshare", "--pid", "--fork", "--kill-child",
                "--mount-proc", "--root=" + root, "--wd=" + runConfig().path("WorkingDir").asText("/"),
                "--setgid", user.length > 1 ? user[1] : user[0], "--setuid", user[0]));
        command.addAll(entrypoint());
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        pb.environment().clear();
        for (String e : env()) {
            int eq = e.indexOf('=');
            pb.environment().put(e.substring(0, eq), e.substring(eq + 1));
        }
        return pb.start();
    }

    /** @return whether this machine can run images the way {@link #start} does: root, and util-linux unshare */
    static boolean canRun() {
        try {
            Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            return Integer.valueOf(0).equals(uid) && run(List.of("unshare", "--version")).length > 0;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private static byte[] run(List<String> command) throws IOException {
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = p.getInputStream().readAllBytes();
        try {
            if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed with exit code "
                        + (p.isAlive() ? "none (timed out)" : p.exitValue()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + String.join(" ", command), e);
        }
        return out;
    }

    /**
     * @param log a process log
     * @return its text, for assertion messages
     */
    static String text(Path log) {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
