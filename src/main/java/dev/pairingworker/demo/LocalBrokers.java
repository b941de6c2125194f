package dev.pairingworker.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Starts the in-process broker. Its classes come from the current class path when present (tests,
 * IDE), and otherwise from the {@code demo-lib} folder beside the worker jar, which {@code mvn
 * package} fills. The worker itself never touches this class, so a production deployment needs only
 * {@code pairing-worker.jar}.
 */
public final class LocalBrokers {
  private static final String IMPLEMENTATION = "dev.pairingworker.demo.broker.EmbeddedKafkaBroker";

  private LocalBrokers() {}

  /** Starts a broker storing its data in {@code dataDir} (formatted on first use). */
  public static LocalBroker start(Path dataDir) {
    try {
      Class<?> type = brokerClass();
      Object broker = type.getConstructor(Path.class).newInstance(dataDir);
      return (LocalBroker) type.getMethod("start").invoke(broker);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException("the embedded Kafka broker did not start", e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("the embedded Kafka broker is not usable", e);
    }
  }

  /**
   * Starts a broker in a new temporary directory, which closing the broker deletes: for the demo
   * and the benchmark, whose data is worth nothing afterwards.
   */
  public static LocalBroker startTemporary(String prefix) {
    Path dataDir;
    try {
      dataDir = Files.createTempDirectory(prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    LocalBroker broker = start(dataDir);
    return new LocalBroker() {
      @Override
      public String bootstrapServers() {
        return broker.bootstrapServers();
      }

      @Override
      public void close() {
        broker.close();
        deleteQuietly(dataDir);
      }
    };
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
    } catch (IOException e) {
      // a temporary directory; the OS cleans it eventually
    }
  }

  private static Class<?> brokerClass() throws ClassNotFoundException {
    try {
      return Class.forName(IMPLEMENTATION);
    } catch (ClassNotFoundException notOnClassPath) {
      Path lib = demoLib();
      List<URL> jars = jars(lib);
      if (jars.isEmpty()) {
        throw new IllegalStateException(
            "the demo needs the broker's jars in "
                + lib
                + "; run `mvn -B -DskipTests package` first");
      }
      ClassLoader loader =
          new URLClassLoader(jars.toArray(URL[]::new), LocalBrokers.class.getClassLoader());
      return Class.forName(IMPLEMENTATION, true, loader);
    }
  }

  private static Path demoLib() {
    try {
      Path jar =
          Path.of(LocalBrokers.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return jar.resolveSibling("demo-lib");
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<URL> jars(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(f -> f.toString().endsWith(".jar"))
          .sorted()
          .map(LocalBrokers::url)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static URL url(Path file) {
    try {
      return file.toUri().toURL();
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }
}
