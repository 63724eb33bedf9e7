package io.tickforge.broker.junit;

import io.tickforge.broker.BrokerConfig;
import io.tickforge.broker.EmbeddedKafkaBroker;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Starts one in-process {@link EmbeddedKafkaBroker} per test class, on free loopback ports and a fresh temporary data
 * directory, and injects it into test constructors, lifecycle methods and test methods that declare an
 * {@code EmbeddedKafkaBroker} parameter. The broker is stopped and its directory deleted after the class.
 *
 * <pre>{@code
 * @ExtendWith(EmbeddedKafkaExtension.class)
 * class SomethingIT {
 *     @Test
 *     void shouldDoX(EmbeddedKafkaBroker kafka) { ... kafka.bootstrapServers() ... }
 * }
 * }</pre>
 */
public final class EmbeddedKafkaExtension implements BeforeAllCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(EmbeddedKafkaExtension.class);

    /** Creates the extension; JUnit does this through {@code @ExtendWith}. */
    public EmbeddedKafkaExtension() {
        // stateless: the broker lives in the class-level store
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        broker(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == EmbeddedKafkaBroker.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext)
            throws ParameterResolutionException {
        return broker(extensionContext);
    }

    private static EmbeddedKafkaBroker broker(ExtensionContext context) {
        ExtensionContext classContext = classContext(context);
        return classContext.getStore(NAMESPACE)
                .getOrComputeIfAbsent("broker", key -> RunningBroker.start(), RunningBroker.class)
                .broker();
    }

    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext c = context;
        while (c.getTestMethod().isPresent() && c.getParent().isPresent()) {
            c = c.getParent().get();
        }
        return c;
    }

    /** A started broker and its temporary directory, closed by JUnit when the class store is closed. */
    private record RunningBroker(EmbeddedKafkaBroker broker, Path dir) implements AutoCloseable {
        static RunningBroker start() {
            try {
                Path dir = Files.createTempDirectory("tickforge-kafka-");
                return new RunningBroker(new EmbeddedKafkaBroker(BrokerConfig.loopback(dir)).start(), dir);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create a temporary broker directory", e);
            }
        }

        @Override
        public void close() throws IOException {
            try {
                broker.close();
            } finally {
                deleteRecursively(dir);
            }
        }
    }

    /**
     * Deletes a directory tree; used for broker data directories in tests.
     *
     * @param dir the directory to delete; missing is fine
     * @throws IOException if a file cannot be deleted
     */
    public static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
