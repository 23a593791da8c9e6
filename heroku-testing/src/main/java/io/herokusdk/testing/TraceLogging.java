package io.herokusdk.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogManager;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Every logger at its most verbose, for secret canaries: {@code java.util.logging} (where OkHttp,
 * pgjdbc and the JDK log) is routed to SLF4J with its root at {@code ALL}, and SLF4J must be at
 * TRACE for every logger, third-party ones included, or the canary fails instead of passing on
 * a quiet log.
 *
 * <pre>{@code
 * @ExtendWith(TraceLogging.class)
 * class MyCanaryTest {
 *   @RegisterExtension final LogCapture logs = new LogCapture();
 *   ...
 * }
 * }</pre>
 *
 * <p>SLF4J's level belongs to its binding and is fixed when the binding starts; with slf4j-simple,
 * run the canary tests with {@code -Dorg.slf4j.simpleLogger.defaultLogLevel=trace} (this project
 * runs every {@code *CanaryTest} in a surefire execution of its own that sets it). Put
 * {@code org.slf4j:jcl-over-slf4j} on the test classpath to route commons-logging too, as Spring
 * Boot does.
 */
public final class TraceLogging implements BeforeAllCallback {
  /** The SDK's loggers and those of the libraries it is built on; each must be at TRACE. */
  private static final List<String> THIRD_PARTY_LOGGERS = List.of(
      "org.apache.http.headers", "org.apache.http.wire", "okhttp3", "okhttp3.internal.http2.Http2",
      "retrofit2", "io.lettuce.core", "io.netty", "org.postgresql", "com.zaxxer.hikari",
      "com.zaxxer.hikari.HikariConfig", "com.zaxxer.hikari.pool.HikariPool", "io.zonky",
      "io.herokusdk", "io.herokusdk.api", "io.herokusdk.postgres", "io.herokusdk.redis",
      "io.herokusdk.mail", "io.herokusdk.testing");

  /** For {@code @ExtendWith}; or call {@link #enable()}. */
  public TraceLogging() {}

  /**
   * Routes {@code java.util.logging} to SLF4J at {@code ALL} and checks that every logger logs
   * at TRACE.
   *
   * @throws IllegalStateException naming the loggers that are not at TRACE, and how to fix it
   */
  public static void enable() {
    if (!SLF4JBridgeHandler.isInstalled()) {
      SLF4JBridgeHandler.removeHandlersForRootLogger();
      SLF4JBridgeHandler.install();
    }
    LogManager.getLogManager().getLogger("").setLevel(Level.ALL);
    List<String> quiet = new ArrayList<>();
    if (!LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME).isTraceEnabled()) quiet.add("ROOT");
    for (String name : THIRD_PARTY_LOGGERS) {
      if (!LoggerFactory.getLogger(name).isTraceEnabled()) quiet.add(name);
      if (!java.util.logging.Logger.getLogger(name).isLoggable(Level.FINEST)) {
        quiet.add(name + " (java.util.logging)");
      }
    }
    if (!quiet.isEmpty()) {
      throw new IllegalStateException("These loggers are not at TRACE, so a secret canary would "
          + "pass on a quiet log: " + quiet + ". Set the SLF4J binding's level to TRACE before "
          + "it starts (slf4j-simple: -Dorg.slf4j.simpleLogger.defaultLogLevel=trace).");
    }
  }

  /** Runs {@link #enable()} before the test class. */
  @Override
  public void beforeAll(ExtensionContext context) {
    enable();
  }

  @Override
  public String toString() {
    return "TraceLogging";
  }
}
